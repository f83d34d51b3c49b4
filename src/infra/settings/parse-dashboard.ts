import { booleanSetting, objectSetting, Report } from "./setting-checks";

/**
 * `context.otlpProxy.dashboard`: the CloudWatch dashboard each region stack creates. Per-route widgets follow the
 * top-level `detailedMetrics` setting (the stage's method settings belong to the access-log feature).
 */
export interface DashboardSettings {
  /** Create the dashboard `otlp-proxy-<region>`. */
  readonly enabled: boolean;
  /**
   * Show AI tool usage: PromQL widgets over the OTLP metrics (only in regions with the metrics route and CloudWatch
   * OTLP metrics) and Logs Insights widgets over the OTLP log group (only with the logs route).
   */
  readonly aiUsageWidgets: boolean;
}

/** The dashboard's defaults; `DEFAULTS.dashboard` in defaults.ts points here. */
export const DASHBOARD_DEFAULTS: DashboardSettings = { enabled: true, aiUsageWidgets: true };

const KEYS = Object.keys(DASHBOARD_DEFAULTS);

/** Validates `dashboard` and fills in {@link DASHBOARD_DEFAULTS}. */
export function parseDashboard(value: unknown, report: Report): DashboardSettings {
  const input = objectSetting("dashboard", value, KEYS, report) ?? {};
  return {
    enabled: booleanSetting("dashboard.enabled", input.enabled, DASHBOARD_DEFAULTS.enabled, report),
    aiUsageWidgets: booleanSetting("dashboard.aiUsageWidgets", input.aiUsageWidgets, DASHBOARD_DEFAULTS.aiUsageWidgets, report),
  };
}
