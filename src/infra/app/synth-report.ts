import { existsSync, readdirSync, rmSync, statSync } from "fs";
import { join, relative } from "path";
import { alarmSpecs } from "../observability/alarm-specs";
import { ProxySettings } from "../settings/defaults";
import { TRANSACTION_SEARCH_HERE } from "../settings/derived";
import { networkForRegion } from "../settings/parse-network";
import { signalsForRegion } from "../settings/parse-settings";
import { MODULE_CALL_NAME } from "../stacks/region-stack";
import { regionStackName } from "../stacks/stack-name";

/**
 * What one region's module call sets up, from the settings it is given: `3 routes (metrics, traces, logs), 1 team,
 * dashboard, 4 alarms, access logs`. Counts of what a user configures, not of Terraform resources, which the module's
 * `count`s decide at plan time.
 */
export function describeRegion(settings: ProxySettings, region: string): string {
  const signals = signalsForRegion(settings, region);
  const alarms = settings.alarms.enabled ? alarmSpecs({ ApiName: "", Stage: "" }, settings.alarms, settings.accessLogs).length : 0;
  const domain = networkForRegion(settings, region).domainName;
  const searching = TRANSACTION_SEARCH_HERE.ts({ transactionSearch: settings.transactionSearch, region });
  const parts = [
    `${plural(signals.length, "route")} (${signals.join(", ")})`,
    plural(settings.teams.length, "team"),
    settings.dashboard.enabled ? "dashboard" : "no dashboard",
    alarms > 0 ? plural(alarms, "alarm") : "no alarms",
    settings.accessLogs ? "access logs" : "no access logs",
    ...(domain ? [`custom domain ${domain}`] : []),
    ...(searching ? ["transaction search"] : []),
  ];
  return `module ${MODULE_CALL_NAME}: ${parts.join(", ")}`;
}

/** One line per stack: `otlp-proxy-us-east-1 → cdktf.out/stacks/otlp-proxy-us-east-1 (module otlp_proxy: …)`. */
export function stackLines(settings: ProxySettings, stacksDir: string, cwd: string = process.cwd()): string[] {
  return settings.regions.map((region) => {
    const name = regionStackName(region);
    return `${name} → ${displayPath(join(stacksDir, name), cwd)} (${describeRegion(settings, region)})`;
  });
}

/** A folder name that is a region stack's: `otlp-proxy-<region>`. Nothing else under `stacks/` is ever removed. */
const STACK_FOLDER = new RegExp(`^${regionStackName("")}[a-z]{2}(-[a-z]+)+-\\d+$`);
/** Files that mean Terraform state lives in the folder (a local backend pointed inside it). */
const STATE_FILE = /\.tfstate(\.backup)?$/;

/** What {@link removeStaleStacks} did. */
export interface StaleStacks {
  /** Lines to print: one per folder removed or kept. */
  readonly lines: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Removes the folders under `stacksDir` of region stacks no longer configured (`otlp-proxy-<region>` folders whose
 * region is not in `regions`), so `cdktf.out/stacks/` holds only what the settings say. A folder that holds Terraform
 * state (`*.tfstate`) is kept and reported instead: removing it would lose track of deployed resources.
 */
export function removeStaleStacks(stacksDir: string, regions: readonly string[], cwd: string = process.cwd()): StaleStacks {
  if (!existsSync(stacksDir)) return { lines: [], removed: [] };
  const configured = new Set(regions.map(regionStackName));
  const lines: string[] = [];
  const removed: string[] = [];
  for (const name of readdirSync(stacksDir).sort()) {
    const dir = join(stacksDir, name);
    if (!STACK_FOLDER.test(name) || configured.has(name) || !statSync(dir).isDirectory()) continue;
    const region = name.slice(regionStackName("").length);
    const state = readdirSync(dir).filter((file) => STATE_FILE.test(file));
    if (state.length > 0) {
      lines.push(
        `Warning: kept ${displayPath(dir, cwd)}: ${region} is no longer in context.otlpProxy.regions, but the folder holds Terraform state (${state.join(", ")}).`,
      );
      continue;
    }
    rmSync(dir, { recursive: true, force: true });
    removed.push(name);
    lines.push(`Removed ${displayPath(dir, cwd)}: ${region} is no longer in context.otlpProxy.regions (anything deployed there stays deployed).`);
  }
  return { lines, removed };
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === "" ? "." : rel.startsWith("..") ? path : rel;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
