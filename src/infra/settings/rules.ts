/**
 * ONE table of what every setting may be, read by both places that check it: the settings parser (src/infra/settings/*,
 * errors `context.otlpProxy.<setting>: received …; allowed: …`) and the Terraform module (src/infra/module/: each
 * variable's `validation` blocks, and `precondition`s for rules across variables). A rule holds the TypeScript check,
 * the equivalent HCL condition and the `allowed` text both messages use, so the two cannot drift apart again.
 *
 * What is not here, and why:
 * - Types (a number, a list, an object with known members): JSON settings need the parser to check them; the module's
 *   variable types do the same job (and Terraform converts where JSON would not, e.g. "30" to 30).
 * - Rules that only exist because settings cover several regions at once: the per-region object forms (`signals`,
 *   the network settings keyed by region or "default"), keys that must be configured regions (`signals`,
 *   `allowedSourceCidrs`, `alarms.topicArns`, `transactionSearch.regions`), one Route 53 alias record per domain name
 *   across regions, `regions` itself (shape, each once) and `backend`. The module is called once per region and has no
 *   such inputs; those checks stay in the parser.
 */
import { OTLP_ENDPOINT_REGIONS, SIGNALS_NOT_EVERYWHERE } from "../aws-regions/otlp-endpoint-regions";
import { parseCidr, withPrefix } from "../net/cidr";
import { ENDPOINT_LIMITS } from "../otlp/endpoint-limits";
import { Signal, SIGNALS } from "../otlp/signals";
import {
  ACCOUNT_THROTTLE,
  ALARM_PERIOD,
  AWS_COMMERCIAL_REGIONS,
  BASE_PATH,
  CERTIFICATE_ARN,
  DOMAIN_NAME,
  EMAIL,
  EXECUTION_LOG_LEVELS,
  HOSTED_ZONE_ID,
  INDEXING_PERCENTAGE,
  LOG_GROUP_NAME,
  LOG_RETENTION_DAYS,
  LOG_STREAM_NAME,
  MAX_LATENCY_MILLIS,
  NAME_PREFIX_RULE,
  PrefixedNameRule,
  QUOTA_LIMIT_MAX,
  QUOTA_PERIODS,
  STAGE_NAME,
  TAG_KEY,
  TAG_VALUE,
  TEAM_NAME,
  TOPIC_ARN,
  topicArnPattern,
  USAGE_PLANS_PER_REGION,
  WEB_ACL_ARN,
} from "./aws-rules";

/**
 * Spells a setting path the way one side names it: the parser as in cdktf.json (`throttle.rateLimit`), the module as
 * its variables (`throttle.rate_limit`).
 */
export type Spell = (setting: string) => string;

/** What is allowed; a function when the text names another setting, so each side spells that name its own way. */
export type Allowed = string | ((spell: Spell) => string);

/**
 * A rule on one value. `setting` says where the value is: members joined by ".", with
 * - `?` after a member that may be left out (null in the module): the rule then holds,
 * - `[]` after a list: the rule applies to each item,
 * - `{}` after a map: to each value (`check`/`hcl` also get the key), `{key}`: to each key.
 * The first member is the setting, which is also the module variable (in snake_case) whose validation the rule becomes.
 */
export interface ValueRule {
  readonly kind: "value";
  readonly setting: string;
  /** The setting an error names, when the rule checks a whole object or list but one member or item is at fault. */
  readonly names?: string;
  readonly allowed: Allowed;
  /** The check in TypeScript, of the raw value from cdktf.json (so it also checks the type). */
  readonly check: (value: any, key?: string) => boolean;
  /** The same check in HCL, of the expression `x` (already of the variable's type; `key` the map key's expression). */
  readonly hcl: (x: string, key?: string) => string;
}

/**
 * A rule across settings (module variables), a `precondition` on the module's REST API: Terraform 1.5 validations see
 * only their own variable. `check` gets the values the rule reads, resolved for one region as the module gets them.
 */
export interface CrossRule<T> {
  readonly kind: "precondition";
  /** The setting an error names. */
  readonly setting: string;
  /** What the module's message names when the setting is no variable (`regions`: the provider's region). */
  readonly subject?: string;
  readonly allowed: Allowed;
  readonly check: (values: T) => boolean;
  /** The condition in HCL, over `var.*` and the module's locals (`local.region`, `local.access_log_group_name`, `local.team_limits`). */
  readonly hcl: string;
}

export type Rule = ValueRule | CrossRule<never>;

/** Where a setting that may differ per region says so in the parser's message. */
export const PER_REGION_HINT = ', or an object of such values keyed by region or "default"';

// ---- builders: one check, written once for each side ----------------------------------------------------------------

const str = (value: unknown): value is string => typeof value === "string";
const num = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const hclString = (text: string) => JSON.stringify(text);
const hclList = (values: readonly (string | number)[]) => `[${values.map((v) => (typeof v === "string" ? hclString(v) : String(v))).join(", ")}]`;

/** A string matching `pattern` (whose source RE2 reads too: no lookaround, no backreferences). */
function matches(setting: string, pattern: RegExp, allowed: Allowed): ValueRule {
  return {
    kind: "value",
    setting,
    allowed,
    check: (v) => str(v) && pattern.test(v),
    hcl: (x) => `can(regex(${hclString(pattern.source)}, ${x}))`,
  };
}

/** A name of `characters`, not starting with the reserved prefix (RE2 has no lookahead, so HCL uses startswith). */
function prefixedName(setting: string, rule: PrefixedNameRule, allowed: Allowed = rule.rule): ValueRule {
  return {
    kind: "value",
    setting,
    allowed,
    check: (v) => str(v) && rule.pattern.test(v),
    hcl: (x) => `can(regex(${hclString(rule.characters.source)}, ${x})) && !startswith(${x}, ${hclString(rule.reservedPrefix)})`,
  };
}

/** One of a fixed list of values. */
function oneOf(setting: string, values: readonly (string | number)[], allowed: Allowed): ValueRule {
  return { kind: "value", setting, allowed, check: (v) => values.includes(v), hcl: (x) => `contains(${hclList(values)}, ${x})` };
}

interface Range {
  readonly min: number;
  readonly max: number;
  /** Above `min` rather than from it. */
  readonly aboveMin?: boolean;
  readonly integer?: boolean;
}

/** A number within a range. */
function range(setting: string, r: Range, allowed: Allowed): ValueRule {
  return {
    kind: "value",
    setting,
    allowed,
    check: (v) => num(v) && (r.aboveMin ? v > r.min : v >= r.min) && v <= r.max && (!r.integer || Number.isInteger(v)),
    hcl: (x) => [`${x} ${r.aboveMin ? ">" : ">="} ${r.min}`, `${x} <= ${r.max}`, ...(r.integer ? [`floor(${x}) == ${x}`] : [])].join(" && "),
  };
}

/** The wording of a plain range: `a whole number from 1 to 1440`. */
/** A throttle's burst must hold one second of its rate: `throttle` and `metricsThrottle` share this rule. */
function burstAtLeastRate(setting: "throttle" | "metricsThrottle"): ValueRule {
  return {
    kind: "value",
    setting,
    names: `${setting}.burstLimit`,
    allowed: (spell: Spell) => `at least ${spell(`${setting}.rateLimit`)}, so one second of traffic fits in a burst`,
    check: (t: { rateLimit: number; burstLimit: number }) => t.burstLimit >= t.rateLimit,
    hcl: (x: string) => `${x}.burst_limit >= ${x}.rate_limit`,
  } as ValueRule;
}

function rangeText(r: Range & { readonly unit?: string }): string {
  return `${r.integer ? "a whole number" : "a number"} from ${r.min} to ${r.max}${r.unit ? ` ${r.unit}` : ""}`;
}

/** A cross rule. */
function across<T>(setting: string, allowed: Allowed, check: (values: T) => boolean, hcl: string, subject?: string): CrossRule<T> {
  return { kind: "precondition", setting, subject, allowed, check, hcl };
}

/** The HCL of a CIDR with its prefix written out, as withPrefix (src/infra/net/cidr.ts) does: a bare address is /32 or /128. */
export function prefixedCidr(x: string): string {
  return `strcontains(${x}, "/") ? ${x} : "\${${x}}/\${strcontains(${x}, ":") ? 128 : 32}"`;
}

const RATE = { min: 0, aboveMin: true, max: ACCOUNT_THROTTLE.rateLimit } as const;
const BURST = { min: 0, aboveMin: true, max: ACCOUNT_THROTTLE.burstLimit, integer: true } as const;
const RATE_TEXT = `a number of requests per second above 0 and at most ${ACCOUNT_THROTTLE.rateLimit} (the account limit per region)`;
const BURST_TEXT = `a whole number of requests above 0 and at most ${ACCOUNT_THROTTLE.burstLimit} (the account limit per region)`;
const RETENTION_TEXT = `one of CloudWatch Logs' retention values ${LOG_RETENTION_DAYS.join(", ")} (0 = never expire)`;
const CIDR_LIST = { min: 1, max: 100 };
const ALARM_COUNT_MAX = 1e9;
const EVALUATION_PERIODS = { min: 1, max: ALARM_PERIOD.maxTotalSeconds / ALARM_PERIOD.multipleOfSeconds, integer: true } as const;
const THRESHOLD = { min: 1, max: ALARM_COUNT_MAX, integer: true } as const;
const LATENCY = { min: 1, max: MAX_LATENCY_MILLIS, integer: true } as const;
const EMAILS_TEXT = 'a list of distinct email addresses, such as ["oncall@example.com"]';
const arnRegion = (pattern: RegExp, arn: string | undefined) => (arn === undefined ? undefined : pattern.exec(arn)?.[1]);

/** A custom domain's settings for one region, as the module gets them. */
export interface DomainValues {
  readonly domainName?: string;
  readonly certificateArn?: string;
  readonly hostedZoneId?: string;
  readonly basePath?: string;
  readonly disableExecuteApiEndpoint: boolean;
}

/** Only together with domainName, for the settings that configure the custom domain. */
const needsDomain = (setting: "certificateArn" | "hostedZoneId" | "basePath", variable: string) =>
  across<DomainValues>(
    setting,
    (spell) => `only together with ${spell("domainName")}`,
    (v) => v[setting] === undefined || v.domainName !== undefined,
    `var.${variable} == null || var.domain_name != null`,
  );

/** Where the logs route writes: a stream per team key (the default), or the one shared stream `logStreamName`. */
export const LOG_STREAM_MODES = ["per-team", "shared"] as const;

/** One of {@link LOG_STREAM_MODES}. */
export type LogStreamMode = (typeof LOG_STREAM_MODES)[number];

/** The values of an endpoint's IP address type. Source: docs/aws-facts.md, "IP address types". */
export const IP_ADDRESS_TYPES = ["ipv4", "dualstack"] as const;

/** One of {@link IP_ADDRESS_TYPES}. */
export type IpAddressType = (typeof IP_ADDRESS_TYPES)[number];

/** The most requests per second the metrics route's stage throttle may allow: the metrics endpoint's account limit. */
export const METRICS_RATE_MAX = ENDPOINT_LIMITS.metrics.requestsPerSecond!;

/** What a region's stack gets for the endpoint-region rules: its region and the signals it routes. */
export interface RegionSignals {
  readonly region: string;
  readonly signals: readonly Signal[];
}

/**
 * A signal only in the regions where CloudWatch has its OTLP endpoint (src/infra/aws-regions/otlp-endpoint-regions.ts);
 * one rule per signal some region lacks, so the message names the signal and the regions that have it.
 */
function endpointRegion(signal: Signal): CrossRule<RegionSignals> {
  const { regions, without } = OTLP_ENDPOINT_REGIONS[signal];
  // Only the regions the source names as without it are refused; a region of no table is the commercialRegion rule's.
  return across<RegionSignals>(
    "signals",
    `${signal} only in a region where CloudWatch has the OTLP ${signal} endpoint: ${regions.join(", ")}`,
    (v) => !v.signals.includes(signal) || !without.includes(v.region),
    `!contains(var.signals, ${hclString(signal)}) || !contains(${hclList(without)}, local.region)`,
  );
}

/** The endpoint-region rules, keyed `<signal>EndpointRegion`. */
export const ENDPOINT_REGION_RULES: Readonly<Record<string, CrossRule<RegionSignals>>> = Object.fromEntries(
  SIGNALS_NOT_EVERYWHERE.map((signal) => [`${signal}EndpointRegion`, endpointRegion(signal)]),
);

/** The table. Parsers use the named entries; the module takes every entry (see MODULE_VARIABLES and preconditions()). */
export const RULES = {
  // -- the region (settings: each of regions; the module: its provider's region) --
  commercialRegion: across<string>(
    "regions[]",
    `a commercial AWS region: ${AWS_COMMERCIAL_REGIONS.join(", ")}`,
    (region) => AWS_COMMERCIAL_REGIONS.includes(region),
    `contains(${hclList(AWS_COMMERCIAL_REGIONS)}, local.region)`,
    "the provider's region",
  ),
  ...ENDPOINT_REGION_RULES,

  // -- names and logs --
  stageName: matches("stageName", STAGE_NAME.pattern, STAGE_NAME.rule),
  logGroupName: prefixedName("logGroupName", LOG_GROUP_NAME),
  logStreamName: matches("logStreamName", LOG_STREAM_NAME.pattern, LOG_STREAM_NAME.rule),
  logStreams: oneOf(
    "logStreams",
    LOG_STREAM_MODES,
    (spell) =>
      `"per-team" (one stream per team, named by its API key id, which API Gateway sets: attribution no client can forge) or "shared" (every client writes to ${spell("logStreamName")})`,
  ),
  logRetentionDays: oneOf("logRetentionDays", LOG_RETENTION_DAYS, RETENTION_TEXT),
  namePrefix: matches("namePrefix", NAME_PREFIX_RULE.pattern, `${NAME_PREFIX_RULE.rule} (it starts IAM role, API, dashboard, alarm and topic names)`),

  // -- throttle --
  throttleRateLimit: range("throttle.rateLimit", RATE, RATE_TEXT),
  throttleBurstLimit: range("throttle.burstLimit", BURST, BURST_TEXT),
  throttleBurstAtLeastRate: burstAtLeastRate("throttle"),

  // -- the metrics route's stage throttle --
  metricsThrottleRateLimit: range(
    "metricsThrottle.rateLimit",
    { min: 0, aboveMin: true, max: METRICS_RATE_MAX },
    `a number of requests per second above 0 and at most ${METRICS_RATE_MAX} (what CloudWatch's OTLP metrics endpoint takes per account; turn the throttle off with enabled false)`,
  ),
  metricsThrottleBurstLimit: range("metricsThrottle.burstLimit", BURST, BURST_TEXT),
  metricsThrottleBurstAtLeastRate: burstAtLeastRate("metricsThrottle"),

  // -- signals and tags --
  signals: {
    kind: "value",
    setting: "signals",
    allowed: `a non-empty list of distinct signals from ${SIGNALS.join(", ")}`,
    check: (v: unknown) =>
      Array.isArray(v) && v.length > 0 && v.every((s) => (SIGNALS as readonly unknown[]).includes(s)) && new Set(v).size === v.length,
    hcl: (x: string) => `length(${x}) > 0 && length(distinct(${x})) == length(${x}) && alltrue([for s in ${x} : contains(${hclList(SIGNALS)}, s)])`,
  } as ValueRule,
  tagKeys: prefixedName("tags{key}", TAG_KEY, `tag names of ${TAG_KEY.rule}`),
  tagValues: matches("tags{}", TAG_VALUE.pattern, `a string of ${TAG_VALUE.rule}`),

  // -- teams --
  teams: {
    kind: "value",
    setting: "teams",
    allowed: `1 to ${USAGE_PLANS_PER_REGION} teams in a list (one usage plan each; AWS allows ${USAGE_PLANS_PER_REGION} usage plans per account and region)`,
    check: (v: unknown) => Array.isArray(v) && v.length >= 1 && v.length <= USAGE_PLANS_PER_REGION,
    hcl: (x: string) => `length(${x}) >= 1 && length(${x}) <= ${USAGE_PLANS_PER_REGION}`,
  } as ValueRule,
  teamNamesDistinct: {
    kind: "value",
    setting: "teams",
    names: "teams[].name",
    allowed: "a name no other team has",
    check: (teams: readonly { name?: unknown }[]) => new Set(teams.map((t) => t.name)).size === teams.length,
    hcl: (x: string) => `length(distinct([for t in ${x} : t.name])) == length(${x})`,
  } as ValueRule,
  teamName: matches("teams[].name", TEAM_NAME.pattern, TEAM_NAME.rule),
  teamRateLimit: range("teams[].rateLimit?", RATE, RATE_TEXT),
  teamBurstLimit: range("teams[].burstLimit?", BURST, BURST_TEXT),
  teamQuotaLimit: range("teams[].quota?.limit", { min: 0, aboveMin: true, max: QUOTA_LIMIT_MAX, integer: true }, `a whole number of requests per period above 0 (at most ${QUOTA_LIMIT_MAX})`),
  teamQuotaPeriod: oneOf("teams[].quota?.period", QUOTA_PERIODS, `one of ${QUOTA_PERIODS.join(", ")}`),
  teamBurstAtLeastRate: across<{ rateLimit: number; burstLimit: number }>(
    "teams[].burstLimit",
    (spell) => `a burst at least the rate, so one second of traffic fits in a burst (a limit a team leaves out is the one of ${spell("throttle")})`,
    (t) => t.burstLimit >= t.rateLimit,
    "alltrue([for limits in values(local.team_limits) : limits.burst_limit >= limits.rate_limit])",
  ),

  // -- access and execution logs --
  accessLogGroupName: prefixedName("accessLogGroupName", LOG_GROUP_NAME),
  accessLogGroupNotLogGroup: across<{ accessLogGroupName: string; logGroupName: string }>(
    "accessLogGroupName",
    (spell) => `a log group other than ${spell("logGroupName")}, which holds the OTLP log records`,
    (v) => v.accessLogGroupName !== v.logGroupName,
    "local.access_log_group_name != var.log_group_name",
  ),
  accessLogRetentionDays: oneOf("accessLogRetentionDays", LOG_RETENTION_DAYS, RETENTION_TEXT),
  executionLogLevel: {
    kind: "value",
    setting: "executionLogLevel",
    allowed: `one of ${EXECUTION_LOG_LEVELS.map((l) => `"${l.toLowerCase()}"`).join(", ")} (any case)`,
    check: (v: unknown) => str(v) && (EXECUTION_LOG_LEVELS as readonly string[]).includes(v.toUpperCase()),
    hcl: (x: string) => `contains(${hclList(EXECUTION_LOG_LEVELS)}, upper(${x}))`,
  } as ValueRule,
  accountCloudWatchRole: oneOf(
    "accountCloudWatchRole",
    ["create", "existing"],
    '"create" (this stack sets the region\'s API Gateway logging role) or "existing" (leave the one already set alone)',
  ),

  // -- network --
  allowedSourceCidrs: {
    kind: "value",
    setting: "allowedSourceCidrs?",
    allowed: `a non-empty list of at most ${CIDR_LIST.max} distinct IPv4 or IPv6 CIDR ranges such as "203.0.113.0/24" or "2001:db8::/32"`,
    check: (v: unknown) => Array.isArray(v) && v.length >= CIDR_LIST.min && v.length <= CIDR_LIST.max,
    hcl: (x: string) => `length(${x}) >= ${CIDR_LIST.min} && length(${x}) <= ${CIDR_LIST.max}`,
  } as ValueRule,
  allowedSourceCidr: {
    kind: "value",
    setting: "allowedSourceCidrs?[]",
    allowed: "an IPv4 or IPv6 CIDR range such as 203.0.113.0/24 or 2001:db8::/32",
    check: (v: unknown) => str(v) && parseCidr(v) !== undefined,
    hcl: (x: string) => `can(cidrhost(${prefixedCidr(x)}, 0))`,
  } as ValueRule,
  allowedSourceCidrsDistinct: {
    kind: "value",
    setting: "allowedSourceCidrs?",
    names: "allowedSourceCidrs[]",
    allowed: "each range once (a bare address is the same as its /32 or /128)",
    check: (v: readonly string[]) => new Set(v.map(withPrefix)).size === v.length,
    hcl: (x: string) => `length(distinct([for c in ${x} : ${prefixedCidr("c")}])) == length(${x})`,
  } as ValueRule,
  ipAddressType: oneOf(
    "ipAddressType",
    IP_ADDRESS_TYPES,
    '"ipv4" (IPv4 clients only, API Gateway\'s default) or "dualstack" (IPv4 and IPv6 clients; the REST API and its custom domain)',
  ),
  ipv6NeedsDualstack: across<{ ipAddressType: IpAddressType; allowedSourceCidrs?: readonly string[] }>(
    "allowedSourceCidrs",
    (spell) =>
      `IPv4 ranges only while ${spell("ipAddressType")} is "ipv4": an ipv4 endpoint takes no IPv6 connection, so an IPv6 range could never match; set ${spell("ipAddressType")} to "dualstack" to admit IPv6 clients`,
    (v) => v.ipAddressType === "dualstack" || v.allowedSourceCidrs === undefined || v.allowedSourceCidrs.every((c) => !c.includes(":")),
    'var.ip_address_type == "dualstack" || (var.allowed_source_cidrs == null ? true : alltrue([for c in var.allowed_source_cidrs : !strcontains(c, ":")]))',
  ),
  webAclArn: matches("webAclArn?", WEB_ACL_ARN, "a regional WAFv2 web ACL ARN arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>"),
  webAclInRegion: across<{ arn?: string; region: string }>(
    "webAclArn",
    "an ARN in the region of the API that uses it (a regional WAFv2 web ACL works only there)",
    (v) => v.arn === undefined || arnRegion(WEB_ACL_ARN, v.arn) === v.region,
    'var.web_acl_arn == null ? true : split(":", var.web_acl_arn)[3] == local.region',
  ),
  domainName: {
    kind: "value",
    setting: "domainName?",
    allowed: DOMAIN_NAME.rule,
    check: (v: unknown) => str(v) && DOMAIN_NAME.pattern.test(v),
    hcl: (x: string) =>
      `length(${x}) >= ${DOMAIN_NAME.length.min} && length(${x}) <= ${DOMAIN_NAME.length.max} && can(regex(${hclString(DOMAIN_NAME.labels.source)}, ${x}))`,
  } as ValueRule,
  certificateArn: matches("certificateArn?", CERTIFICATE_ARN, "an ACM certificate ARN arn:aws:acm:<region>:<account>:certificate/<id>"),
  certificateInRegion: across<{ arn?: string; region: string }>(
    "certificateArn",
    "an ARN in the region of the API that uses it (a regional custom domain needs a certificate of its own region)",
    (v) => v.arn === undefined || arnRegion(CERTIFICATE_ARN, v.arn) === v.region,
    'var.certificate_arn == null ? true : split(":", var.certificate_arn)[3] == local.region',
  ),
  hostedZoneId: matches("hostedZoneId?", HOSTED_ZONE_ID.pattern, HOSTED_ZONE_ID.rule),
  basePath: matches("basePath?", BASE_PATH.pattern, BASE_PATH.rule),
  domainNeedsCertificate: across<DomainValues>(
    "certificateArn",
    (spell) => `an ACM certificate ARN of the region, since ${spell("domainName")} needs ${spell("certificateArn")} (a custom domain needs a certificate in its own region)`,
    (v) => v.domainName === undefined || v.certificateArn !== undefined,
    "var.domain_name == null || var.certificate_arn != null",
  ),
  certificateNeedsDomain: needsDomain("certificateArn", "certificate_arn"),
  hostedZoneNeedsDomain: needsDomain("hostedZoneId", "hosted_zone_id"),
  basePathNeedsDomain: needsDomain("basePath", "base_path"),
  disableExecuteApiNeedsDomain: across<DomainValues>(
    "disableExecuteApiEndpoint",
    (spell) =>
      `true only where ${spell("domainName")} gives a custom domain (${spell("disableExecuteApiEndpoint")} needs ${spell("domainName")}, or the API would have no endpoint at all)`,
    (v) => !v.disableExecuteApiEndpoint || v.domainName !== undefined,
    "!var.disable_execute_api_endpoint || var.domain_name != null",
  ),


  // -- alarms --
  alarmPeriodSeconds: {
    kind: "value",
    setting: "alarms.periodSeconds",
    allowed: `a multiple of ${ALARM_PERIOD.multipleOfSeconds} seconds, at most ${ALARM_PERIOD.maxTotalSeconds} (API Gateway metrics are per minute)`,
    check: (v: unknown) => num(v) && v > 0 && v % ALARM_PERIOD.multipleOfSeconds === 0 && v <= ALARM_PERIOD.maxTotalSeconds,
    hcl: (x: string) => `${x} > 0 && ${x} % ${ALARM_PERIOD.multipleOfSeconds} == 0 && ${x} <= ${ALARM_PERIOD.maxTotalSeconds}`,
  } as ValueRule,
  alarmEvaluationPeriods: range("alarms.evaluationPeriods", EVALUATION_PERIODS, rangeText(EVALUATION_PERIODS)),
  alarmWithinOneDay: {
    kind: "value",
    setting: "alarms",
    names: "alarms.evaluationPeriods",
    allowed: (spell: Spell) =>
      `at most one day in all: ${spell("alarms.periodSeconds")} times ${spell("alarms.evaluationPeriods")} at most ${ALARM_PERIOD.maxTotalSeconds}`,
    check: (a: { periodSeconds: number; evaluationPeriods: number }) => a.periodSeconds * a.evaluationPeriods <= ALARM_PERIOD.maxTotalSeconds,
    hcl: (x: string) => `${x}.period_seconds * ${x}.evaluation_periods <= ${ALARM_PERIOD.maxTotalSeconds}`,
  } as ValueRule,
  alarmServerErrors: range("alarms.serverErrorsPerPeriod", THRESHOLD, rangeText(THRESHOLD)),
  alarmClientErrors: range("alarms.clientErrorsPerPeriod", THRESHOLD, rangeText(THRESHOLD)),
  alarmThrottledRequests: range("alarms.throttledRequestsPerPeriod", THRESHOLD, rangeText(THRESHOLD)),
  alarmLatency: range("alarms.integrationLatencyP99Millis", LATENCY, rangeText(LATENCY)),
  alarmEmail: matches("alarms.emails[]", EMAIL, EMAILS_TEXT),
  alarmEmailsDistinct: {
    kind: "value",
    setting: "alarms.emails",
    names: "alarms.emails[]",
    allowed: EMAILS_TEXT,
    check: (v: readonly unknown[]) => new Set(v).size === v.length,
    hcl: (x: string) => `length(distinct(${x})) == length(${x})`,
  } as ValueRule,
  alarmTopicArn: {
    kind: "value",
    setting: "alarms.topicArns{}",
    allowed: "a standard SNS topic ARN in the region it is given for, arn:aws:sns:<region>:<12-digit account>:<name> (alarms notify topics of their own region only)",
    check: (v: unknown, region?: string) => str(v) && arnRegion(TOPIC_ARN, v) === region,
    hcl: (x: string, key?: string) => `can(regex(${hclString(topicArnPattern(`\${${key}}`))}, ${x}))`,
  } as ValueRule,

  // -- transaction search --
  indexingPercentage: range("transactionSearch.indexingPercentage", INDEXING_PERCENTAGE, rangeText(INDEXING_PERCENTAGE)),
  transactionSearchRegions: {
    kind: "value",
    setting: "transactionSearch.regions?",
    allowed: "a non-empty list of distinct commercial AWS regions",
    check: (v: unknown) => Array.isArray(v) && v.length > 0 && new Set(v).size === v.length && v.every((r) => AWS_COMMERCIAL_REGIONS.includes(r)),
    hcl: (x: string) => `length(${x}) > 0 && length(distinct(${x})) == length(${x}) && alltrue([for r in ${x} : contains(${hclList(AWS_COMMERCIAL_REGIONS)}, r)])`,
  } as ValueRule,
} satisfies Record<string, ValueRule | CrossRule<any>>;

/** Every rule, in table order. */
export const ALL_RULES: readonly (ValueRule | CrossRule<any>)[] = Object.values(RULES);

// ---- spelling and messages ------------------------------------------------------------------------------------------

/** How the parser names a setting: as in cdktf.json, markers dropped (`teams[].quota?.limit` → `teams[].quota.limit`). */
export const settingsSpell: Spell = (setting) => setting.replace(/\?/g, "").replace(/\{key\}|\{\}/g, "");

/** A text that names settings (a rule's `allowed`, a setting's description), in the words of one side. */
export function spellOut(text: Allowed, spell: Spell): string {
  return typeof text === "string" ? text : text(spell);
}

/** The parser's `allowed:` text of a rule; `detail` (with its own leading separator) adds what only the parser knows. */
export function settingsAllowed(rule: ValueRule | CrossRule<any>, detail = ""): string {
  return `${spellOut(rule.allowed, settingsSpell)}${detail}`;
}

