import { CloudwatchDashboard } from "../cdktf/aws";
import { Construct } from "../cdktf";
import { DEFAULTS } from "../settings/defaults";
import { AccessLogSource } from "./access-log-fields";
import { dashboardBody } from "./dashboard-body";

export interface ProxyDashboardProps {
  /** The region whose metrics and logs the widgets read. */
  readonly region: string;
  /** The REST API's name: the `ApiName` dimension of `AWS/ApiGateway`. */
  readonly apiName: string;
  /** The stage: the `Stage` dimension. */
  readonly stageName: string;
  /** Resource paths of the routes, such as `/v1/logs`, for the per-route widgets. */
  readonly routes: readonly string[];
  /** Dashboard names are account-wide, so each region's stack needs its own. @default "<namePrefix>-<region>" */
  readonly dashboardName?: string;
  /** The first part of the default dashboard name. @default DEFAULTS.namePrefix ("otlp-proxy") */
  readonly namePrefix?: string;
  /** Draw per-route widgets; needs the stage's detailed CloudWatch metrics. @default false */
  readonly detailedMetrics?: boolean;
  /** Graph period in seconds. @default DEFAULTS.alarms.periodSeconds (300) */
  readonly periodSeconds?: number;
  /** Alarm ARNs for an alarm status widget. @default none */
  readonly alarmArns?: readonly string[];
  /** The stage's access logs, for the per-team widgets. @default - no per-team widgets */
  readonly accessLogs?: AccessLogSource;
  /** Draw AI tool usage widgets. @default DEFAULTS.dashboard.aiUsageWidgets (true) */
  readonly aiUsageWidgets?: boolean;
  /** The region has the metrics route and CloudWatch OTLP metrics, so PromQL widgets have data. @default false */
  readonly otlpMetrics?: boolean;
  /** The OTLP log group, when the region has the logs route. @default - no Logs Insights usage widgets */
  readonly otlpLogGroupName?: string;
}

/**
 * One CloudWatch dashboard for a region's proxy: alarms, proxy health from `AWS/ApiGateway`, requests and errors per
 * team from the access logs, and AI tool usage from the OTLP metrics (PromQL) and the OTLP log group (Logs Insights).
 * The widgets are built by pure functions in ./widgets.
 */
export class ProxyDashboard extends Construct {
  readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: ProxyDashboardProps) {
    super(scope, id);
    const aiUsage = props.aiUsageWidgets ?? DEFAULTS.dashboard.aiUsageWidgets;
    const body = dashboardBody({
      region: props.region,
      api: { ApiName: props.apiName, Stage: props.stageName },
      routes: props.routes,
      detailedMetrics: props.detailedMetrics ?? false,
      periodSeconds: props.periodSeconds ?? DEFAULTS.alarms.periodSeconds,
      alarmArns: props.alarmArns ?? [],
      accessLogs: props.accessLogs,
      aiUsage: aiUsage && (props.otlpMetrics || props.otlpLogGroupName) ? { promql: props.otlpMetrics ?? false, otlpLogGroupName: props.otlpLogGroupName } : undefined,
    });
    this.dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: props.dashboardName ?? `${props.namePrefix ?? DEFAULTS.namePrefix}-${props.region}`,
      dashboardBody: JSON.stringify(body),
    });
  }

  /** The console URL of the dashboard. */
  url(region: string): string {
    return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards/dashboard/${this.dashboard.dashboardName}`;
  }
}
