import type { ProxySettings } from "./defaults";
import { OTLP_ENDPOINT_REGIONS, SIGNALS_NOT_EVERYWHERE } from "../aws-regions/otlp-endpoint-regions";
import { EXECUTION_LOG_LEVELS } from "./aws-rules";
import { Allowed, METRICS_RATE_MAX } from "./rules";

/**
 * What one setting does, written once: the module variable's description (src/infra/module/module-variables.ts) and
 * a row of the settings table in docs/settings.md (src/infra/settings/settings-table.ts). What it allows comes from
 * the rules table (rules.ts), its default from DEFAULTS.
 */
export interface SettingDescription {
  /** What the setting does, naming other settings through the reader's speller (cdktf.json's or the module's names). */
  readonly does: Allowed;
  /** What only the cdktf project's docs add: synth warnings, stack folders, links to its pages. */
  readonly inDocs?: string;
  /** What is allowed that no rule of the table says (booleans, shapes, parser-only checks), before the rules' texts. */
  readonly allowed?: string;
}

const TRUE_OR_FALSE = "`true` or `false`";

/** THE descriptions, in the order of the settings table. */
export const SETTING_DESCRIPTIONS: Readonly<Record<keyof ProxySettings, SettingDescription>> = {
  regions: { does: "One stack, `otlp-proxy-<region>`, per region.", allowed: "a non-empty list of region names, each once" },
  stageName: { does: "The API Gateway stage, the last segment of the endpoint URL." },
  logGroupName: { does: "The CloudWatch log group OTLP log records land in (created with the proxy)." },
  logStreamName: { does: (s) => `The shared stream inside the log group: where every client writes when ${s("logStreams")} is "shared". Created and kept in either mode, so switching never deletes its events.` },
  logStreams: { does: (s) => `"per-team": one stream per team, named by the team's API key id, which API Gateway maps from \`context.identity.apiKeyId\` (attribution no client can forge: a client cannot write to another team's stream; the \`log_stream_names\` output maps teams to streams). "shared": every client writes to ${s("logStreamName")}.` },
  logRetentionDays: { does: "How long OTLP log records are kept, in days; 0 keeps them forever." },
  throttle: { does: (s) => `The usage plan's requests per second (${s("throttle.rateLimit")}) and burst (${s("throttle.burstLimit")}), for every team without limits of its own.` },
  metricsThrottle: {
    does: (s) => `A stage throttle on \`/v1/metrics\` that every team shares (${s("metricsThrottle.enabled")}, ${s("metricsThrottle.rateLimit")}, ${s("metricsThrottle.burstLimit")}): CloudWatch's OTLP metrics endpoint takes ${METRICS_RATE_MAX} requests per second per account and region, which the teams' usage plans alone can add up past. Requests over it get API Gateway's own 429, which exporters retry.`,
    inDocs: "Synth warns when the teams' rates add up past it and it is off.",
    allowed: "`metricsThrottle.enabled`: `true` or `false`",
  },
  signals: {
    does: (s) => `Which routes exist. With "traces", turn on X-Ray Transaction Search (${s("transactionSearch")}, or once per account and region yourself).`,
    inDocs: `Synth warns where traces are routed and this project does not turn Transaction Search on. Removing a signal needs one more deployment ([Deploying](deploying.md#removing-a-route-or-the-ip-allow-list-redeploy-once-more)). ${SIGNALS_NOT_EVERYWHERE.map((signal) => `CloudWatch has no OTLP ${signal} endpoint in ${OTLP_ENDPOINT_REGIONS[signal].without.join(", ")}`, ).join("; ")} (the table is \`src/infra/aws-regions/otlp-endpoint-regions.ts\`).`,
  },
  tags: { does: "Tags on every resource that takes tags (the cdktf stacks set them as the provider's `default_tags`)." },
  namePrefix: {
    does: (s) => `The first part of every AWS resource name, so two deployments can share an account and region: IAM roles \`<prefix>-<region>\` and \`<prefix>-apigw-logs-<region>\`, REST API \`<prefix>\`, team keys and plans \`<prefix>-<team>-<region>\`, dashboard \`<prefix>-<region>\`, alarms \`<prefix>-<stage>-…\`, SNS topic \`<prefix>-alarms\`, metric filter \`<prefix>-throttled\`, Transaction Search stack \`<prefix>-transaction-search\`, and the default ${s("accessLogGroupName")} \`<prefix>-access\`; any other prefix puts the 429 metric in the namespace \`OtlpProxy/<prefix>\`. Give a second deployment its own ${s("logGroupName")} too. The API Gateway account logging role is one setting per account and region: one deployment per region owns it (${s("accountCloudWatchRole")} "create") and every other one there uses "existing", or each apply flips it back and forth.`,
    inDocs: "Stack names and Terraform addresses do not change; give a second deployment its own `backend.keyPrefix` too. Synth warns when a non-default prefix would create the account logging role.",
  },
  teams: {
    does: (s) => `One API key and one usage plan per team, bound to the stage, both named \`<prefix>-<team>-<region>\` and tagged \`otlp-proxy:team = <team>\`: ${s("teams[].name")}, optional ${s("teams[].rateLimit")} and ${s("teams[].burstLimit")} (default: ${s("throttle")}), optional ${s("teams[].quota")} (limit, period), ${s("teams[].enabled")} (false disables the key: its requests get 403).`,
    inDocs: "See [Teams and access](teams-and-access.md).",
    allowed: "a list of `{ name, rateLimit?, burstLimit?, quota?, enabled? }`; each team also takes one of the account's 10,000 API keys per region",
  },
  accessLogs: { does: (s) => `One JSON line per request in ${s("accessLogGroupName")}.`, inDocs: "Fields in [Access logs](observability.md#access-logs).", allowed: TRUE_OR_FALSE },
  accessLogGroupName: { does: (s) => `The stage's access-log group (created with the proxy); left at its default, it follows ${s("namePrefix")}: \`<prefix>-access\`.` },
  accessLogRetentionDays: { does: (s) => `How long access logs, and execution logs when ${s("executionLogLevel")} is on, are kept, in days; 0 keeps them forever.` },
  executionLogLevel: { does: `API Gateway execution logging for every method (\`aws_api_gateway_method_settings\`, \`*/*\`): ${EXECUTION_LOG_LEVELS.join(", ")}, in any case, stored upper-case. Its log group \`API-Gateway-Execution-Logs_<apiId>/<stage>\` is created with the proxy, so it has a retention and is deleted with it. Data tracing (request and response bodies) is never turned on and not offered: it would copy telemetry (prompts, file paths, user ids) into logs.` },
  detailedMetrics: { does: "Per-method CloudWatch metrics (`metrics_enabled`), billed as custom metrics; also draws the dashboard's per-route widgets.", allowed: TRUE_OR_FALSE },
  accountCloudWatchRole: { does: "Logging needs the region's API Gateway account setting (`aws_api_gateway_account`, one per account and region) to name an IAM role API Gateway can write logs with. \"create\": the proxy creates `<prefix>-apigw-logs-<region>` and sets it. \"existing\": the region already has one (another deployment, a landing zone, the console), which is left alone. Used only when some logging is on." },
  allowedSourceCidrs: {
    does: "Only these source IP ranges may call the API: a REST API resource policy allows `execute-api:Invoke` and denies it when `aws:SourceIp` is not in the list, so other sources get 403 with \"your network address is not in this OTLP proxy's allowed source ranges\". A bare address is written out as its /32 or /128 (IAM would read a bare IPv6 address as a /32 network). The policy is in the deployment trigger, so changing it redeploys. None (null): any source may call.",
    inDocs: "Removing the list needs one more deployment ([Deploying](deploying.md#removing-a-route-or-the-ip-allow-list-redeploy-once-more)).",
  },
  webAclArn: { does: "A regional WAFv2 web ACL associated with the stage (`aws_wafv2_web_acl_association`); the ACL itself is yours. None (null): no web ACL." },
  domainName: {
    does: (s) => `A regional custom domain (\`aws_api_gateway_domain_name\`, TLS 1.2 policy) with a base path mapping to the stage; the \`otlp_endpoint\` output and the route URLs then use it. Needs ${s("certificateArn")}. None (null): the execute-api endpoint only.`,
  },
  certificateArn: { does: (s) => `The ACM certificate of ${s("domainName")}, in the API's region (a regional custom domain needs one there). It must already be issued.` },
  hostedZoneId: {
    does: (s) => `A Route 53 public hosted zone in which to create an alias \`A\` record for ${s("domainName")}, pointing at the regional endpoint. None (null): point your DNS at the \`custom_domain_target\` output.`,
  },
  basePath: { does: "The path under the custom domain that maps to the stage: `https://<domain>/<path>`. None (null): the domain's root maps to the stage." },
  disableExecuteApiEndpoint: {
    does: (s) => `Turns off \`https://<api>.execute-api.<region>.amazonaws.com\`, so only the custom domain answers (and so only it is covered by the WAF and IP rules you rely on); needs ${s("domainName")}.`,
    allowed: TRUE_OR_FALSE,
  },
  ipAddressType: { does: (s) => `Who can connect to the REST API and its custom domain: IPv4 only (API Gateway's default) or IPv4 and IPv6. IPv6 ranges in ${s("allowedSourceCidrs")} are refused with "ipv4", since no IPv6 client can reach the endpoint then. Changing it takes effect without a redeployment.` },
  dashboard: {
    does: (s) => `The CloudWatch dashboard \`<prefix>-<region>\` (${s("dashboard.enabled")}), and ${s("dashboard.aiUsageWidgets")}: PromQL widgets over the OTLP metrics and Logs Insights widgets over the OTLP log group.`,
    inDocs: "See [Observability](observability.md#dashboard-alarm-and-transaction-search-settings-in-detail).",
    allowed: "`dashboard.enabled`, `dashboard.aiUsageWidgets`: `true` or `false`",
  },
  alarms: {
    does: (s) => `The CloudWatch alarms (5XX, 4XX spike, integration latency p99, and 429 with access logs; ${s("alarms.enabled")}) and where they notify: ${s("alarms.topicArns")}, an existing SNS topic by region name, or else a topic created for them; ${s("alarms.emails")} are subscribed to whichever topic that is.`,
    inDocs: "See [Observability](observability.md#dashboard-alarm-and-transaction-search-settings-in-detail).",
    allowed: "`alarms.enabled`: `true` or `false`",
  },
  transactionSearch: {
    does: (s) => `X-Ray Transaction Search, switched on (account- and region-wide, opt-in) by a CloudFormation stack: ${s("transactionSearch.enabled")}, ${s("transactionSearch.indexingPercentage")} (1 is free), and ${s("transactionSearch.regions")} (none: every region the proxy is deployed in).`,
    inDocs: "Its regions must be among `regions`. See [Traces: X-Ray Transaction Search](observability.md#traces-x-ray-transaction-search).",
    allowed: "`transactionSearch.enabled`: `true` or `false`",
  },
  backend: {
    does: "Where each region stack keeps its Terraform state.",
    inDocs: "See [Deploying](deploying.md#state-where-it-lives-and-what-it-holds).",
    allowed: '`{"type":"local","path"?}`, `{"type":"s3","bucket","keyPrefix"?,"region"}` or `{"type":"cloud","organization","hostname"?,"project"?,"workspacePrefix"? | "workspaceTags"?}`',
  },
};

/** The settings that take one value for every region or values keyed by region (or "default"); the module gets its region's. */
export const PER_REGION_SETTINGS: readonly (keyof ProxySettings)[] = [
  "signals", "allowedSourceCidrs", "webAclArn", "domainName", "certificateArn", "hostedZoneId", "basePath", "disableExecuteApiEndpoint",
];
