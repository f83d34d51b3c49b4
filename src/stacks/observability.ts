import { Construct, TerraformOutput } from "../cdktf";
import { AccessLogSource } from "../observability/access-log-fields";
import { ProxyAlarms } from "../observability/proxy-alarms";
import { ProxyDashboard } from "../observability/proxy-dashboard";
import { TransactionSearch } from "../observability/transaction-search";
import { signalPath } from "../otlp/signals";
import { OtlpProxy } from "../proxy/otlp-proxy";
import { OTLP_METRICS_REGIONS } from "../settings/aws-rules";
import { ProxySettings } from "../settings/defaults";
import { transactionSearchInRegion } from "../settings/parse-transaction-search";

export interface RegionObservabilityProps {
  readonly region: string;
  readonly settings: ProxySettings;
  readonly proxy: OtlpProxy;
}

/** What a region stack gets to see its proxy working; each part is absent when its setting turns it off. */
export interface RegionObservability {
  readonly alarms?: ProxyAlarms;
  readonly dashboard?: ProxyDashboard;
  readonly transactionSearch?: TransactionSearch;
}

/**
 * Adds the dashboard, the alarms and (opt-in) Transaction Search to a region stack, with their outputs. The constructs
 * are created directly in the stack, with the ids `alarms`, `dashboard` and `transaction-search` (public contract).
 */
export function addRegionObservability(stack: Construct, props: RegionObservabilityProps): RegionObservability {
  const { region, settings, proxy } = props;
  const apiName = proxy.restApi.name;
  const stageName = proxy.stage.stageName;
  const accessLogs = proxyAccessLogs(proxy);

  const alarms = settings.alarms.enabled
    ? new ProxyAlarms(stack, "alarms", {
        namePrefix: settings.namePrefix,
        apiName,
        stageName,
        settings: settings.alarms,
        topicArn: settings.alarms.topicArns[region],
        accessLogs,
      })
    : undefined;

  const dashboard = settings.dashboard.enabled
    ? new ProxyDashboard(stack, "dashboard", {
        region,
        namePrefix: settings.namePrefix,
        apiName,
        stageName,
        routes: proxy.signals.map(signalPath),
        detailedMetrics: settings.detailedMetrics,
        periodSeconds: settings.alarms.periodSeconds,
        alarmArns: alarms?.alarms.map((alarm) => alarm.arn),
        accessLogs,
        aiUsageWidgets: settings.dashboard.aiUsageWidgets,
        otlpMetrics: proxy.signals.includes("metrics") && OTLP_METRICS_REGIONS.includes(region),
        otlpLogGroupName: proxy.signals.includes("logs") ? proxy.logDestination.logGroup.name : undefined,
      })
    : undefined;

  const transactionSearch = transactionSearchInRegion(settings.transactionSearch, region)
    ? new TransactionSearch(stack, "transaction-search", {
        namePrefix: settings.namePrefix,
        indexingPercentage: settings.transactionSearch.indexingPercentage,
      })
    : undefined;

  if (dashboard) {
    new TerraformOutput(stack, "dashboard_url", { value: dashboard.url(region), description: "CloudWatch console URL of this region's proxy dashboard." });
  }
  if (alarms?.topicArn) {
    new TerraformOutput(stack, "alarm_topic_arn", { value: alarms.topicArn, description: "SNS topic the proxy's alarms notify (email subscribers must confirm)." });
  }
  if (transactionSearch) {
    new TerraformOutput(stack, "transaction_search_stack_id", {
      value: transactionSearch.stack.id,
      description: "CloudFormation stack that turned on X-Ray Transaction Search in this account and region.",
    });
  }
  return { alarms, dashboard, transactionSearch };
}

/** The stage's access-log group and each team's key id, when access logs are on (field names: access-log-format.ts). */
export function proxyAccessLogs(proxy: OtlpProxy): AccessLogSource | undefined {
  if (!proxy.accessLogGroup) return undefined;
  return {
    logGroupName: proxy.accessLogGroup.name,
    teamApiKeyIds: Object.fromEntries([...proxy.teamAccess].map(([team, access]) => [team, access.apiKey.id])),
  };
}
