import { SIGNALS } from "../otlp/signals";
import { EXECUTION_LOG_LEVELS } from "../settings/aws-rules";
import { DEFAULTS, ProxySettings } from "../settings/defaults";
import { ALL_RULES, CrossRule, ValueRule } from "../settings/rules";
import { Block } from "./hcl/hcl-block";
import { Call, expr, oneLine as hcl, Value } from "./hcl/hcl-value";
import { nested } from "./hcl/blocks";
import { moduleMessage, ruleVariable, validationCondition } from "./rule-validations";

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
  readonly type: Value;
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

const optional = (type: string, value: unknown) => `optional(${type}, ${hcl(value as Value)})`;

/** The object type of a nested setting, each attribute optional with its default from {@link DEFAULTS}. */
function objectType(attributes: Record<string, string>): Value {
  return new Call("object", Object.fromEntries(Object.entries(attributes).map(([name, type]) => [name, expr(type)])));
}

const A = DEFAULTS.alarms;
const T = DEFAULTS.transactionSearch;

/** Every variable, in the order of the README's settings table; each one's validation comes from the rules table. */
export const MODULE_VARIABLES: readonly ModuleVariable[] = [
  variable("stageName", "string", "The API Gateway stage, the last segment of the endpoint URL."),
  variable("logGroupName", "string", "The CloudWatch log group OTLP log records land in (created by the module)."),
  variable(
    "logStreamName",
    "string",
    "The shared stream inside the log group: where every client writes when log_streams is shared. Created and kept in either mode, so switching never deletes its events.",
  ),
  variable(
    "logStreams",
    "string",
    "per-team: one stream per team in the log group, named by the team's API key id, which API Gateway maps from context.identity.apiKeyId (attribution no client can forge); shared: every client writes to log_stream_name.",
  ),
  variable("logRetentionDays", "number", "How long OTLP log records are kept, in days; 0 keeps them forever."),
  variable(
    "throttle",
    objectType({ rate_limit: optional("number", DEFAULTS.throttle.rateLimit), burst_limit: optional("number", DEFAULTS.throttle.burstLimit) }),
    "The usage plan's requests per second (rate_limit) and burst (burst_limit), for every team without limits of its own.",
  ),
  variable(
    "metricsThrottle",
    objectType({
      enabled: optional("bool", DEFAULTS.metricsThrottle.enabled),
      rate_limit: optional("number", DEFAULTS.metricsThrottle.rateLimit),
      burst_limit: optional("number", DEFAULTS.metricsThrottle.burstLimit),
    }),
    "A stage throttle on /v1/metrics that every team shares (enabled, rate_limit at most 500, burst_limit): CloudWatch's OTLP metrics endpoint takes 500 requests per second per account, which the teams' usage plans can add up past.",
  ),
  variable("signals", "list(string)", `Which routes exist: a non-empty list of distinct signals from ${SIGNALS.join(", ")}.`),
  variable("tags", "map(string)", "Tags on every resource the module creates that takes tags (the cdktf stacks set them as the provider's default_tags)."),
  variable(
    "namePrefix",
    "string",
    "The first part of every name the module gives (IAM roles, REST API, team keys and plans, dashboard, alarms, SNS topic, metric filter, Transaction Search stack), so two deployments can share an account and region; the default access_log_group_name becomes <name_prefix>-access.",
  ),
  variable(
    "teams",
    new Call("list", objectType({
      name: "string",
      rate_limit: "optional(number)",
      burst_limit: "optional(number)",
      quota: "optional(object({ limit = number, period = string }))",
      enabled: optional("bool", true),
    })),
    "One API key and usage plan per team: name, optional rate_limit and burst_limit (default: throttle), optional quota { limit, period }, enabled (false disables the key).",
  ),
  variable("accessLogs", "bool", "Write one JSON line per request to the access-log group."),
  variable("accessLogGroupName", "string", "The log group access logs go to (must differ from log_group_name)."),
  variable("accessLogRetentionDays", "number", "How long access (and execution) logs are kept, in days; 0 keeps them forever."),
  variable("executionLogLevel", "string", `Execution logging of every method: ${EXECUTION_LOG_LEVELS.join(", ")} (any case). Data tracing is never turned on.`),
  variable("detailedMetrics", "bool", "Per-method CloudWatch metrics (billed as custom metrics); also draws the dashboard's per-route widgets."),
  variable(
    "accountCloudWatchRole",
    "string",
    "create: the module creates the IAM role API Gateway logs with and sets it on the region's aws_api_gateway_account (a singleton per account and region); existing: the region already has one. Used only when some logging is on.",
  ),
  variable("allowedSourceCidrs", "list(string)", "Only these source IP ranges may call the API (a resource policy denies the rest); null allows any source."),
  variable("webAclArn", "string", "A regional WAFv2 web ACL in the provider's region to associate with the stage; null for none."),
  variable("domainName", "string", "A custom domain for the endpoint (needs certificate_arn); null for the execute-api endpoint only."),
  variable("certificateArn", "string", "An ACM certificate for domain_name in the provider's region."),
  variable("hostedZoneId", "string", "A Route 53 public hosted zone in which to create an alias record for domain_name; null for none."),
  variable("basePath", "string", "The path under the custom domain that maps to the stage; null maps the domain's root."),
  variable("disableExecuteApiEndpoint", "bool", "Turn off the default execute-api endpoint, so only the custom domain answers (needs domain_name)."),
  variable(
    "ipAddressType",
    "string",
    "Who can connect to the REST API and its custom domain: ipv4 (API Gateway's default) or dualstack (IPv4 and IPv6). IPv6 ranges in allowed_source_cidrs need dualstack.",
  ),
  variable(
    "dashboard",
    objectType({ enabled: optional("bool", DEFAULTS.dashboard.enabled), ai_usage_widgets: optional("bool", DEFAULTS.dashboard.aiUsageWidgets) }),
    "The CloudWatch dashboard otlp-proxy-<region>: enabled, and ai_usage_widgets (PromQL over the OTLP metrics, Logs Insights over the OTLP log group).",
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
  ),
  variable(
    "transactionSearch",
    objectType({
      enabled: optional("bool", T.enabled),
      indexing_percentage: optional("number", T.indexingPercentage),
      regions: "optional(list(string))",
    }),
    "X-Ray Transaction Search switched on by a CloudFormation stack (account- and region-wide, opt-in): enabled, indexing_percentage (0 to 100; 1 is free), and regions (null: any region the module is called for).",
  ),
];

/** The value rules of the table on one variable, as its validation blocks (in table order). */
export function variableValidations(name: string): ModuleVariable["validation"] {
  return ALL_RULES.filter((rule): rule is ValueRule => rule.kind === "value" && ruleVariable(rule) === name).map((rule) => ({
    condition: validationCondition(rule),
    errorMessage: moduleMessage(rule),
  }));
}

/**
 * The rules of the table across variables, as preconditions on the module's REST API (a variable's validation sees only
 * itself in Terraform 1.5).
 */
export const MODULE_PRECONDITIONS: readonly { readonly condition: string; readonly errorMessage: string }[] = ALL_RULES.filter(
  (rule): rule is CrossRule<unknown> => rule.kind === "precondition",
).map((rule) => ({ condition: rule.hcl, errorMessage: moduleMessage(rule) }));

function variable(setting: keyof ProxySettings, type: Value | string, description: string): ModuleVariable {
  const name = snakeCase(setting);
  return { name, setting, type: typeof type === "string" ? expr(type) : type, description, default: variableValue(setting, DEFAULTS[setting]), validation: variableValidations(name) };
}

/** The variables as blocks: type, description, default (null makes a variable optional) and validations. */
export function variableBlocks(): Block[] {
  return MODULE_VARIABLES.map(
    (v) =>
      new Block("variable", [v.name], {
        description: v.description,
        type: v.type,
        default: v.default as never,
        nullable: v.default === null,
        validation: v.validation.length > 0 ? v.validation.map((rule) => nested("validation", { condition: expr(rule.condition), error_message: rule.errorMessage })) : undefined,
      }),
  );
}
