import { AlarmSettings } from "../settings/parse-alarms";
import { API_GATEWAY_METRICS, API_GATEWAY_NAMESPACE, ApiGatewayMetricName, ApiStageDimensions } from "./api-gateway-metrics";

/** The namespace and name of the metric the access-log metric filter publishes for 429 answers (default prefix). */
export const THROTTLED_METRIC = { namespace: "OtlpProxy", name: "ThrottledRequests" } as const;

/** One alarm as plain data: what it watches, when it fires and why it matters. */
export interface AlarmSpec {
  /** Construct id and alarm-name suffix; a public contract (Terraform address). */
  readonly id: "server-errors" | "client-errors" | "integration-latency" | "throttled";
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  /** A plain statistic (`Sum`), or a percentile sent as an extended statistic (`p99`). */
  readonly statistic: string;
  readonly threshold: number;
}

/**
 * The alarms of one stage. AWS/ApiGateway has no 429 metric (429s are inside 4XXError), so the throttling alarm
 * exists only with access logs, from a metric filter on them, in `throttledNamespace` (the module's `throttled_metric_namespace`, which follows the name prefix).
 */
export function alarmSpecs(
  api: ApiStageDimensions,
  settings: AlarmSettings,
  withAccessLogs: boolean,
  throttledNamespace: string = THROTTLED_METRIC.namespace,
): AlarmSpec[] {
  const apiMetric = (metric: ApiGatewayMetricName) => ({
    namespace: API_GATEWAY_NAMESPACE,
    metricName: metric,
    dimensions: { ApiName: api.ApiName, Stage: api.Stage },
  });
  const specs: AlarmSpec[] = [
    {
      id: "server-errors",
      description: `5XX answers reached ${settings.serverErrorsPerPeriod} in ${settings.periodSeconds} s: CloudWatch is failing or throttling the proxy, or the integration role is broken. Data may be lost.`,
      ...apiMetric("5XXError"),
      statistic: API_GATEWAY_METRICS["5XXError"].statistic,
      threshold: settings.serverErrorsPerPeriod,
    },
    {
      id: "client-errors",
      description: `4XX answers reached ${settings.clientErrorsPerPeriod} in ${settings.periodSeconds} s: wrong, revoked or possibly leaked keys in use (403), teams over their limits (429) or bad payloads.`,
      ...apiMetric("4XXError"),
      statistic: API_GATEWAY_METRICS["4XXError"].statistic,
      threshold: settings.clientErrorsPerPeriod,
    },
    {
      id: "integration-latency",
      description: `p99 integration latency (CloudWatch's answer time) reached ${settings.integrationLatencyP99Millis} ms; clients may time out and retry.`,
      ...apiMetric("IntegrationLatency"),
      statistic: "p99",
      threshold: settings.integrationLatencyP99Millis,
    },
  ];
  if (withAccessLogs) {
    specs.push({
      id: "throttled",
      description: `429 answers reached ${settings.throttledRequestsPerPeriod} in ${settings.periodSeconds} s: teams are hitting their usage-plan limits (counted from the access logs).`,
      namespace: throttledNamespace,
      metricName: THROTTLED_METRIC.name,
      dimensions: {},
      statistic: "Sum",
      threshold: settings.throttledRequestsPerPeriod,
    });
  }
  return specs;
}

/** Percentiles go in `extended_statistic`, the others in `statistic` (CloudWatch PutMetricAlarm). */
export function isExtendedStatistic(statistic: string): boolean {
  return /^p\d{1,2}(\.\d+)?$/.test(statistic);
}

/**
 * The metric filter pattern that counts 429 answers in JSON access logs, whether the status is logged as a number or
 * a string. Source: CloudWatch Logs, "Filter pattern syntax for metric filters" (JSON log events, `||`).
 */
export function throttledFilterPattern(statusField: string): string {
  return `{ ($.${statusField} = 429) || ($.${statusField} = "429") }`;
}
