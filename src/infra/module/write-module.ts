import { mkdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { App } from "../cdktf";
import { DEFAULTS, ProxySettings } from "../settings/defaults";
import { exampleRoot } from "./module-example";
import { AWS_PROVIDER_REQUIREMENT, TERRAFORM_REQUIREMENT } from "./module-requirements";
import { moduleReadme } from "./module-readme";
import { ModuleOutputSpec, OtlpProxyModule } from "./otlp-proxy-module";


/** The module as Terraform JSON, split into the usual files of a module. */
export interface ModuleFiles {
  readonly "versions.tf.json": object;
  readonly "variables.tf.json": object;
  readonly "main.tf.json": object;
  readonly "outputs.tf.json": object;
}

/** Synthesizes the module stack and splits it into files: no provider, no backend, only `required_providers`. */
export function synthesizeModule(): { files: ModuleFiles; outputs: readonly ModuleOutputSpec[] } {
  const app = new App({ outdir: join(tmpdir(), "otlp-proxy-module-unused") });
  const stack = new OtlpProxyModule(app, "otlp-proxy-module");
  const json = stripMetadata(stack.toTerraform()) as Record<string, any>;
  const { variable, output, locals, data, resource } = json;
  return {
    outputs: stack.outputs,
    files: {
      "versions.tf.json": { terraform: { required_version: TERRAFORM_REQUIREMENT, required_providers: { aws: AWS_PROVIDER_REQUIREMENT } } },
      "variables.tf.json": { variable },
      "main.tf.json": { locals, data, resource },
      "outputs.tf.json": { output },
    },
  };
}

/** The files `writeModule` writes, relative to the module folder; nothing else there is touched. */
export const MODULE_FILE_NAMES = ["versions.tf.json", "variables.tf.json", "main.tf.json", "outputs.tf.json", "README.md", "examples/two-regions/main.tf"] as const;

/** The regions the committed example calls the module in. */
const EXAMPLE_REGIONS = ["us-east-1", "eu-west-1"];

/**
 * The module's files, by path relative to its folder: the Terraform JSON (which Terraform reads as it reads HCL), a
 * README of inputs and outputs, and `examples/two-regions/`, with the defaults of every setting, so the committed module
 * never depends on one project's cdktf.json.
 */
export function moduleFiles(): Record<(typeof MODULE_FILE_NAMES)[number], string> {
  const { files, outputs } = synthesizeModule();
  const example = exampleRoot({ ...DEFAULTS, regions: EXAMPLE_REGIONS } as ProxySettings, ["teams"], EXAMPLE_REGIONS, "../..");
  const json = (content: object) => `${JSON.stringify(content, null, 2)}\n`;
  return {
    "versions.tf.json": json(files["versions.tf.json"]),
    "variables.tf.json": json(files["variables.tf.json"]),
    "main.tf.json": json(files["main.tf.json"]),
    "outputs.tf.json": json(files["outputs.tf.json"]),
    "README.md": moduleReadme(outputs, example),
    "examples/two-regions/main.tf": example,
  };
}

/**
 * Writes the module's files into `outDir` (created if missing). Only the files in {@link MODULE_FILE_NAMES} are
 * written; nothing else in the folder is read, changed or deleted.
 */
export function writeModule(outDir: string): readonly string[] {
  const written: string[] = [];
  for (const [name, text] of Object.entries(moduleFiles())) {
    const path = join(outDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(name);
  }
  return written;
}

/** cdktf's `//` metadata keys, which Terraform ignores, are left out of the published module. */
function stripMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([key]) => key !== "//").map(([key, v]) => [key, stripMetadata(v)]));
}
