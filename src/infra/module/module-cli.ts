import { relative, resolve } from "path";
import { FlagError, readFlags } from "../cli-flags/read-flags";
import { MODULE_DIR } from "./module-dir";
import { writeModule } from "./write-module";

const USAGE = `Usage: npm run module -- [--out DIR]

Regenerates the Terraform module every region stack calls from its TypeScript definition (src/infra/module/).

Options:
  --out DIR    write the module into DIR instead of modules/otlp-proxy; only the module's own files are written or
               removed there, anything else in DIR is left alone
  -h, --help   print this help
`;

/**
 * `npm run module [-- --out DIR]`: regenerates the Terraform module from its TypeScript definition. Writes only the
 * module's own files; anything else in DIR is left alone. Exit 2 with the usage for a command line it does not read.
 */
function main(argv: readonly string[]): number {
  let outDir = MODULE_DIR;
  try {
    const flags = readFlags(argv, { valueFlags: ["--out"], switches: ["--help", "-h"] });
    if (flags.has("--help") || flags.has("-h")) {
      process.stdout.write(USAGE);
      return 0;
    }
    const out = flags.value("--out");
    if (out !== undefined) outDir = resolve(out);
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  const files = writeModule(outDir);
  console.log(`Wrote the Terraform module to ${relative(process.cwd(), outDir) || "."}:\n${files.map((f) => `  ${f}`).join("\n")}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
