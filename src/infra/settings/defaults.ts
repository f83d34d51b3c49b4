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
 * Everything a user can set under `context.otlpProxy` in `cdktf.json`. What each setting does is written once, in
 * SETTING_DESCRIPTIONS (src/infra/settings/setting-descriptions.ts); a member's JSDoc points there and adds only where
 * the setting is parsed. Teams, access logs and network restrictions are flat settings declared beside their parsing
 * (parse-teams.ts, parse-access-logs.ts, parse-network.ts); so is `namePrefix` (parse-name-prefix.ts).
 */
export interface ProxySettings extends NamePrefixSettings, TeamsSettings, AccessLogSettings, NetworkSettings {
  readonly regions: readonly string[];
  readonly stageName: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly logStreams: LogStreamMode;
  readonly logRetentionDays: number;
  readonly throttle: Throttle;
  readonly metricsThrottle: MetricsThrottleSettings;
  readonly signals: SignalSelection;
  readonly tags: Readonly<Record<string, string>>;
  readonly dashboard: DashboardSettings;
  readonly alarms: AlarmSettings;
  readonly transactionSearch: TransactionSearchSettings;
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
