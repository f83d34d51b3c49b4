import { createHash } from "crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join, relative } from "path";
import { setTimeout as sleep } from "timers/promises";
import { cleanUpOnInterrupt } from "./global-setup";
import { cleanPlannedRoots, cutShownPlan, initModuleRoot, ModuleCall, ModulePlan, PLAN_ARGS, PLAN_TIMEOUT_MS, planCallsOnce, readPlan, ShownPlan } from "./plan-module";
import { PROJECT_ROOT } from "./project";
import { startTerraformInBackground } from "./terraform-cli";

// Planning the module costs Terraform a provider start (about 3 s of CPU) per plan and more than a second per call, so
// the suites that read the module's plan do not plan it themselves: each declares its calls in a sibling
// `<suite>.module-calls.ts`; the Terraform project's global setup writes one root with every declared call (identical
// calls once) and starts its plan in the background, beside the workers running other suites; each suite then waits
// for that plan and reads its own calls from it. A call the shared plan lacks is planned on its own.

/** How a suite's calls file is named: `<suite>.module-calls.ts` beside `<suite>.terraform.test.ts`. */
const CALLS_FILE = ".module-calls.ts";
const TESTS_DIR = join(PROJECT_ROOT, "__tests__");

/** The module calls one suite plans, by the names its tests read them under. */
export type ModuleCalls = Readonly<Record<string, ModuleCall>>;

/** Where the background plan is: its root folder and the calls it plans. */
interface SharedPlanRecord {
  readonly dir: string;
  readonly pid?: number;
  readonly calls: readonly string[];
}

/** The record of the run's shared plan, in the run's temporary folder (global-setup.ts). */
const recordFile = () => join(process.env.OTLP_PROXY_TEST_RUN_DIR ?? "/nonexistent", "shared-module-plan.json");
/** What the background plan writes in its root: Terraform's output, the shown plan, and last its exit status. */
const PLAN_LOG = "plan.log";
const SHOWN = "shown.json";
const STATUS = "exit-status";

/** The call's name in the shared root: the same region and inputs give the same name, so the call is planned once. */
export function sharedCallName(call: ModuleCall): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === "object"
        ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]))
        : value;
  const text = JSON.stringify(canonical({ region: call.region ?? "us-west-2", inputs: call.inputs ?? {} }));
  return `call_${createHash("sha1").update(text).digest("hex").slice(0, 12)}`;
}

/** Every `*.module-calls.ts` under `__tests__/` whose suite the run selects (`testPathPattern`, empty for all). */
function declaredCallFiles(testPathPattern: string): string[] {
  const pattern = new RegExp(testPathPattern, "i");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "fixtures") walk(path);
      else if (entry.name.endsWith(CALLS_FILE) && pattern.test(path.replace(CALLS_FILE, ".terraform.test.ts"))) found.push(path);
    }
  };
  walk(TESTS_DIR);
  return found.sort();
}

/**
 * Writes one root with the module calls of every selected suite, initializes it, and starts its plan and `terraform
 * show -json` in the background. Run by the Terraform project's global setup; {@link stopSharedModulePlan} ends it.
 */
export function startSharedModulePlan(testPathPattern = ""): void {
  const shared: Record<string, ModuleCall> = {};
  const files = declaredCallFiles(testPathPattern);
  for (const file of files) {
    const calls: ModuleCalls = require(file).default;
    if (!calls || typeof calls !== "object") throw new Error(`${relative(PROJECT_ROOT, file)} must export its module calls as default`);
    for (const call of Object.values(calls)) shared[sharedCallName(call)] = call;
  }
  if (Object.keys(shared).length === 0) return;
  const dir = initModuleRoot(shared);
  const pid = startTerraformInBackground(dir, [{ args: PLAN_ARGS }, { args: ["show", "-json", "p"], stdout: SHOWN }], { log: PLAN_LOG, statusFile: STATUS });
  // A run that is interrupted ends it on the way out, since Jest then skips the global teardown.
  if (pid) cleanUpOnInterrupt(() => signalGroup(pid, "SIGKILL"));
  const record: SharedPlanRecord = { dir, pid, calls: Object.keys(shared) };
  writeFileSync(recordFile(), JSON.stringify(record));
}

/** Sends `signal` to a process group; whether the group was still there. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends the background plan if it still runs (no suite waited for it, or the run failed early) and waits until its
 * processes are gone, so none writes into the run's folder as the teardown removes it. Run by the global teardown.
 */
export async function stopSharedModulePlan(): Promise<void> {
  if (!existsSync(recordFile())) return;
  const { pid } = JSON.parse(readFileSync(recordFile(), "utf8")) as SharedPlanRecord;
  if (!pid || !signalGroup(pid, "SIGTERM")) return;
  const deadline = Date.now() + 5_000;
  while (signalGroup(pid, 0)) {
    if (Date.now() > deadline) {
      signalGroup(pid, "SIGKILL");
      break;
    }
    await sleep(100);
  }
}

let shownPlan: Promise<ShownPlan> | undefined;

/** The shared plan, once the background plan has ended; fails with Terraform's output when it failed. */
async function sharedPlan({ dir }: SharedPlanRecord): Promise<ShownPlan> {
  const deadline = Date.now() + PLAN_TIMEOUT_MS;
  while (!existsSync(join(dir, STATUS))) {
    if (Date.now() > deadline) throw new Error(`The shared module plan in ${dir} did not end within ${PLAN_TIMEOUT_MS / 1000} s`);
    await sleep(200);
  }
  const status = readFileSync(join(dir, STATUS), "utf8").trim();
  if (status !== "0") throw new Error(`The shared module plan failed in ${dir} (exit ${status}):\n${readFileSync(join(dir, PLAN_LOG), "utf8")}`);
  return cutShownPlan(JSON.parse(readFileSync(join(dir, SHOWN), "utf8")));
}

/**
 * The plan of each of `calls`, by the suite's own names: from the run's shared plan, or from a plan of the suite's own
 * for calls it lacks (a calls file added while Jest ran, a suite not declaring its calls) and for every call when the
 * shared plan failed, so that a call Terraform refuses fails its own suite, with Terraform's words, and no other.
 */
export async function plannedModuleCalls<T extends ModuleCalls>(calls: T): Promise<{ [name in keyof T]: ModulePlan }> {
  const record: SharedPlanRecord | undefined = existsSync(recordFile()) ? JSON.parse(readFileSync(recordFile(), "utf8")) : undefined;
  const byName = Object.fromEntries(Object.values(calls).map((call) => [sharedCallName(call), call]));
  const subset = (names: string[]) => Object.fromEntries(names.map((name) => [name, byName[name]]));
  const inShared = Object.keys(byName).filter((name) => record?.calls.includes(name));
  let shared: Record<string, ModulePlan> = {};
  if (record && inShared.length > 0) {
    try {
      shared = readPlan(await (shownPlan ??= sharedPlan(record)), subset(inShared));
    } catch (failure) {
      console.warn(`Planning this suite's module calls on their own: ${(failure as Error).message.split("\n")[0]}`);
    }
  }
  const missing = Object.keys(byName).filter((name) => !(name in shared));
  const own = missing.length > 0 ? readPlan(planCallsOnce(subset(missing)), subset(missing)) : {};
  const all: Record<string, ModulePlan> = { ...shared, ...own };
  return Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, all[sharedCallName(call)]])) as { [name in keyof T]: ModulePlan };
}

/**
 * The plans of a suite's module calls, filled in before its tests run (beforeAll) by {@link plannedModuleCalls}; the
 * folders the suite's own plans and evaluations wrote are removed after them (afterAll). The object is empty until
 * then: read it inside tests and hooks, never where `describe` or `test.each` is evaluated.
 */
export function modulePlansFor<T extends ModuleCalls>(calls: T): { readonly [name in keyof T]: ModulePlan } {
  const plans = {} as { [name in keyof T]: ModulePlan };
  beforeAll(async () => {
    Object.assign(plans, await plannedModuleCalls(calls));
  }, PLAN_TIMEOUT_MS);
  afterAll(cleanPlannedRoots);
  return plans;
}
