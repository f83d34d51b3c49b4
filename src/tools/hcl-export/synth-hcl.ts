import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, relative, resolve } from "path";
import { buildApp } from "../../infra/app/build-app";
import { SettingsError } from "../../infra/settings/settings-error";
import { FlagError, readFlags } from "../../infra/cli-flags/read-flags";
import { HclExportError } from "./hcl-export-error";
import { rebaseLocalBackend } from "./rebase-local-backend";
import { stackHcl } from "./stack-hcl";

const PROJECT_ROOT = resolve(__dirname, "..", "..", "..");

/** Where `npm run synth` writes the JSON stacks, which relative `local` backend paths are written for. */
export const JSON_STACKS_DIR = join(PROJECT_ROOT, "cdktf.out", "stacks");

export interface SynthHclOptions {
  /** The folder that receives `stacks/<stack>/`; it is emptied first. @default "dist/hcl" in the project */
  readonly outdir?: string;
  /** The `context` that `cdktf.json` would give. @default the project's `cdktf.json` context */
  readonly context?: Record<string, unknown>;
}

/** What {@link synthHcl} wrote. */
export interface SynthHclResult {
  /** The folder holding one `<stack>/` folder per region stack: `main.tf` and the module it calls. */
  readonly stacksDir: string;
  /** The stack names, sorted. */
  readonly stacks: readonly string[];
  /** Warnings from the settings, as `npm run synth` prints them. */
  readonly warnings: readonly string[];
}

/**
 * Synthesizes every region stack as Terraform JSON into a temporary folder and writes each as HCL,
 * `<outdir>/stacks/<stack>/main.tf`, formatted as `terraform fmt` would, beside the module folder the stack calls (the
 * module is HCL already and is copied as it is).
 */
export function synthHcl(options: SynthHclOptions = {}): SynthHclResult {
  const outdir = resolve(options.outdir ?? join(PROJECT_ROOT, "dist", "hcl"));
  const jsonDir = mkdtempSync(join(tmpdir(), "otlp-proxy-synth-hcl-"));
  try {
    const { app, warnings } = buildApp({ outdir: jsonDir, ...(options.context ? { context: options.context } : {}) });
    app.synth();
    const jsonStacksDir = join(jsonDir, "stacks");
    const stacks = readdirSync(jsonStacksDir).sort();
    const configs = stacks.map((stack) => JSON.parse(readFileSync(join(jsonStacksDir, stack, "cdk.tf.json"), "utf8")));

    const stacksDir = join(outdir, "stacks");
    rmSync(outdir, { recursive: true, force: true });
    stacks.forEach((stack, i) => {
      const dir = join(stacksDir, stack);
      const config = rebaseLocalBackend(configs[i], join(JSON_STACKS_DIR, stack), dir);
      writeHclStack(join(jsonStacksDir, stack), config, dir);
    });
    return { stacksDir, stacks, warnings };
  } finally {
    rmSync(jsonDir, { recursive: true, force: true });
  }
}

/** The synthesized stack's own configuration file, which becomes `main.tf`. */
const STACK_CONFIG = "cdk.tf.json";

/**
 * One synthesized stack folder as HCL in `hclDir`: `config` (the stack's `cdk.tf.json`, backend path already rebased)
 * as `main.tf`, and every other file of the folder copied to the same relative path, so a module `source` such as
 * `./assets/module/otlp-proxy` still finds its module. Terraform's own files (`.terraform/`, state) are skipped.
 * Returns the `main.tf` written.
 */
export function writeHclStack(jsonStackDir: string, config: Record<string, unknown>, hclDir: string): string {
  const main = stackHcl(config);
  const files = stackFiles(jsonStackDir);
  const json = files.find((file) => file.endsWith(".tf.json"));
  if (json) throw new HclExportError(`${join(jsonStackDir, json)} is Terraform JSON; the HCL export writes only the stack's cdk.tf.json and copies the module it calls, which must be HCL`);
  for (const file of files) {
    mkdirSync(dirname(join(hclDir, file)), { recursive: true });
    copyFileSync(join(jsonStackDir, file), join(hclDir, file));
  }
  mkdirSync(hclDir, { recursive: true });
  writeFileSync(join(hclDir, "main.tf"), main);
  return main;
}

/** The files of a stack folder besides its own configuration, relative and `/`-separated, sorted. */
function stackFiles(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith(".") && !/\.tfstate(\.backup)?$|\.tfplan$|^terraform\.tfvars/.test(entry.name))
    .filter((entry) => !(prefix === "" && entry.name === STACK_CONFIG))
    .flatMap((entry) => (entry.isDirectory() ? stackFiles(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

export const SYNTH_HCL_USAGE = `Usage: npm run synth:hcl [-- --help]

Writes every region stack of cdktf.json as formatted HCL into dist/hcl/stacks/<stack>/main.tf, beside the module it
calls (HCL already, copied as it is). dist/hcl is emptied first.

Options:
  -h, --help   print this help
`;

/** `npm run synth:hcl`: 0 after writing, 1 for a one-line error, 2 (with the usage) for a command line it does not read. */
export function runSynthHclCli(argv: readonly string[], io: { stdout: (text: string) => void; stderr: (text: string) => void }, options: SynthHclOptions = {}): number {
  try {
    const flags = readFlags(argv, { valueFlags: [], switches: ["--help", "-h"] });
    if (flags.has("--help") || flags.has("-h")) {
      io.stdout(SYNTH_HCL_USAGE);
      return 0;
    }
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    io.stderr(`error: ${error.message}\n\n${SYNTH_HCL_USAGE}`);
    return 2;
  }
  try {
    const { stacksDir, stacks, warnings } = synthHcl(options);
    warnings.forEach((warning) => io.stderr(`${warning}\n`));
    io.stdout(`Wrote HCL for ${stacks.length} stacks to ${relative(process.cwd(), stacksDir) || "."}/<stack>/ (main.tf and the module it calls): ${stacks.join(", ")}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof HclExportError || error instanceof SettingsError)) throw error;
    // Every settings problem (one per line); an export error's first line, which says what to do.
    io.stderr(`synth:hcl: ${error instanceof SettingsError ? error.message : error.message.split("\n")[0]}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = runSynthHclCli(process.argv.slice(2), { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
}
