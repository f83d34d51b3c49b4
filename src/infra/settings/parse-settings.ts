import { LOGGING_ROLE_CREATED } from "./derived";
import { SIGNALS, Signal } from "../otlp/signals";
import { ENDPOINT_REGION_RULES, LogStreamMode, RULES, settingsAllowed, ValueRule } from "./rules";
import { checkAcross, checkValue } from "./setting-checks";
import { DEFAULTS, ProxySettings, SignalSelection, Throttle } from "./defaults";
import { SettingProblem, SettingsError } from "./settings-error";
import { parseAlarms } from "./parse-alarms";
import { parseDashboard } from "./parse-dashboard";
import { parseTransactionSearch } from "./parse-transaction-search";
import { parseAccessLogs } from "./parse-access-logs";
import { parseNetwork } from "./parse-network";
import { parseTeams, teamsWarnings } from "./parse-teams";
import { parseBackend } from "./parse-backend";
import { parseNamePrefix } from "./parse-name-prefix";
import { didYouMean } from "./suggest";
import { parseMetricsThrottle } from "./parse-metrics-throttle";
import { metricsRateWarnings } from "./metrics-rate-warning";
import { tracesWarnings } from "./traces-warning";

/** Settings with every default applied, and the warnings a user should see at synth. */
export interface ParsedSettings {
  readonly settings: ProxySettings;
  readonly warnings: readonly string[];
}

const KNOWN_KEYS = Object.keys(DEFAULTS) as (keyof ProxySettings)[];

/**
 * Validates `context.otlpProxy` from `cdktf.json` and fills in {@link DEFAULTS}.
 * @throws SettingsError listing every setting that is wrong, with the value received and what is allowed.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const problems: SettingProblem[] = [];
  const report = (setting: string, received: unknown, allowed: string) => problems.push({ setting, received, allowed });

  if (raw !== undefined && !isPlainObject(raw)) {
    throw new SettingsError([{ setting: "", received: raw, allowed: "an object of settings" }]);
  }
  const input: Record<string, unknown> = raw ?? {};
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.includes(key as keyof ProxySettings)) report(key, input[key], `one of the settings ${KNOWN_KEYS.join(", ")}${didYouMean(key, KNOWN_KEYS)}`);
  }

  const regions = parseRegions(input.regions, report);
  const throttle = parseThrottle(input.throttle, report);
  const { namePrefix } = parseNamePrefix(input, report);
  const settings: ProxySettings = {
    regions,
    stageName: parseName(RULES.stageName, input.stageName, DEFAULTS.stageName, report),
    logGroupName: parseName(RULES.logGroupName, input.logGroupName, DEFAULTS.logGroupName, report),
    logStreamName: parseName(RULES.logStreamName, input.logStreamName, DEFAULTS.logStreamName, report),
    logStreams: parseName(RULES.logStreams, input.logStreams, DEFAULTS.logStreams, report) as LogStreamMode,
    logRetentionDays: parseRetention(input.logRetentionDays, report),
    throttle,
    metricsThrottle: parseMetricsThrottle(input.metricsThrottle, report),
    signals: parseSignals(input.signals, regions, report),
    tags: parseTags(input.tags, report),
    namePrefix,
    ...parseTeams(input, throttle, report),
    ...parseAccessLogs(input, report, namePrefix),
    ...parseNetwork(input, regions, report),
    dashboard: parseDashboard(input.dashboard, report),
    alarms: parseAlarms(input.alarms, regions, report),
    transactionSearch: parseTransactionSearch(input.transactionSearch, regions, report),
    backend: parseBackend(input.backend, report),
  };
  checkEndpointRegions(settings, input.signals, report);
  if (problems.length > 0) throw new SettingsError(problems);
  const signalsOf = (region: string) => signalsForRegion(settings, region);
  return {
    settings,
    warnings: [...tracesWarnings(settings, signalsOf), ...metricsRateWarnings(settings, signalsOf), ...teamsWarnings(settings), ...accountSettingWarnings(settings)],
  };
}

/** The routes a region's stack creates. */
export function signalsForRegion(settings: ProxySettings, region: string): readonly Signal[] {
  const selection = settings.signals;
  if (isSignalList(selection)) return selection;
  return selection[region] ?? selection.default ?? SIGNALS;
}

type Report = (setting: string, received: unknown, allowed: string) => void;

function parseRegions(value: unknown, report: Report): readonly string[] {
  if (value === undefined) return DEFAULTS.regions;
  if (!Array.isArray(value) || value.length === 0) {
    report("regions", value, "a non-empty list of AWS region names, for example [\"us-east-1\"]");
    return [];
  }
  value.forEach((region, index) => {
    if (!checkAcross(RULES.commercialRegion, region, `regions[${index}]`, region, report)) return;
    if (value.indexOf(region) !== index) report(`regions[${index}]`, region, "each region once");
  });
  return value as string[];
}

/** A string setting checked by its rule, or the default. */
function parseName(rule: ValueRule, value: unknown, fallback: string, report: Report): string {
  if (value === undefined) return fallback;
  return checkValue(rule, rule.setting, value, report) ? (value as string) : fallback;
}

function parseRetention(value: unknown, report: Report): number {
  if (value === undefined) return DEFAULTS.logRetentionDays;
  return checkValue(RULES.logRetentionDays, "logRetentionDays", value, report) ? (value as number) : DEFAULTS.logRetentionDays;
}

function parseThrottle(value: unknown, report: Report): Throttle {
  if (value === undefined) return DEFAULTS.throttle;
  if (!isPlainObject(value)) {
    report("throttle", value, "an object { rateLimit, burstLimit }");
    return DEFAULTS.throttle;
  }
  for (const key of Object.keys(value)) {
    if (key !== "rateLimit" && key !== "burstLimit") report(`throttle.${key}`, value[key], `only rateLimit and burstLimit${didYouMean(key, ["rateLimit", "burstLimit"])}`);
  }
  const rateLimit = value.rateLimit ?? DEFAULTS.throttle.rateLimit;
  const burstLimit = value.burstLimit ?? DEFAULTS.throttle.burstLimit;
  const rateOk = checkValue(RULES.throttleRateLimit, "throttle.rateLimit", rateLimit, report);
  const burstOk = checkValue(RULES.throttleBurstLimit, "throttle.burstLimit", burstLimit, report);
  if (!rateOk || !burstOk) return DEFAULTS.throttle;
  const throttle = { rateLimit: rateLimit as number, burstLimit: burstLimit as number };
  if (!RULES.throttleBurstAtLeastRate.check(throttle)) {
    report("throttle.burstLimit", burstLimit, settingsAllowed(RULES.throttleBurstAtLeastRate, `; throttle.rateLimit is ${rateLimit}`));
  }
  return throttle;
}

function parseSignals(value: unknown, regions: readonly string[], report: Report): SignalSelection {
  if (value === undefined) return DEFAULTS.signals;
  if (Array.isArray(value)) return parseSignalList("signals", value, report);
  if (!isPlainObject(value)) {
    report("signals", value, `a list of signals (${SIGNALS.join(", ")}) or an object of such lists keyed by region or "default"`);
    return DEFAULTS.signals;
  }
  const byRegion: Record<string, readonly Signal[]> = {};
  for (const [key, list] of Object.entries(value)) {
    if (key !== "default" && !regions.includes(key)) {
      report(`signals.${key}`, list, `keys that are "default" or one of the configured regions (${regions.join(", ")})`);
      continue;
    }
    byRegion[key] = parseSignalList(`signals.${key}`, list, report);
  }
  return byRegion;
}

/** One list of signals: the whole setting, or one region's list (the per-region object form exists only in settings). */
function parseSignalList(setting: string, value: unknown, report: Report): readonly Signal[] {
  if (!checkValue(RULES.signals, setting, value, report)) return DEFAULTS.signals as readonly Signal[];
  return SIGNALS.filter((signal) => (value as readonly string[]).includes(signal));
}

function parseTags(value: unknown, report: Report): Readonly<Record<string, string>> {
  if (value === undefined) return DEFAULTS.tags;
  if (!isPlainObject(value)) {
    report("tags", value, "an object of tag names to string values");
    return DEFAULTS.tags;
  }
  for (const [key, tagValue] of Object.entries(value)) {
    checkValue(RULES.tagKeys, "tags", key, report);
    checkValue(RULES.tagValues, `tags.${key}`, tagValue, report, { key });
  }
  return value as Record<string, string>;
}

/**
 * Each region's signals against the endpoint-region rules (CloudWatch's OTLP endpoints by region,
 * src/infra/aws-regions/otlp-endpoint-regions.ts): a signal is refused where its endpoint does not exist.
 */
function checkEndpointRegions(settings: ProxySettings, rawSignals: unknown, report: Report): void {
  for (const region of settings.regions) {
    const signals = signalsForRegion(settings, region);
    for (const rule of Object.values(ENDPOINT_REGION_RULES)) {
      if (rule.check({ region, signals })) continue;
      const own = !isSignalList(settings.signals) && region in settings.signals;
      const setting = isSignalList(settings.signals) ? "signals" : own ? `signals.${region}` : "signals.default";
      const others = signals.filter((signal) => rule.check({ region, signals: [signal] }));
      const fix = JSON.stringify(others.length > 0 ? others : ["traces", "logs"]).replace(/,/g, ", ");
      report(
        setting,
        rawSignals === undefined ? signals : own ? (settings.signals as Record<string, unknown>)[region] : signals,
        settingsAllowed(rule, `; here ${region}: give it its own list, e.g. "${region}": ${fix} beside "default", or deploy elsewhere`),
      );
    }
  }
}

/**
 * The API Gateway account setting (`cloudwatch_role_arn`) is one per account and region: a second deployment that also
 * sets it makes every apply of either flip it (docs/aws-facts.md, "Logging" [doc]). A deployment with its own prefix is
 * likely the second one, so it is told which way to go.
 */
function accountSettingWarnings(settings: ProxySettings): string[] {
  if (settings.namePrefix === DEFAULTS.namePrefix || !LOGGING_ROLE_CREATED.ts(settings)) return [];
  return [
    `Warning: namePrefix is ${JSON.stringify(settings.namePrefix)} and accountCloudWatchRole is "create", so this deployment sets the ` +
      `API Gateway account logging role of ${settings.regions.join(", ")}. That setting is one per account and region: one deployment ` +
      `per region owns it, and every other deployment there sets context.otlpProxy.accountCloudWatchRole to "existing" in cdktf.json, ` +
      `or each apply of one flips the role the other set.`,
  ];
}

function isSignalList(selection: SignalSelection): selection is readonly Signal[] {
  return Array.isArray(selection);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
