import { resolve } from "path";
import { readCdktfJsonContext, SETTINGS_CONTEXT_KEY } from "../../settings/load-settings";
import { parseSettings } from "../../settings/parse-settings";
import { SettingsError } from "../../settings/settings-error";
import { writeModule } from "./write-module";

/** `npm run module [-- --out DIR]`: writes the plain Terraform module (default `dist/terraform-module/`). */
function main(argv: readonly string[]): number {
  let outDir = "dist/terraform-module";
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out" && argv[i + 1]) outDir = argv[++i];
    else if (argv[i].startsWith("--out=")) outDir = argv[i].slice("--out=".length);
    else if (argv[i] === "--help" || argv[i] === "-h") {
      console.log("Usage: npm run module -- [--out DIR]   (default dist/terraform-module)");
      return 0;
    } else {
      console.error(`Unknown argument ${argv[i]}. Usage: npm run module -- [--out DIR]`);
      return 2;
    }
  }
  const raw = readCdktfJsonContext()[SETTINGS_CONTEXT_KEY];
  let parsed;
  try {
    parsed = parseSettings(raw);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    return 1;
  }
  const configuredKeys = raw && typeof raw === "object" ? Object.keys(raw) : [];
  const target = resolve(outDir);
  const { files, note } = writeModule({ outDir: target, settings: parsed.settings, configuredKeys });
  console.log(`Wrote the Terraform module to ${target}:\n${files.map((f) => `  ${f}`).join("\n")}`);
  if (note) console.warn(`Note: ${note}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
