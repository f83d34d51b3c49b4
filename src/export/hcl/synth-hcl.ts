import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative, resolve } from "path";
import { buildApp } from "../../app/build-app";
import { SettingsError } from "../../settings/settings-error";
import { HclExportError } from "./hcl-export-error";
import { fetchProviderSchemas } from "./provider-schema";
import { rebaseLocalBackend } from "./rebase-local-backend";
import { renderHcl } from "./render-hcl";
import { runTerraform } from "./run-terraform";

const PROJECT_ROOT = resolve(__dirname, "..", "..", "..");

/** Where `npm run synth` writes the JSON stacks, which relative `local` backend paths are written for. */
export const JSON_STACKS_DIR = join(PROJECT_ROOT, "cdktf.out", "stacks");

export interface SynthHclOptions {
  /** The folder that receives `stacks/<stack>/main.tf`; it is emptied first. @default "dist/hcl" in the project */
  readonly outdir?: string;
  /** The `context` that `cdktf.json` would give. @default the project's `cdktf.json` context */
  readonly context?: Record<string, unknown>;
  /** The environment Terraform runs in (its CLI configuration, provider mirror, plugin cache). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** What {@link synthHcl} wrote. */
export interface SynthHclResult {
  /** The folder holding one `<stack>/main.tf` per region stack. */
  readonly stacksDir: string;
  /** The stack names, sorted. */
  readonly stacks: readonly string[];
  /** Warnings from the settings, as `npm run synth` prints them. */
  readonly warnings: readonly string[];
}

/**
 * Synthesizes every region stack as Terraform JSON into a temporary folder, converts each to HCL with the provider
 * schemas, writes `<outdir>/stacks/<stack>/main.tf` and formats them with `terraform fmt`.
 */
export function synthHcl(options: SynthHclOptions = {}): SynthHclResult {
  const outdir = resolve(options.outdir ?? join(PROJECT_ROOT, "dist", "hcl"));
  const env = options.env ?? process.env;
  const jsonDir = mkdtempSync(join(tmpdir(), "otlp-proxy-synth-hcl-"));
  try {
    const { app, warnings } = buildApp({ outdir: jsonDir, ...(options.context ? { context: options.context } : {}) });
    app.synth();
    const jsonStacksDir = join(jsonDir, "stacks");
    const stacks = readdirSync(jsonStacksDir).sort();
    const configs = stacks.map((stack) => JSON.parse(readFileSync(join(jsonStacksDir, stack, "cdk.tf.json"), "utf8")));
    const requiredProviders = Object.assign({}, ...configs.map((config) => config.terraform?.required_providers ?? {}));
    const schemas = fetchProviderSchemas(requiredProviders, env);

    const stacksDir = join(outdir, "stacks");
    rmSync(outdir, { recursive: true, force: true });
    stacks.forEach((stack, i) => {
      const dir = join(stacksDir, stack);
      const config = rebaseLocalBackend(configs[i], join(JSON_STACKS_DIR, stack), dir);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "main.tf"), renderHcl(config, schemas));
    });
    runTerraform(outdir, ["fmt", "-recursive", "."], env);
    return { stacksDir, stacks, warnings };
  } finally {
    rmSync(jsonDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    const { stacksDir, stacks, warnings } = synthHcl();
    warnings.forEach((warning) => console.warn(warning));
    console.log(`Wrote HCL for ${stacks.length} stacks to ${relative(process.cwd(), stacksDir) || "."}/<stack>/main.tf: ${stacks.join(", ")}`);
  } catch (error) {
    if (!(error instanceof HclExportError || error instanceof SettingsError)) throw error;
    console.error(`synth:hcl: ${error.message.split("\n")[0]}`);
    process.exit(1);
  }
}
