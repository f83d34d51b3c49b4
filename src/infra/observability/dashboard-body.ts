import { AccessLogSource } from "./access-log-fields";
import { ApiStageDimensions } from "./api-gateway-metrics";
import { aiUsageWidgets } from "./widgets/ai-usage-widgets";
import { healthWidgets } from "./widgets/health-widgets";
import { TeamStreamSource, teamStreamWidgets } from "./widgets/team-stream-widgets";
import { teamWidgets } from "./widgets/team-widgets";
import { layOut, PlacedWidget, Widget } from "./widgets/widget";

/** Everything the dashboard shows, as plain values (Terraform references are fine inside strings). */
export interface DashboardBodyOptions {
  readonly region: string;
  readonly api: ApiStageDimensions;
  /** Resource paths of the routes, such as /v1/logs. */
  readonly routes: readonly string[];
  readonly detailedMetrics: boolean;
  readonly periodSeconds: number;
  /** ARNs of the stack's alarms, for an alarm status widget at the top. */
  readonly alarmArns: readonly string[];
  readonly accessLogs?: AccessLogSource;
  readonly aiUsage: { readonly promql: boolean; readonly otlpLogGroupName?: string } | undefined;
  /** Per-team cost and errors from the OTLP log group's per-team streams (`logStreams: "per-team"`, logs route, AI usage widgets). */
  readonly teamStreams?: TeamStreamSource;
}

/** The dashboard body: every widget placed on the grid, the last day shown, each graph's own period obeyed. */
export interface DashboardBody {
  readonly start: string;
  readonly periodOverride: "inherit";
  readonly widgets: readonly PlacedWidget[];
}

/**
 * Builds the body in reading order: alarms, proxy health, teams, AI tool usage, cost and errors per team stream.
 * Source: CloudWatch API Reference, "Dashboard Body Structure and Syntax" (`start`, `periodOverride`, `widgets`).
 */
export function dashboardBody(options: DashboardBodyOptions): DashboardBody {
  const widgets: Widget[] = [];
  if (options.alarmArns.length > 0) {
    widgets.push({ type: "alarm", width: 24, height: 2, properties: { title: "Alarms", alarms: [...options.alarmArns] } });
  }
  widgets.push(...healthWidgets(options));
  if (options.accessLogs) widgets.push(...teamWidgets(options.accessLogs, options.region));
  if (options.aiUsage) widgets.push(...aiUsageWidgets({ region: options.region, periodSeconds: options.periodSeconds, ...options.aiUsage }));
  if (options.teamStreams) widgets.push(...teamStreamWidgets(options.teamStreams, options.region));
  return { start: "-PT24H", periodOverride: "inherit", widgets: layOut(widgets) };
}
