import { mkdirSync, rmSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { DEFAULTS, ProxySettings } from "../settings/defaults";
import { exampleRoot } from "./module-example";
import { moduleReadme } from "./module-readme";
import { moduleHcl, TERRAFORM_FILES } from "./otlp-proxy-module";
import { MODULE_OUTPUTS } from "./parts/outputs";

/** The files `writeModule` writes, relative to the module folder; nothing else there is touched. */
export const MODULE_FILE_NAMES = [...TERRAFORM_FILES, "README.md", "examples/two-regions/main.tf"] as const;

/**
 * The Terraform JSON files module 0.2.0 was written as. They are the module's own files too: left beside the HCL,
 * Terraform would read every definition twice, so writing the module removes them.
 */
export const MODULE_0_2_FILE_NAMES = ["main.tf.json", "variables.tf.json", "outputs.tf.json", "versions.tf.json"] as const;

/** The regions the committed example calls the module in. */
const EXAMPLE_REGIONS = ["us-east-1", "eu-west-1"];

/**
 * The module's files, by path relative to its folder: the HCL, a README of inputs and outputs, and
 * `examples/two-regions/`, with the defaults of every setting, so the committed module never depends on one project's
 * cdktf.json.
 */
export function moduleFiles(): Record<(typeof MODULE_FILE_NAMES)[number], string> {
  const example = exampleRoot({ ...DEFAULTS, regions: EXAMPLE_REGIONS } as ProxySettings, ["teams"], EXAMPLE_REGIONS, "../..");
  return {
    ...(moduleHcl() as Record<(typeof TERRAFORM_FILES)[number], string>),
    "README.md": moduleReadme(MODULE_OUTPUTS, example),
    "examples/two-regions/main.tf": example,
  };
}

/**
 * Writes the module's files into `outDir` (created if missing). Only the files in {@link MODULE_FILE_NAMES} are
 * written and those of {@link MODULE_0_2_FILE_NAMES} removed; nothing else in the folder is read, changed or deleted.
 */
export function writeModule(outDir: string): readonly string[] {
  for (const name of MODULE_0_2_FILE_NAMES) rmSync(join(outDir, name), { force: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(moduleFiles())) {
    const path = join(outDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(name);
  }
  return written;
}
