import type { AlarmSettings } from "./parse-alarms";
import { NAME_PREFIX_DEFAULTS } from "./parse-name-prefix";
import type { Team } from "./parse-teams";
import type { Throttle } from "./throttle";
import type { TransactionSearchSettings } from "./parse-transaction-search";

/**
 * A fact derived from the settings that both sides need: the module decides with it in HCL (a local of the module),
 * synth in TypeScript (the stacks' outputs, the synth report, warnings). Both forms live here, side by side and
 * nowhere else; __tests__/settings/derived-parity.terraform.test.ts evaluates every `hcl` with Terraform against `ts`.
 */
export interface Derived<In, Out> {
  /** The module local the `hcl` form is written to. */
  readonly local: string;
  readonly ts: (input: In) => Out;
  /** An HCL expression over the module's variables and `local.region`. */
  readonly hcl: string;
}

/** Whether this region's module call turns X-Ray Transaction Search on: `enabled`, and `regions` absent or naming it. */
export const TRANSACTION_SEARCH_HERE: Derived<{ transactionSearch: TransactionSearchSettings; region: string }, boolean> = {
  local: "transaction_search_here",
  ts: ({ transactionSearch: t, region }) => t.enabled && (t.regions === undefined || t.regions.includes(region)),
  hcl: "var.transaction_search.enabled && (var.transaction_search.regions == null ? true : contains(var.transaction_search.regions, local.region))",
};

/** Whether the alarms notify anyone here: an existing topic for this region, or emails for a topic the module creates. */
export const ALARMS_NOTIFY: Derived<{ alarms: AlarmSettings; region: string }, boolean> = {
  local: "alarm_notifies",
  ts: ({ alarms, region }) => alarms.enabled && (region in alarms.topicArns || alarms.emails.length > 0),
  hcl: "var.alarms.enabled && (contains(keys(var.alarms.topic_arns), local.region) || length(var.alarms.emails) > 0)",
};

/** The default `accessLogGroupName`: `<namePrefix>-access` for the default prefix. */
const DEFAULT_ACCESS_LOG_GROUP_NAME = `${NAME_PREFIX_DEFAULTS.namePrefix}-access`;

/**
 * The access-log group: `accessLogGroupName`, whose default follows the prefix as `<namePrefix>-access`; log group
 * names are per account and region, so a second deployment would collide on the literal default.
 */
export const ACCESS_LOG_GROUP_NAME: Derived<{ namePrefix: string; accessLogGroupName: string }, string> & { readonly defaultName: string } = {
  local: "access_log_group_name",
  defaultName: DEFAULT_ACCESS_LOG_GROUP_NAME,
  ts: ({ namePrefix, accessLogGroupName }) => (accessLogGroupName === DEFAULT_ACCESS_LOG_GROUP_NAME ? `${namePrefix}-access` : accessLogGroupName),
  hcl: `var.access_log_group_name == "${DEFAULT_ACCESS_LOG_GROUP_NAME}" ? "\${var.name_prefix}-access" : var.access_log_group_name`,
};

/**
 * Whether this module call creates the IAM role API Gateway logs with and sets it on the region's account setting:
 * something logs (access logs, or execution logs at any level) and `accountCloudWatchRole` is `create`.
 */
export const LOGGING_ROLE_CREATED: Derived<{ accessLogs: boolean; executionLogLevel: string; accountCloudWatchRole: string }, boolean> = {
  local: "logging_role_created",
  ts: (s) => (s.accessLogs || s.executionLogLevel.toUpperCase() !== "OFF") && s.accountCloudWatchRole === "create",
  hcl: '(var.access_logs || upper(var.execution_log_level) != "OFF") && var.account_cloud_watch_role == "create"',
};

/** A team's usage-plan limits: its own, else the stack's `throttle` (in HCL, every team's, by name). */
export const TEAM_LIMITS: Derived<{ team: Pick<Team, "rateLimit" | "burstLimit">; throttle: Throttle }, Throttle> = {
  local: "team_limits",
  ts: ({ team, throttle }) => ({ rateLimit: team.rateLimit ?? throttle.rateLimit, burstLimit: team.burstLimit ?? throttle.burstLimit }),
  hcl: "{ for t in var.teams : t.name => { rate_limit = coalesce(t.rate_limit, var.throttle.rate_limit), burst_limit = coalesce(t.burst_limit, var.throttle.burst_limit) } }",
};
