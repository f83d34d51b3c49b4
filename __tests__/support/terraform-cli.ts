import { spawn, spawnSync } from "child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "fs";
import { homedir } from "os";
import { join } from "path";
import { PROJECT_ROOT } from "./project";

/** The provider the synthesized stacks pin (`@cdktf/provider-aws` 20.1.0 is generated from it). */
const AWS_PROVIDER = "registry.terraform.io/hashicorp/aws/5.100.0";

/** Folders that may hold an offline mirror of the provider; `OTLP_PROXY_PROVIDER_MIRROR` comes first. */
function mirrorCandidates(): string[] {
  return [
    process.env.OTLP_PROXY_PROVIDER_MIRROR,
    "/opt/tf-plugins",
    join(homedir(), ".terraform.d", "plugins"),
    "/usr/share/terraform/plugins",
    "/usr/local/share/terraform/plugins",
  ].filter((dir): dir is string => Boolean(dir));
}

/** The filesystem mirror holding hashicorp/aws 5.100.0, if this machine has one. */
export function providerMirror(): string | undefined {
  return mirrorCandidates().find((dir) => existsSync(join(dir, AWS_PROVIDER)));
}

let configuredEnv: NodeJS.ProcessEnv | undefined;

/**
 * The environment for Terraform in tests: a CLI configuration written inside the project (`.terraform-cli/`, ignored
 * by git) that installs hashicorp providers from the offline mirror when there is one, with a shared plugin cache.
 * The user's own `~/.terraformrc` is never read or written.
 */
export function terraformEnv(): NodeJS.ProcessEnv {
  if (configuredEnv) return configuredEnv;
  const dir = join(PROJECT_ROOT, ".terraform-cli");
  const cache = join(dir, "plugin-cache");
  mkdirSync(cache, { recursive: true });
  const mirror = providerMirror();
  const installation = mirror
    ? `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirror)}
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}
`
    : "";
  const configFile = join(dir, "terraformrc");
  writeFileSync(configFile, `${installation}plugin_cache_dir = ${JSON.stringify(cache)}\n`);
  configuredEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: configFile,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    TF_LOG: "",
  };
  return configuredEnv;
}

export interface TerraformRun {
  readonly status: number | null;
  readonly output: string;
}

/**
 * Runs `terraform <args>` in `dir` with {@link terraformEnv}, `input` on its standard input (for `terraform console`);
 * every Terraform command of the tests goes through this file. An `init` that lost a race for the shared plugin cache
 * (another init, maybe another test process, linking the same provider folder at the same moment: "failed to create
 * directory ... file exists") is run again, up to twice.
 */
export function terraform(dir: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}, input?: string): TerraformRun {
  for (let attempt = 0; ; attempt++) {
    const run = terraformOnce(dir, args, extraEnv, input);
    if (run.status === 0 || args[0] !== "init" || attempt === 2 || !PLUGIN_CACHE_RACE.test(run.output)) return run;
    spawnSync("sleep", [String(1 + attempt)]);
  }
}

/** What `terraform init` says when a concurrent init changed the plugin cache under it. */
const PLUGIN_CACHE_RACE = /failed to create directory[\s\S]*file exists/;

function terraformOnce(dir: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv, input: string | undefined): TerraformRun {
  const run = spawnSync("terraform", [...args, "-no-color"], {
    cwd: dir,
    input,
    env: { ...terraformEnv(), ...extraEnv },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60 * 1000,
  });
  if (run.error) throw new Error(`Cannot run terraform (it is required by the tests): ${run.error.message}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Runs terraform and fails with its output unless it exits 0. */
export function terraformOk(dir: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}, input?: string): string {
  const run = terraform(dir, args, extraEnv, input);
  if (run.status !== 0) throw new Error(`terraform ${args.join(" ")} failed in ${dir}:\n${run.output}`);
  return run.output;
}

/** `terraform init -backend=false` then `terraform validate`; returns validate's output. */
export function initAndValidate(dir: string): string {
  terraformOk(dir, ["init", "-backend=false", "-input=false"]);
  return terraformOk(dir, ["validate"]);
}

/**
 * `terraform plan -detailed-exitcode`, as a CI drift check runs it after a deploy: 0 when there is nothing to change.
 * Returns the plan's output when it is not clean, so a failing test shows the diff.
 */
export function planDrift(dir: string): string | undefined {
  const run = terraform(dir, ["plan", "-detailed-exitcode", "-input=false", "-lock=false"]);
  if (run.status === 0) return undefined;
  if (run.status === 2) return run.output;
  throw new Error(`terraform plan failed in ${dir}:\n${run.output}`);
}

/** What `terraform plan` would do to one resource instance. */
export interface PlannedChange {
  readonly address: string;
  /** As Terraform words it: `create`, `replace`, `update` or `delete`. */
  readonly action: "create" | "replace" | "update" | "delete";
}

const PLAN_LINE = /^\s*# (\S+) (will be created|must be replaced|will be updated in-place|will be destroyed)/;
const ACTIONS: Record<string, PlannedChange["action"]> = {
  "will be created": "create",
  "must be replaced": "replace",
  "will be updated in-place": "update",
  "will be destroyed": "delete",
};

/**
 * The resource instances `terraform plan` would create, replace, update or delete, read from its report (one process,
 * where a saved plan and `terraform show -json` would take two). `refresh: false` plans against the state as it is,
 * which is enough to see what a configuration change does, and quicker. `out` saves the plan, for `terraform apply <out>`.
 */
export function plannedChanges(dir: string, options: { readonly refresh?: boolean; readonly out?: string } = {}): PlannedChange[] {
  const refresh = options.refresh === false ? ["-refresh=false"] : [];
  const out = options.out ? [`-out=${options.out}`] : [];
  const output = terraformOk(dir, ["plan", "-input=false", "-lock=false", ...refresh, ...out]);
  return output.split("\n").flatMap((line) => {
    const match = PLAN_LINE.exec(line);
    return match ? [{ address: match[1], action: ACTIONS[match[2]] }] : [];
  });
}

/** A managed resource in Terraform's state, from `terraform show -json`, child modules' resources included. */
export interface StateResource {
  /** The full address, e.g. `module.otlp_proxy.aws_api_gateway_deployment.api_deployment[0]`. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly values: Record<string, any>;
}

/** Every managed resource in the state of the configuration in `dir`, the modules' included. */
export function stateResources(dir: string): StateResource[] {
  const state = JSON.parse(terraformOk(dir, ["show", "-json"]));
  const resources: StateResource[] = [];
  const collect = (module: any) => {
    for (const r of module?.resources ?? []) if (r.mode === "managed") resources.push({ address: r.address, type: r.type, name: r.name, values: r.values });
    for (const child of module?.child_modules ?? []) collect(child);
  };
  collect(state.values?.root_module);
  return resources;
}

/** The address of every resource instance in the state of the configuration in `dir` (`terraform state list`, no provider started). */
export function stateAddresses(dir: string): string[] {
  return terraformOk(dir, ["state", "list"]).split("\n").filter((line) => line.trim() !== "");
}

/** How many resources of each type, sorted by type. */
export function countByType(resources: readonly { readonly type: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of [...resources].sort((a, b) => a.type.localeCompare(b.type))) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return counts;
}

/**
 * An aws provider block that plans without AWS: dummy credentials, and no call to check them or to find the account
 * (the module's only data source, aws_region, reads the provider's configuration).
 */
export function offlineProvider(region: string, alias?: string): Record<string, unknown> {
  return {
    ...(alias ? { alias } : {}),
    region,
    access_key: "offline",
    secret_key: "offline",
    skip_credentials_validation: true,
    skip_metadata_api_check: true,
    skip_requesting_account_id: true,
    // ap-southeast-6 is newer than provider 5.100.0 (src/infra/aws-regions/provider-regions.ts); regions are checked by the module.
    skip_region_validation: true,
  };
}

/**
 * The resources `terraform plan` would create for the configuration in `dir`, without AWS: an override file gives
 * dummy credentials and a state file of its own, so the plan needs no account (the module's only data source,
 * aws_region, reads the provider's configuration). Returns the planned resources' addresses and types.
 */
export function offlinePlannedResources(dir: string, region: string): { address: string; type: string }[] {
  const override = {
    terraform: { backend: { local: { path: "offline.tfstate" } } },
    provider: { aws: offlineProvider(region) },
  };
  const file = join(dir, "offline_override.tf.json");
  writeFileSync(file, JSON.stringify(override));
  try {
    terraformOk(dir, ["init", "-input=false", "-reconfigure"]);
    terraformOk(dir, ["plan", "-refresh=false", "-input=false", "-lock=false", "-out=offline.tfplan"]);
    const plan = JSON.parse(terraformOk(dir, ["show", "-json", "offline.tfplan"]));
    return (plan.resource_changes ?? []).filter((c: any) => c.mode === "managed").map((c: any) => ({ address: c.address, type: c.type }));
  } finally {
    rmSync(file, { force: true });
    rmSync(join(dir, "offline.tfplan"), { force: true });
  }
}

/**
 * Starts `terraform <args>` for each of `commands` in turn in `dir`, in the background and in a process group of its
 * own (so it can be ended whole, providers included): each command's standard output goes to its file in `dir` (or to
 * `log`), standard error to `log`, and once they end (or one fails) `statusFile` holds the exit status. Returns the
 * group's pid.
 */
export function startTerraformInBackground(
  dir: string,
  commands: ReadonlyArray<{ readonly args: readonly string[]; readonly stdout?: string }>,
  { log, statusFile }: { readonly log: string; readonly statusFile: string },
): number | undefined {
  const quote = (word: string) => `'${word.replace(/'/g, "'\\''")}'`;
  const steps = commands.map(({ args, stdout }) => `terraform ${[...args, "-no-color"].map(quote).join(" ")} >> ${quote(stdout ?? log)} 2>> ${quote(log)}`);
  const child = spawn("sh", ["-c", `${steps.join(" && ")}; echo $? > ${quote(statusFile)}`], { cwd: dir, env: terraformEnv(), detached: true, stdio: "ignore" });
  child.unref();
  return child.pid;
}
