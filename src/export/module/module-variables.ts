import { SIGNALS } from "../../otlp/signals";
import {
  ACCOUNT_THROTTLE,
  BASE_PATH,
  CERTIFICATE_ARN,
  EXECUTION_LOG_LEVELS,
  HOSTED_ZONE_ID,
  LOG_GROUP_NAME,
  LOG_RETENTION_DAYS,
  LOG_STREAM_NAME,
  QUOTA_PERIODS,
  STAGE_NAME,
  TAG_KEY,
  TEAM_NAME,
  USAGE_PLANS_PER_REGION,
  WEB_ACL_ARN,
  DOMAIN_NAME,
} from "../../settings/aws-rules";
import { DEFAULTS, ProxySettings } from "../../settings/defaults";
import { ALARM_PERIOD } from "../../settings/parse-alarms";
import { NAME_PREFIX_RULE } from "../../settings/parse-name-prefix";
import { INDEXING_PERCENTAGE } from "../../settings/parse-transaction-search";
import { hcl } from "./hcl-expression";

/**
 * The range `c` with its routing prefix written out, in HCL: a bare address becomes /32 (IPv4) or /128 (IPv6), as
 * withPrefix (src/net/cidr.ts) does for the stacks. IAM reads a bare address as /32 whatever its family.
 */
export const PREFIXED_CIDR = 'strcontains(c, "/") ? c : "${c}/${strcontains(c, ":") ? 128 : 32}"';

/**
 * Settings that have no module variable, with the reason. Everything else in {@link DEFAULTS} is a variable (a test
 * holds the two together).
 */
export const SETTINGS_WITHOUT_VARIABLE: Readonly<Partial<Record<keyof ProxySettings, string>>> = {
  regions:
    "The module is per region: it deploys into its aws provider's region (data.aws_region). Call it once per region with an aliased provider, as examples/two-regions does.",
  backend: "State belongs to the caller's root module, which declares its own backend; a module cannot declare one.",
};

/** Settings whose value is a map with user-chosen keys: their keys are kept as written, never converted to snake_case. */
const MAP_SETTINGS: readonly string[] = ["tags", "alarms.topicArns"];

/** One Terraform input variable of the module, made from one setting. */
export interface ModuleVariable {
  readonly name: string;
  readonly setting: keyof ProxySettings;
  readonly type: string;
  readonly description: string;
  /** The default, already in the variable's (snake_case) shape; null for settings off by default. */
  readonly default: unknown;
  readonly validation: readonly { readonly condition: string; readonly errorMessage: string }[];
}

/** `stageName` → `stage_name`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A setting's value in the variable's shape: object keys in snake_case, except inside maps with user keys. */
export function variableValue(setting: string, value: unknown): unknown {
  const convert = (path: string, v: unknown): unknown => {
    if (Array.isArray(v)) return v.map((item) => convert(path, item));
    if (v === null || typeof v !== "object") return v;
    if (MAP_SETTINGS.includes(path)) return { ...(v as object) };
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => [snakeCase(key), convert(`${path}.${key}`, member)]),
    );
  };
  return value === undefined ? null : convert(setting, value);
}

const v = (name: string) => `var.${name}`;
const regex = (pattern: RegExp) => JSON.stringify(pattern.source);
const list = (values: readonly (string | number)[]) => hcl([...values]);
const optional = (type: string, value: unknown) => `optional(${type}, ${hcl(value)})`;

/** The object type of a nested setting, each attribute optional with its default from {@link DEFAULTS}. */
function objectType(attributes: Record<string, string>): string {
  return `object({\n${Object.entries(attributes)
    .map(([name, type]) => `    ${name} = ${type}`)
    .join("\n")}\n  })`;
}

const A = DEFAULTS.alarms;
const T = DEFAULTS.transactionSearch;

/** Every variable, in the order of the README's settings table. */
export const MODULE_VARIABLES: readonly ModuleVariable[] = [
  variable("stageName", "string", "The API Gateway stage, the last segment of the endpoint URL.", [
    { condition: `can(regex(${regex(STAGE_NAME.pattern)}, ${v("stage_name")}))`, errorMessage: `stage_name: ${STAGE_NAME.rule}.` },
  ]),
  variable("logGroupName", "string", "The CloudWatch log group OTLP log records land in (created by the module).", [
    {
      condition: `can(regex(${JSON.stringify("^[A-Za-z0-9._\\-/#]{1,512}$")}, var.log_group_name)) && !startswith(var.log_group_name, "aws/")`,
      errorMessage: `log_group_name: ${LOG_GROUP_NAME.rule}.`,
    },
  ]),
  variable("logStreamName", "string", "The stream inside the log group that every client shares (created by the module).", [
    { condition: `can(regex(${regex(LOG_STREAM_NAME.pattern)}, var.log_stream_name))`, errorMessage: `log_stream_name: ${LOG_STREAM_NAME.rule}.` },
  ]),
  variable("logRetentionDays", "number", "How long OTLP log records are kept, in days; 0 keeps them forever.", [
    { condition: `contains(${list(LOG_RETENTION_DAYS)}, var.log_retention_days)`, errorMessage: `log_retention_days: one of CloudWatch Logs' retention values ${LOG_RETENTION_DAYS.join(", ")}.` },
  ]),
  variable(
    "throttle",
    objectType({ rate_limit: optional("number", DEFAULTS.throttle.rateLimit), burst_limit: optional("number", DEFAULTS.throttle.burstLimit) }),
    "The usage plan's requests per second (rate_limit) and burst (burst_limit), for every team without limits of its own.",
    [
      {
        condition: `var.throttle.rate_limit > 0 && var.throttle.rate_limit <= ${ACCOUNT_THROTTLE.rateLimit}`,
        errorMessage: `throttle.rate_limit: above 0 and at most ${ACCOUNT_THROTTLE.rateLimit} (the account limit per region).`,
      },
      {
        condition: `floor(var.throttle.burst_limit) == var.throttle.burst_limit && var.throttle.burst_limit >= var.throttle.rate_limit && var.throttle.burst_limit <= ${ACCOUNT_THROTTLE.burstLimit}`,
        errorMessage: `throttle.burst_limit: a whole number from rate_limit to ${ACCOUNT_THROTTLE.burstLimit}.`,
      },
    ],
  ),
  variable("signals", "list(string)", `Which routes exist: a non-empty list of distinct signals from ${SIGNALS.join(", ")}.`, [
    {
      condition: `length(var.signals) > 0 && length(distinct(var.signals)) == length(var.signals) && alltrue([for s in var.signals : contains(${list(SIGNALS)}, s)])`,
      errorMessage: `signals: a non-empty list of distinct signals from ${SIGNALS.join(", ")}.`,
    },
  ]),
  variable("tags", "map(string)", "Tags on every resource the module creates that takes tags (the cdktf stacks set them as the provider's default_tags).", [
    {
      condition: `alltrue([for k, val in var.tags : length(k) >= 1 && length(k) <= 128 && !startswith(k, "aws:") && length(val) <= 256])`,
      errorMessage: `tags: tag names of ${TAG_KEY.rule}, values of at most 256 characters.`,
    },
  ]),
  variable(
    "namePrefix",
    "string",
    "The first part of every name the module gives (IAM roles, REST API, team keys and plans, dashboard, alarms, SNS topic, metric filter, Transaction Search stack), so two deployments can share an account and region; the default access_log_group_name becomes <name_prefix>-access.",
    [{ condition: `can(regex(${regex(NAME_PREFIX_RULE.pattern)}, ${v("name_prefix")}))`, errorMessage: `name_prefix: ${NAME_PREFIX_RULE.rule}.` }],
  ),
  variable(
    "teams",
    `list(${objectType({
      name: "string",
      rate_limit: "optional(number)",
      burst_limit: "optional(number)",
      quota: "optional(object({ limit = number, period = string }))",
      enabled: optional("bool", true),
    })})`,
    "One API key and usage plan per team: name, optional rate_limit and burst_limit (default: throttle), optional quota { limit, period }, enabled (false disables the key).",
    [
      {
        condition: `length(var.teams) >= 1 && length(var.teams) <= ${USAGE_PLANS_PER_REGION} && length(distinct([for t in var.teams : t.name])) == length(var.teams)`,
        errorMessage: `teams: 1 to ${USAGE_PLANS_PER_REGION} teams (one usage plan each), each name once.`,
      },
      { condition: `alltrue([for t in var.teams : can(regex(${regex(TEAM_NAME.pattern)}, t.name))])`, errorMessage: `teams[*].name: ${TEAM_NAME.rule}.` },
      {
        condition: `alltrue([for t in var.teams : t.quota == null ? true : contains(${list(QUOTA_PERIODS)}, t.quota.period) && t.quota.limit > 0 && floor(t.quota.limit) == t.quota.limit])`,
        errorMessage: `teams[*].quota: a whole limit above 0 and a period of ${QUOTA_PERIODS.join(", ")}.`,
      },
      {
        condition: `alltrue([for t in var.teams : coalesce(t.rate_limit, 1) > 0 && coalesce(t.rate_limit, 1) <= ${ACCOUNT_THROTTLE.rateLimit} && coalesce(t.burst_limit, 1) > 0 && coalesce(t.burst_limit, 1) <= ${ACCOUNT_THROTTLE.burstLimit}])`,
        errorMessage: `teams[*]: rate_limit above 0 and at most ${ACCOUNT_THROTTLE.rateLimit}, burst_limit above 0 and at most ${ACCOUNT_THROTTLE.burstLimit}.`,
      },
    ],
  ),
  variable("accessLogs", "bool", "Write one JSON line per request to the access-log group.", []),
  variable("accessLogGroupName", "string", "The log group access logs go to (must differ from log_group_name).", [
    {
      condition: `can(regex(${JSON.stringify("^[A-Za-z0-9._\\-/#]{1,512}$")}, var.access_log_group_name)) && !startswith(var.access_log_group_name, "aws/")`,
      errorMessage: `access_log_group_name: ${LOG_GROUP_NAME.rule}.`,
    },
  ]),
  variable("accessLogRetentionDays", "number", "How long access (and execution) logs are kept, in days; 0 keeps them forever.", [
    { condition: `contains(${list(LOG_RETENTION_DAYS)}, var.access_log_retention_days)`, errorMessage: "access_log_retention_days: one of CloudWatch Logs' retention values." },
  ]),
  variable("executionLogLevel", "string", `Execution logging of every method: ${EXECUTION_LOG_LEVELS.join(", ")} (any case). Data tracing is never turned on.`, [
    { condition: `contains(${list(EXECUTION_LOG_LEVELS)}, upper(var.execution_log_level))`, errorMessage: `execution_log_level: one of ${EXECUTION_LOG_LEVELS.join(", ")}.` },
  ]),
  variable("detailedMetrics", "bool", "Per-method CloudWatch metrics (billed as custom metrics); also draws the dashboard's per-route widgets.", []),
  variable(
    "accountCloudWatchRole",
    "string",
    "create: the module creates the IAM role API Gateway logs with and sets it on the region's aws_api_gateway_account (a singleton per account and region); existing: the region already has one. Used only when some logging is on.",
    [{ condition: `contains(["create", "existing"], var.account_cloud_watch_role)`, errorMessage: 'account_cloud_watch_role: "create" or "existing".' }],
  ),
  variable("allowedSourceCidrs", "list(string)", "Only these source IP ranges may call the API (a resource policy denies the rest); null allows any source.", [
    {
      condition: `var.allowed_source_cidrs == null ? true : length(var.allowed_source_cidrs) >= 1 && length(var.allowed_source_cidrs) <= 100 && alltrue([for c in var.allowed_source_cidrs : can(cidrhost(${PREFIXED_CIDR}, 0))]) && length(distinct([for c in var.allowed_source_cidrs : ${PREFIXED_CIDR}])) == length(var.allowed_source_cidrs)`,
      errorMessage: "allowed_source_cidrs: 1 to 100 distinct IPv4 or IPv6 CIDR ranges such as 203.0.113.0/24, or single addresses.",
    },
  ]),
  variable("webAclArn", "string", "A regional WAFv2 web ACL in the provider's region to associate with the stage; null for none.", [
    { condition: `var.web_acl_arn == null ? true : can(regex(${regex(WEB_ACL_ARN)}, var.web_acl_arn))`, errorMessage: "web_acl_arn: a regional WAFv2 web ACL ARN arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>." },
  ]),
  variable("domainName", "string", "A custom domain for the endpoint (needs certificate_arn); null for the execute-api endpoint only.", [
    {
      condition: `var.domain_name == null ? true : length(var.domain_name) >= 4 && length(var.domain_name) <= 253 && can(regex(${JSON.stringify("^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$")}, var.domain_name))`,
      errorMessage: `domain_name: ${DOMAIN_NAME.rule}.`,
    },
  ]),
  variable("certificateArn", "string", "An ACM certificate for domain_name in the provider's region.", [
    { condition: `var.certificate_arn == null ? true : can(regex(${regex(CERTIFICATE_ARN)}, var.certificate_arn))`, errorMessage: "certificate_arn: an ACM certificate ARN arn:aws:acm:<region>:<account>:certificate/<id>." },
  ]),
  variable("hostedZoneId", "string", "A Route 53 public hosted zone in which to create an alias record for domain_name; null for none.", [
    { condition: `var.hosted_zone_id == null ? true : can(regex(${regex(HOSTED_ZONE_ID.pattern)}, var.hosted_zone_id))`, errorMessage: `hosted_zone_id: ${HOSTED_ZONE_ID.rule}.` },
  ]),
  variable("basePath", "string", "The path under the custom domain that maps to the stage; null maps the domain's root.", [
    { condition: `var.base_path == null ? true : can(regex(${regex(BASE_PATH.pattern)}, var.base_path))`, errorMessage: `base_path: ${BASE_PATH.rule}.` },
  ]),
  variable("disableExecuteApiEndpoint", "bool", "Turn off the default execute-api endpoint, so only the custom domain answers (needs domain_name).", []),
  variable(
    "dashboard",
    objectType({ enabled: optional("bool", DEFAULTS.dashboard.enabled), ai_usage_widgets: optional("bool", DEFAULTS.dashboard.aiUsageWidgets) }),
    "The CloudWatch dashboard otlp-proxy-<region>: enabled, and ai_usage_widgets (PromQL over the OTLP metrics, Logs Insights over the OTLP log group).",
    [],
  ),
  variable(
    "alarms",
    objectType({
      enabled: optional("bool", A.enabled),
      period_seconds: optional("number", A.periodSeconds),
      evaluation_periods: optional("number", A.evaluationPeriods),
      server_errors_per_period: optional("number", A.serverErrorsPerPeriod),
      client_errors_per_period: optional("number", A.clientErrorsPerPeriod),
      throttled_requests_per_period: optional("number", A.throttledRequestsPerPeriod),
      integration_latency_p99_millis: optional("number", A.integrationLatencyP99Millis),
      emails: optional("list(string)", A.emails),
      topic_arns: optional("map(string)", A.topicArns),
    }),
    "The CloudWatch alarms (5XX, 4XX spike, integration latency p99, and 429 with access logs) and where they notify: emails subscribed to a topic the module creates, or topic_arns, an existing SNS topic by region name.",
    [
      {
        condition: `var.alarms.period_seconds > 0 && var.alarms.period_seconds % ${ALARM_PERIOD.multipleOfSeconds} == 0 && var.alarms.period_seconds * var.alarms.evaluation_periods <= ${ALARM_PERIOD.maxTotalSeconds}`,
        errorMessage: `alarms.period_seconds: a multiple of ${ALARM_PERIOD.multipleOfSeconds} seconds, with period_seconds * evaluation_periods at most ${ALARM_PERIOD.maxTotalSeconds} (one day).`,
      },
      {
        condition:
          "alltrue([for n in [var.alarms.evaluation_periods, var.alarms.server_errors_per_period, var.alarms.client_errors_per_period, var.alarms.throttled_requests_per_period, var.alarms.integration_latency_p99_millis] : n >= 1 && floor(n) == n])",
        errorMessage: "alarms: evaluation_periods and every threshold a whole number of at least 1.",
      },
      {
        condition: `alltrue([for e in var.alarms.emails : can(regex(${JSON.stringify("^[^@\\s'\"]+@[^@\\s'\"]+\\.[^@\\s'\"]+$")}, e))]) && length(distinct(var.alarms.emails)) == length(var.alarms.emails)`,
        errorMessage: "alarms.emails: distinct email addresses.",
      },
      {
        condition: `alltrue([for r, arn in var.alarms.topic_arns : can(regex("^arn:aws:sns:\${r}:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", arn))])`,
        errorMessage: "alarms.topic_arns: a standard SNS topic ARN in each region it is given for.",
      },
    ],
  ),
  variable(
    "transactionSearch",
    objectType({
      enabled: optional("bool", T.enabled),
      indexing_percentage: optional("number", T.indexingPercentage),
      regions: "optional(list(string))",
    }),
    "X-Ray Transaction Search switched on by a CloudFormation stack (account- and region-wide, opt-in): enabled, indexing_percentage (0 to 100; 1 is free), and regions (null: any region the module is called for).",
    [
      {
        condition: `var.transaction_search.indexing_percentage >= ${INDEXING_PERCENTAGE.min} && var.transaction_search.indexing_percentage <= ${INDEXING_PERCENTAGE.max}`,
        errorMessage: `transaction_search.indexing_percentage: from ${INDEXING_PERCENTAGE.min} to ${INDEXING_PERCENTAGE.max}.`,
      },
    ],
  ),
];

function variable(setting: keyof ProxySettings, type: string, description: string, validation: ModuleVariable["validation"]): ModuleVariable {
  return { name: snakeCase(setting), setting, type, description, default: variableValue(setting, DEFAULTS[setting]), validation };
}
