import { relative, resolve } from "path";
import { FlagError, readFlags } from "../cli-flags/read-flags";
import { MODULE_DIR } from "./module-dir";
import { writeModule } from "./write-module";
import { SETTINGS_DOC, writeSettingsDoc } from "../settings/settings-table";

const USAGE = `Usage: npm run module -- [--out DIR]

Regenerates the Terraform module every region stack calls from its TypeScript definition (src/infra/module/), and
the settings table of docs/settings.md from the same descriptions and rules (src/infra/settings/).

Options:
  --out DIR    write only the module, into DIR instead of modules/otlp-proxy; only the module's own files are written
               or removed there, anything else in DIR is left alone
  -h, --help   print this help
`;

/**
 * `npm run module [-- --out DIR]`: regenerates the Terraform module from its TypeScript definition, and the settings
 * table of docs/settings.md (not with --out: a copy elsewhere leaves the project's docs alone). Writes only the
 * module's own files; anything else in DIR is left alone. Exit 2 with the usage for a command line it does not read.
 */
function main(argv: readonly string[]): number {
  let outDir: string | undefined;
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
  const dir = outDir ?? MODULE_DIR;
  const files = writeModule(dir);
  console.log(`Wrote the Terraform module to ${relative(process.cwd(), dir) || "."}:\n${files.map((f) => `  ${f}`).join("\n")}`);
  if (outDir === undefined) {
    writeSettingsDoc();
    console.log(`Wrote the settings table of ${relative(process.cwd(), SETTINGS_DOC)}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
