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
  /** See SETTING_DESCRIPTIONS. */
  readonly regions: readonly string[];
  /** See SETTING_DESCRIPTIONS. */
  readonly stageName: string;
  /** See SETTING_DESCRIPTIONS. */
  readonly logGroupName: string;
  /** See SETTING_DESCRIPTIONS. */
  readonly logStreamName: string;
  /** See SETTING_DESCRIPTIONS. */
  readonly logStreams: LogStreamMode;
  /** See SETTING_DESCRIPTIONS. */
  readonly logRetentionDays: number;
  /** See SETTING_DESCRIPTIONS. */
  readonly throttle: Throttle;
  /** See SETTING_DESCRIPTIONS; parsed in parse-metrics-throttle.ts. */
  readonly metricsThrottle: MetricsThrottleSettings;
  /** See SETTING_DESCRIPTIONS. */
  readonly signals: SignalSelection;
  /** See SETTING_DESCRIPTIONS. */
  readonly tags: Readonly<Record<string, string>>;
  /** See SETTING_DESCRIPTIONS; parsed in parse-dashboard.ts. */
  readonly dashboard: DashboardSettings;
  /** See SETTING_DESCRIPTIONS; parsed in parse-alarms.ts. */
  readonly alarms: AlarmSettings;
  /** See SETTING_DESCRIPTIONS; parsed in parse-transaction-search.ts. */
  readonly transactionSearch: TransactionSearchSettings;
  /** See SETTING_DESCRIPTIONS; parsed in parse-backend.ts. */
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
