import { spawnSync } from "child_process";
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { App } from "../../cdktf";
import { ProxySettings } from "../../settings/defaults";
import { HclExportError } from "../hcl/hcl-export-error";
import { fetchProviderSchemas } from "../hcl/provider-schema";
import { renderHcl } from "../hcl/render-hcl";
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

export interface WriteModuleOptions {
  /** The module folder; its content is replaced. */
  readonly outDir: string;
  /** The project's parsed settings, for the example's values. */
  readonly settings: ProxySettings;
  /** Settings keys written in cdktf.json, so the example shows only what the project sets. */
  readonly configuredKeys: readonly string[];
  /** The environment for Terraform (fmt, and the provider schema for HCL). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** Writes the module, its README and `examples/two-regions/`, and formats the HCL with `terraform fmt`. */
export function writeModule(options: WriteModuleOptions): { readonly files: readonly string[]; readonly format: "hcl" | "json"; readonly note?: string } {
  const { files, outputs } = synthesizeModule();
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, text: string) => {
    const path = join(options.outDir, name);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
    written.push(name);
  };
  const hcl = toHcl(files, options.env ?? process.env);
  for (const [name, content] of Object.entries(files)) {
    if (hcl) write(name.replace(/\.tf\.json$/, ".tf"), hcl[name as keyof ModuleFiles]);
    else write(name, `${JSON.stringify(content, null, 2)}\n`);
  }
  const example = exampleRoot(options.settings, options.configuredKeys, options.settings.regions.slice(0, 2), "../..");
  write("examples/two-regions/main.tf", example);
  write("README.md", moduleReadme(outputs, example));
  // Formatting is cosmetic; a machine without Terraform still gets a valid module.
  spawnSync("terraform", ["fmt", "-recursive", options.outDir], { encoding: "utf8", env: options.env ?? process.env });
  return { files: written, format: hcl ? "hcl" : "json", ...(hclProblem ? { note: hclProblem } : {}) };
}

let hclProblem: string | undefined;

/**
 * The module as readable HCL, through the project's JSON-to-HCL converter (src/export/hcl/), which needs the aws
 * provider's schema (`terraform providers schema -json`, from the registry or a configured mirror). Without it the
 * module is written as `.tf.json`, which Terraform reads the same way.
 */
function toHcl(files: ModuleFiles, env: NodeJS.ProcessEnv): Record<keyof ModuleFiles, string> | undefined {
  hclProblem = undefined;
  try {
    const schemas = fetchProviderSchemas({ aws: { source: AWS_PROVIDER_REQUIREMENT.source, version: "5.100.0" } }, env);
    return Object.fromEntries(Object.entries(files).map(([name, content]) => [name, renderHcl(content, schemas)])) as Record<keyof ModuleFiles, string>;
  } catch (error) {
    if (!(error instanceof HclExportError)) throw error;
    hclProblem = `written as .tf.json, since the HCL export failed: ${error.message.split("\n")[0]}`;
    return undefined;
  }
}

/** cdktf's `//` metadata keys, which Terraform ignores, are left out of the published module. */
function stripMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([key]) => key !== "//").map(([key, v]) => [key, stripMetadata(v)]));
}
