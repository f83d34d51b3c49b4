import { spawnSync } from "child_process";
import { createHash, randomUUID } from "crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { homedir, tmpdir } from "os";
import { dirname, join, relative, resolve } from "path";
import { LocalGatewayError } from "./local-gateway-error";
import { plainName, PlanDoc, planToDoc, restApiStandInId, RestApiInstance, TerraformPlan } from "./plan-doc";

/** Bumped when what is planned or cached changes, so older cached plans are not read. */
const PLAN_CACHE_FORMAT = "local-gateway-plan-1";

/** Where plans are cached by default: one JSON file per content hash of a stack folder. */
export const DEFAULT_PLAN_CACHE_DIR = join(tmpdir(), "otlp-proxy-local-gateway", "plan-cache");

/** The override written into the copied stack folder: its name sorts after cdktf's files. */
export const OVERRIDE_FILE = "zz_local_gateway_override.tf.json";

const PLAN_FILE = "local-gateway.tfplan";
const DEFAULT_PROVIDER = "registry.terraform.io/hashicorp/aws";

export interface PlanStackOptions {
  /** The stack folder: `cdk.tf.json` and whatever it calls (a module copied inside it). Never written to. */
  readonly stackDir: string;
  /** Terraform's environment (the user's CLI configuration, plugin cache, provider mirror). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default {@link DEFAULT_PLAN_CACHE_DIR} */
  readonly cacheDir?: string;
  /** Told before Terraform runs (a cold start), e.g. to print a line. */
  readonly onPlan?: (message: string) => void;
}

/** A stack as Terraform plans it. */
export interface PlannedStack {
  /** `terraform show -json` of the plan. */
  readonly plan: TerraformPlan;
  /** The plan as the document the gateway model is built from. */
  readonly planDoc: PlanDoc;
  /** Whether the plan came from the cache (no Terraform run). */
  readonly cached: boolean;
  /** How many times `terraform plan` ran for this call: 0 from the cache, 2 when the REST API had to be found first. */
  readonly passes: number;
  /** The content hash of the stack folder the plan is cached under. */
  readonly key: string;
}

/**
 * What a stack folder would deploy, from Terraform's own evaluation of it: the folder is copied to a temporary
 * directory with an override file (a local backend; the AWS provider with dummy credentials and every start-up check
 * skipped, so nothing reaches AWS), then `terraform init`, `terraform plan -refresh=false` and `terraform show -json`.
 * The REST API is planned as already existing with stand-in ids (a seeded state), so values built from its id or ARN,
 * such as a resource policy, are known at plan. The plan is cached by a hash of the folder's files.
 */
export function planStack(options: PlanStackOptions): PlannedStack {
  const stackDir = resolve(options.stackDir);
  const files = stackFiles(stackDir);
  const key = contentKey(stackDir, files);
  const cacheDir = options.cacheDir ?? DEFAULT_PLAN_CACHE_DIR;
  const cacheFile = join(cacheDir, `${key}.json`);
  const cachedPlan = readCachedPlan(cacheFile);
  if (cachedPlan) return { plan: cachedPlan, planDoc: planToDoc(cachedPlan), cached: true, passes: 0, key };

  options.onPlan?.(`Planning ${stackDir} with terraform (first start for this content; the plan is cached in ${cacheDir})`);
  const env = terraformEnvironment(options.env ?? process.env, cacheDir);
  const workDir = mkdtempSync(join(tmpdir(), "otlp-proxy-local-gateway-plan-"));
  try {
    for (const file of files) {
      mkdirSync(dirname(join(workDir, file)), { recursive: true });
      copyFileSync(join(stackDir, file), join(workDir, file));
    }
    const root = readRootJson(stackDir);
    writeFileSync(join(workDir, OVERRIDE_FILE), JSON.stringify(overrideConfig(root), null, 2));
    const region = providerRegion(root);
    let seeds = discoverRestApis(stackDir);
    writeSeededState(workDir, seeds, region);
    init(workDir, env, stackDir);
    let plan = runPlan(workDir, env, stackDir);
    let planDoc = planToDoc(plan);
    let passes = 1;
    if (planDoc.unresolved.length > 0 && planDoc.unknownRestApis.length > 0) {
      // The files did not show where the REST API is; the plan does: seed it there and plan once more.
      seeds = [...seeds, ...planDoc.unknownRestApis];
      writeSeededState(workDir, seeds, region);
      plan = runPlan(workDir, env, stackDir);
      planDoc = planToDoc(plan);
      passes = 2;
    }
    writeCachedPlan(cacheFile, plan);
    return { plan, planDoc, cached: false, passes, key };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The stack folder's files, relative and sorted, without Terraform's working data and state. */
function stackFiles(stackDir: string): string[] {
  if (!existsSync(stackDir)) throw new LocalGatewayError(`Stack folder ${stackDir} does not exist`);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      const stat = statSync(path);
      if (stat.isDirectory()) {
        if (entry === ".terraform" || entry === "terraform.tfstate.d") continue;
        walk(path);
      } else if (stat.isFile() && !/\.tfstate(\..*)?$|\.tfplan$|^\.terraform\.tfstate\.lock\.info$/.test(entry) && entry !== OVERRIDE_FILE) {
        files.push(relative(stackDir, path));
      }
    }
  };
  walk(stackDir);
  return files;
}

/** A hash of every file that decides the plan (the provider lock file does not). */
function contentKey(stackDir: string, files: readonly string[]): string {
  const hash = createHash("sha256").update(PLAN_CACHE_FORMAT);
  for (const file of files) {
    if (file === ".terraform.lock.hcl") continue;
    const content = readFileSync(join(stackDir, file));
    hash.update(`\0${file.split(/[\\/]/).join("/")}\0${content.length}\0`).update(content);
  }
  return hash.digest("hex").slice(0, 32);
}

function readCachedPlan(file: string): TerraformPlan | undefined {
  try {
    const plan = JSON.parse(readFileSync(file, "utf8")) as TerraformPlan;
    return Array.isArray(plan.resource_changes) ? plan : undefined;
  } catch {
    return undefined;
  }
}

function writeCachedPlan(file: string, plan: TerraformPlan): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
    writeFileSync(temporary, JSON.stringify(plan));
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written only costs the next start another plan.
  }
}

interface RootJson {
  readonly provider?: { readonly aws?: unknown };
  readonly [key: string]: unknown;
}

/** The stack's `cdk.tf.json` (or the one root `*.tf.json`), for its provider blocks and module calls. */
function readRootJson(stackDir: string): RootJson {
  const candidates = existsSync(join(stackDir, "cdk.tf.json")) ? ["cdk.tf.json"] : readdirSync(stackDir).filter((f) => f.endsWith(".tf.json"));
  const merged: Record<string, unknown> = {};
  for (const file of candidates) {
    try {
      const json = JSON.parse(readFileSync(join(stackDir, file), "utf8")) as Record<string, unknown>;
      for (const [key, value] of Object.entries(json)) merged[key] = merged[key] ?? value;
    } catch (error) {
      throw new LocalGatewayError(`Stack file ${join(stackDir, file)} is not JSON: ${(error as Error).message}`);
    }
  }
  return merged;
}

/** The root's `provider "aws"` blocks, as a list. */
function awsProviders(root: RootJson): Array<Record<string, unknown>> {
  const aws = root.provider?.aws;
  if (Array.isArray(aws)) return aws as Array<Record<string, unknown>>;
  return aws && typeof aws === "object" ? [aws as Record<string, unknown>] : [];
}

/** The region of the root's default AWS provider (for the seeded REST API's ARNs only). */
function providerRegion(root: RootJson): string {
  const providers = awsProviders(root);
  const region = (providers.find((p) => p.alias === undefined) ?? providers[0])?.region;
  return typeof region === "string" && /^[a-z0-9-]+$/.test(region) ? region : "us-east-1";
}

/**
 * Overrides for a plan that never reaches AWS or the real backend: a local backend in the temporary folder, and each of
 * the root's AWS provider blocks (same alias) with dummy static credentials and no credential, account or metadata
 * lookups. The region stays the stack's own.
 */
export function overrideConfig(root: RootJson): object {
  const offline = {
    access_key: "local-gateway",
    secret_key: "local-gateway",
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
  };
  const providers = awsProviders(root).map((block) => ({
    ...(block.alias !== undefined ? { alias: block.alias } : {}),
    ...(block.region !== undefined ? { region: block.region } : {}),
    ...offline,
  }));
  return {
    terraform: { backend: { local: { path: "terraform.tfstate" } } },
    ...(providers.length ? { provider: { aws: providers } } : {}),
  };
}

/**
 * REST APIs the folder's JSON (and, by a plain search, HCL) files declare, following local module calls: where to seed
 * the state so the first plan already knows their ids. A guess; a wrong one costs a second plan, never a wrong model.
 */
function discoverRestApis(stackDir: string): RestApiInstance[] {
  const found: RestApiInstance[] = [];
  const visit = (dir: string, moduleAddress: string | undefined, depth: number) => {
    if (depth > 5 || !existsSync(dir)) return;
    for (const file of readdirSync(dir).sort()) {
      const path = join(dir, file);
      if (file === OVERRIDE_FILE || !statSync(path).isFile()) continue;
      if (file.endsWith(".tf.json")) {
        let json: Record<string, any>;
        try {
          json = JSON.parse(readFileSync(path, "utf8"));
        } catch {
          continue;
        }
        for (const [name, block] of Object.entries((json.resource?.aws_api_gateway_rest_api ?? {}) as Record<string, any>)) {
          if (block?.for_each !== undefined) continue;
          found.push({ moduleAddress, name, index: block?.count !== undefined ? 0 : undefined });
        }
        for (const [name, call] of Object.entries((json.module ?? {}) as Record<string, any>)) {
          if (call?.count !== undefined || call?.for_each !== undefined || typeof call?.source !== "string" || !/^\.\.?\//.test(call.source)) continue;
          visit(resolve(dir, call.source), `${moduleAddress ? `${moduleAddress}.` : ""}module.${name}`, depth + 1);
        }
      } else if (file.endsWith(".tf")) {
        const text = readFileSync(path, "utf8");
        for (const match of text.matchAll(/^resource\s+"aws_api_gateway_rest_api"\s+"([A-Za-z0-9_-]+)"/gm)) found.push({ moduleAddress, name: match[1] });
        for (const match of text.matchAll(/^module\s+"([A-Za-z0-9_-]+)"\s*\{[^}]*?\bsource\s*=\s*"(\.\.?\/[^"]*)"/gm)) {
          visit(resolve(dir, match[2]), `${moduleAddress ? `${moduleAddress}.` : ""}module.${match[1]}`, depth + 1);
        }
      }
    }
  };
  visit(stackDir, undefined, 0);
  return found;
}

/** A state holding only the given REST APIs, with stand-in ids and ARNs: the plan updates them instead of creating them. */
function writeSeededState(workDir: string, apis: readonly RestApiInstance[], region: string): void {
  const unique = new Map(apis.map((api) => [`${api.moduleAddress ?? ""}|${api.name}|${JSON.stringify(api.index)}`, api]));
  const resources = new Map<string, { module?: string; mode: string; type: string; name: string; provider: string; instances: object[] }>();
  for (const api of unique.values()) {
    const id = restApiStandInId(api);
    const key = `${api.moduleAddress ?? ""}|${api.name}`;
    const entry = resources.get(key) ?? {
      ...(api.moduleAddress ? { module: api.moduleAddress } : {}),
      mode: "managed",
      type: "aws_api_gateway_rest_api",
      name: api.name,
      provider: `provider["${api.providerName ?? DEFAULT_PROVIDER}"]`,
      instances: [],
    };
    entry.instances.push({
      ...(api.index !== undefined ? { index_key: api.index } : {}),
      schema_version: 0,
      attributes: {
        id,
        root_resource_id: restApiStandInId({ name: plainName(api.name, api.index), index: "root" }),
        arn: `arn:aws:apigateway:${region}::/restapis/${id}`,
        execution_arn: `arn:aws:execute-api:${region}:000000000000:${id}`,
      },
      sensitive_attributes: [],
    });
    resources.set(key, entry);
  }
  const state = { version: 4, terraform_version: "1.5.0", serial: 1, lineage: randomUUID(), outputs: {}, resources: [...resources.values()] };
  writeFileSync(join(workDir, "terraform.tfstate"), JSON.stringify(state, null, 2));
}

/**
 * The environment Terraform runs in: the caller's, without what would point it at the user's own working data, state
 * or arguments; a plugin cache in the cache folder unless the caller's configuration has one.
 */
function terraformEnvironment(base: NodeJS.ProcessEnv, cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, TF_IN_AUTOMATION: "1", TF_INPUT: "0", CHECKPOINT_DISABLE: "1" };
  for (const name of Object.keys(env)) {
    if (name === "TF_DATA_DIR" || name === "TF_WORKSPACE" || name === "TF_CLI_ARGS" || name.startsWith("TF_CLI_ARGS_")) delete env[name];
  }
  if (!env.TF_PLUGIN_CACHE_DIR && !cliConfigHasPluginCache(env)) {
    env.TF_PLUGIN_CACHE_DIR = join(dirname(cacheDir), "plugin-cache");
    mkdirSync(env.TF_PLUGIN_CACHE_DIR, { recursive: true });
    // The copied folder has no lock file to record checksums; without this, Terraform 1.4+ downloads again each time.
    env.TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE = "true";
  }
  return env;
}

function cliConfigHasPluginCache(env: NodeJS.ProcessEnv): boolean {
  const file = env.TF_CLI_CONFIG_FILE ?? join(homedir(), process.platform === "win32" ? "terraform.rc" : ".terraformrc");
  try {
    return /^\s*plugin_cache_dir\s*=/m.test(readFileSync(file, "utf8"));
  } catch {
    return false;
  }
}

function init(workDir: string, env: NodeJS.ProcessEnv, stackDir: string): void {
  const first = terraform(workDir, ["init", "-input=false"], env);
  if (first.status === 0) return;
  // A lock file from the user's own init may not match this machine's provider installation: retry without it.
  const lock = join(workDir, ".terraform.lock.hcl");
  if (existsSync(lock)) {
    rmSync(lock);
    const second = terraform(workDir, ["init", "-input=false"], env);
    if (second.status === 0) return;
  }
  throw new LocalGatewayError(`terraform init failed for ${stackDir}: ${firstError(first.output)}`);
}

function runPlan(workDir: string, env: NodeJS.ProcessEnv, stackDir: string): TerraformPlan {
  const plan = terraform(workDir, ["plan", "-refresh=false", "-input=false", "-lock=false", `-out=${PLAN_FILE}`], env);
  if (plan.status !== 0) throw new LocalGatewayError(`terraform plan failed for ${stackDir}: ${firstError(plan.output)}`);
  const show = terraform(workDir, ["show", "-json", PLAN_FILE], env);
  if (show.status !== 0) throw new LocalGatewayError(`terraform show failed for ${stackDir}: ${firstError(show.output)}`);
  try {
    return JSON.parse(show.stdout) as TerraformPlan;
  } catch (error) {
    throw new LocalGatewayError(`terraform show -json gave no JSON for ${stackDir}: ${(error as Error).message}`);
  }
}

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly output: string;
}

function terraform(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Run {
  const run = spawnSync("terraform", [...args, "-no-color"], { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 10 * 60 * 1000 });
  if (run.error) {
    if ((run.error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new LocalGatewayError("The local gateway needs Terraform to read the stack (it runs terraform plan): install terraform and put it on PATH");
    }
    throw new LocalGatewayError(`Cannot run terraform ${args[0]}: ${run.error.message}`);
  }
  return { status: run.status, stdout: run.stdout, output: `${run.stderr}\n${run.stdout}` };
}

/** The first `Error:` of Terraform's output with its first detail line, as one line. */
function firstError(output: string): string {
  const lines = output.split("\n").map((line) => line.replace(/^[│╷╵]\s?/, "").trim());
  const at = lines.findIndex((line) => line.startsWith("Error:"));
  if (at < 0) return lines.find((line) => line !== "") ?? "no output";
  const detail = lines.slice(at + 1).find((line) => line !== "" && !line.startsWith("on ") && !/^\d+:/.test(line) && !line.startsWith("with "));
  return detail ? `${lines[at]} ${detail}` : lines[at];
}
