import { SIGNALS, Signal } from "../otlp/signals";
import { ALARM_DEFAULTS, AlarmSettings } from "./parse-alarms";
import { DASHBOARD_DEFAULTS, DashboardSettings } from "./parse-dashboard";
import { TRANSACTION_SEARCH_DEFAULTS, TransactionSearchSettings } from "./parse-transaction-search";
import { ACCESS_LOG_DEFAULTS, AccessLogSettings } from "./parse-access-logs";
import { NETWORK_DEFAULTS, NetworkSettings } from "./parse-network";
import { TEAMS_DEFAULTS, TeamsSettings } from "./parse-teams";
import { BACKEND_DEFAULTS, BackendSettings } from "./parse-backend";
import { NAME_PREFIX_DEFAULTS, NamePrefixSettings } from "./parse-name-prefix";
import { METRICS_THROTTLE_DEFAULTS, MetricsThrottleSettings } from "./parse-metrics-throttle";
import type { LogStreamMode } from "./rules";
import { Throttle } from "./throttle";

export type { Throttle } from "./throttle";

/** Routes per region: one list for every region, or lists by region name with an optional `default`. */
export type SignalSelection = readonly Signal[] | Readonly<Record<string, readonly Signal[]>>;

/**
 * Everything a user can set under `context.otlpProxy` in `cdktf.json`. Teams, access logs and network restrictions are
 * flat settings declared beside their parsing (src/infra/settings/parse-teams.ts, parse-access-logs.ts, parse-network.ts);
 * so is `namePrefix`, the first part of every AWS resource name (src/infra/settings/parse-name-prefix.ts).
 */
export interface ProxySettings extends NamePrefixSettings, TeamsSettings, AccessLogSettings, NetworkSettings {
  /** One Terraform stack, `otlp-proxy-<region>`, is synthesized per region. */
  readonly regions: readonly string[];
  /** The API Gateway stage, the last segment of the endpoint URL. */
  readonly stageName: string;
  /** The CloudWatch log group that OTLP log records are written to. */
  readonly logGroupName: string;
  /**
   * The shared log stream inside that group: where every client writes with `logStreams: "shared"`. It is created
   * (and kept) either way, so switching modes never deletes a stream with its events.
   */
  readonly logStreamName: string;
  /**
   * `per-team`: one stream per team, named by the team's API key id, which API Gateway maps from
   * `context.identity.apiKeyId` (no client can pick another team's stream); `shared`: every client writes to
   * `logStreamName`.
   */
  readonly logStreams: LogStreamMode;
  /** How long CloudWatch keeps OTLP log records; 0 keeps them forever. */
  readonly logRetentionDays: number;
  /** The usage plan's throttle for the API key. */
  readonly throttle: Throttle;
  /** The stage throttle of `/v1/metrics`, which all teams share (src/infra/settings/parse-metrics-throttle.ts). */
  readonly metricsThrottle: MetricsThrottleSettings;
  /** Which routes exist. */
  readonly signals: SignalSelection;
  /** Tags on every resource (the provider's default tags). */
  readonly tags: Readonly<Record<string, string>>;
  /** The CloudWatch dashboard per region (src/infra/settings/parse-dashboard.ts). */
  readonly dashboard: DashboardSettings;
  /** The CloudWatch alarms per region and where they notify (src/infra/settings/parse-alarms.ts). */
  readonly alarms: AlarmSettings;
  /** X-Ray Transaction Search switched on from the stack, opt-in (src/infra/settings/parse-transaction-search.ts). */
  readonly transactionSearch: TransactionSearchSettings;
  /** Where each region stack keeps its Terraform state (src/infra/settings/parse-backend.ts). */
  readonly backend: BackendSettings;
}

/** The single source of every default: the code resolves settings from it and the README's table mirrors it. */
export const DEFAULTS: ProxySettings = {
  regions: ["us-east-1", "us-west-2", "ap-southeast-1", "ap-southeast-2", "eu-west-1"],
  stageName: "prod",
  logGroupName: "otlp-logs",
  logStreamName: "otlp",
  logStreams: "per-team",
  logRetentionDays: 30,
  throttle: { rateLimit: 100, burstLimit: 200 },
  metricsThrottle: METRICS_THROTTLE_DEFAULTS,
  signals: [...SIGNALS],
  tags: {},
  ...NAME_PREFIX_DEFAULTS,
  ...TEAMS_DEFAULTS,
  ...ACCESS_LOG_DEFAULTS,
  ...NETWORK_DEFAULTS,
  dashboard: DASHBOARD_DEFAULTS,
  alarms: ALARM_DEFAULTS,
  transactionSearch: TRANSACTION_SEARCH_DEFAULTS,
  backend: BACKEND_DEFAULTS,
};
