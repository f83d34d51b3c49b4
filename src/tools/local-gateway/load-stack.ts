import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { LocalGatewayError } from "./local-gateway-error";
import { planStack } from "./terraform-plan";
import { TerraformJson } from "./terraform-refs";

/** The repository root (this file lives in `src/tools/local-gateway/`). */
export const REPO_ROOT = resolve(__dirname, "..", "..", "..");

/** A synthesized stack, as `terraform plan` evaluates its folder. */
export interface LoadedStack {
  /** The stack's name (its folder under `cdktf.out/stacks/`), or the file name for an explicit file. */
  readonly name: string;
  readonly file: string;
  /** The stack folder that was planned (the file's folder). */
  readonly dir: string;
  /** One resource entry per planned instance (plan-doc.ts). */
  readonly doc: TerraformJson;
  /** Whether the plan came from the plan cache. */
  readonly cached: boolean;
}

export interface LoadStackOptions {
  /** A `cdk.tf.json` to read as is. */
  readonly stackFile?: string;
  /** A stack under `<repoRoot>/cdktf.out/stacks/`. */
  readonly stackName?: string;
  /** @default the repository this file belongs to */
  readonly repoRoot?: string;
  /** Run `npm run synth` when the named stack's file is missing. @default true */
  readonly synthIfMissing?: boolean;
  /** Told before synthesizing. @default no output */
  readonly onSynth?: (message: string) => void;
  /** Terraform's environment. @default process.env */
  readonly terraformEnv?: NodeJS.ProcessEnv;
  /** Where plans are cached. @default terraform-plan.ts DEFAULT_PLAN_CACHE_DIR */
  readonly planCacheDir?: string;
  /** Told before Terraform runs (no cached plan). @default no output */
  readonly onPlan?: (message: string) => void;
}

/** The path `npm run synth` writes a stack to. */
export function stackFilePath(stackName: string, repoRoot: string = REPO_ROOT): string {
  return join(repoRoot, "cdktf.out", "stacks", stackName, "cdk.tf.json");
}

/**
 * Reads a stack by file or by name: its folder is planned by Terraform (terraform-plan.ts) and the plan turned into the
 * document the gateway model is built from, whether the stack declares the resources itself or calls a module that
 * does. A named stack whose file is missing is synthesized first (once); if it is still missing, the error lists the
 * stacks that exist.
 */
export function loadStack(options: LoadStackOptions): LoadedStack {
  const repoRoot = options.repoRoot ?? REPO_ROOT;
  if (options.stackFile) return planned(options.stackFile, options.stackFile, options);
  const name = options.stackName;
  if (!name) throw new LocalGatewayError("No stack given: pass --stack <name> (for example otlp-proxy-us-west-2)");
  const file = stackFilePath(name, repoRoot);
  if (!existsSync(file) && options.synthIfMissing !== false) {
    options.onSynth?.(`${file} is missing; running npm run synth`);
    runSynth(repoRoot);
  }
  if (!existsSync(file)) {
    const stacksDir = join(repoRoot, "cdktf.out", "stacks");
    const available = existsSync(stacksDir) ? readdirSync(stacksDir).join(", ") : "none";
    throw new LocalGatewayError(`Stack ${name} not found in ${stacksDir} (available: ${available || "none"})`);
  }
  return planned(name, file, options);
}

function planned(name: string, file: string, options: LoadStackOptions): LoadedStack {
  readStackFile(file);
  const dir = dirname(resolve(file));
  const { planDoc, cached } = planStack({ stackDir: dir, env: options.terraformEnv, cacheDir: options.planCacheDir, onPlan: options.onPlan });
  return { name, file, dir, doc: planDoc.doc, cached };
}

/** Reads the stack file itself first, for a plain error when it is missing or not JSON. */
function readStackFile(file: string): TerraformJson {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new LocalGatewayError(`Cannot read stack file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text) as TerraformJson;
  } catch (error) {
    throw new LocalGatewayError(`Stack file ${file} is not JSON: ${(error as Error).message}`);
  }
}

function runSynth(repoRoot: string): void {
  try {
    execFileSync("npm", ["run", "--silent", "synth"], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    const firstLine = stderr.split("\n").find((line) => line.trim() !== "") ?? (error as Error).message;
    throw new LocalGatewayError(`npm run synth failed: ${firstLine}`);
  }
}
