import { API_GATEWAY_METRICS, API_GATEWAY_NAMESPACE, ApiGatewayMetricName, ApiStageDimensions, dimensionPairs } from "../api-gateway-metrics";
import { heading, Widget } from "./widget";

/** What the proxy-health widgets need to name the API's metrics. */
export interface HealthWidgetOptions {
  readonly region: string;
  readonly api: ApiStageDimensions;
  /** Resource paths of the routes (`/v1/metrics`...); per-route widgets are drawn only when detailed metrics are on. */
  readonly routes: readonly string[];
  readonly detailedMetrics: boolean;
  /** Graph period in seconds. */
  readonly periodSeconds: number;
}

/** A metric line: `[namespace, metric, dim, value, ..., { stat, label }]` (Dashboard Body Structure, metrics array format). */
export function metricLine(
  metric: ApiGatewayMetricName,
  dimensions: Parameters<typeof dimensionPairs>[0],
  options: { readonly stat?: string; readonly label?: string } = {},
): unknown[] {
  return [API_GATEWAY_NAMESPACE, metric, ...dimensionPairs(dimensions), { stat: options.stat ?? API_GATEWAY_METRICS[metric].statistic, ...(options.label ? { label: options.label } : {}) }];
}

function graph(title: string, region: string, periodSeconds: number, metrics: unknown[][], width = 6, extra: Record<string, unknown> = {}): Widget {
  return {
    type: "metric",
    width,
    height: 6,
    properties: { title, region, view: "timeSeries", stacked: false, period: periodSeconds, metrics, ...extra },
  };
}

/** Proxy health from `AWS/ApiGateway` for the API and stage: requests, 4XX and 5XX, latency and integration latency. */
export function healthWidgets(options: HealthWidgetOptions): Widget[] {
  const { region, api, periodSeconds } = options;
  const widgets: Widget[] = [
    heading(`## Proxy health: API \`${api.ApiName}\`, stage \`${api.Stage}\` (AWS/ApiGateway)`),
    graph("Requests", region, periodSeconds, [metricLine("Count", api, { label: "requests" })]),
    graph("Errors", region, periodSeconds, [
      metricLine("4XXError", api, { label: "4XX (bad or missing key, throttled, bad request)" }),
      metricLine("5XXError", api, { label: "5XX (CloudWatch or integration failure)" }),
    ]),
    graph("Latency (ms)", region, periodSeconds, [
      metricLine("Latency", api, { stat: "p50", label: "p50" }),
      metricLine("Latency", api, { stat: "p99", label: "p99" }),
    ]),
    graph("Integration latency: CloudWatch's answer time (ms)", region, periodSeconds, [
      metricLine("IntegrationLatency", api, { stat: "p50", label: "p50" }),
      metricLine("IntegrationLatency", api, { stat: "p99", label: "p99" }),
    ]),
  ];
  if (options.detailedMetrics && options.routes.length > 0) widgets.push(...routeWidgets(options));
  return widgets;
}

/** Per-route requests, errors and latency, from the detailed metrics (ApiName, Method, Resource, Stage). */
function routeWidgets(options: HealthWidgetOptions): Widget[] {
  const { region, api, periodSeconds } = options;
  const route = (resource: string) => ({ ...api, Method: "POST", Resource: resource });
  const perRoute = (metric: ApiGatewayMetricName, stat?: string) =>
    options.routes.map((resource) => metricLine(metric, route(resource), { stat, label: resource }));
  return [
    graph("Requests per route", region, periodSeconds, perRoute("Count")),
    graph("4XX per route", region, periodSeconds, perRoute("4XXError")),
    graph("5XX per route", region, periodSeconds, perRoute("5XXError")),
    graph("Integration latency p99 per route (ms)", region, periodSeconds, perRoute("IntegrationLatency", "p99")),
  ];
}
