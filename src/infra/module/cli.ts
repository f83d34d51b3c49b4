import { relative, resolve } from "path";
import { MODULE_DIR } from "../stacks/otlp-proxy-module-files";
import { writeModule } from "./write-module";

const USAGE = "Usage: npm run module -- [--out DIR]   (default: modules/otlp-proxy, the module the region stacks call)";

/**
 * `npm run module [-- --out DIR]`: regenerates the Terraform module from its TypeScript definition. Writes only the
 * module's own files; anything else in DIR is left alone.
 */
function main(argv: readonly string[]): number {
  let outDir = MODULE_DIR;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out" && argv[i + 1] !== undefined) outDir = resolve(argv[++i]);
    else if (argv[i].startsWith("--out=")) outDir = resolve(argv[i].slice("--out=".length));
    else if (argv[i] === "--help" || argv[i] === "-h") {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`Unknown argument ${JSON.stringify(argv[i])}. ${USAGE}`);
      return 2;
    }
  }
  const files = writeModule(outDir);
  console.log(`Wrote the Terraform module to ${relative(process.cwd(), outDir) || "."}:\n${files.map((f) => `  ${f}`).join("\n")}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
