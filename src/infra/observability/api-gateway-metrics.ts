/**
 * What API Gateway publishes to CloudWatch for REST APIs: the `AWS/ApiGateway` namespace, its metrics and the
 * dimension sets they can be read by. Pure data, shared by the dashboard, the alarms and the tests.
 * Source: API Gateway Developer Guide, "Amazon API Gateway dimensions and metrics"
 * (docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html). Metrics are sent
 * every minute.
 */
export const API_GATEWAY_NAMESPACE = "AWS/ApiGateway";

/** One documented metric and the statistic the docs say represents it. */
export interface ApiGatewayMetricSpec {
  readonly unit: "Count" | "Millisecond";
  /** How the docs say to read it: Sum of 4XXError/5XXError counts errors, SampleCount of Count counts requests. */
  readonly statistic: string;
  readonly meaning: string;
}

/** The REST API metrics this project reads (CacheHitCount and CacheMissCount exist too; the proxy has no cache). */
export const API_GATEWAY_METRICS = {
  Count: { unit: "Count", statistic: "SampleCount", meaning: "API requests in the period" },
  "4XXError": { unit: "Count", statistic: "Sum", meaning: "client-side errors, including gateway responses (403 bad key, 429 throttled)" },
  "5XXError": { unit: "Count", statistic: "Sum", meaning: "server-side errors" },
  Latency: { unit: "Millisecond", statistic: "p99", meaning: "request received to response returned, integration included" },
  IntegrationLatency: { unit: "Millisecond", statistic: "p99", meaning: "request relayed to the back end (CloudWatch) to its answer" },
} as const satisfies Record<string, ApiGatewayMetricSpec>;

export type ApiGatewayMetricName = keyof typeof API_GATEWAY_METRICS;

/**
 * The documented dimension sets: the API; the API and stage; and the API, stage, method and resource (the last only
 * with detailed CloudWatch metrics enabled on the stage). `ApiName` is the REST API's name, `Resource` its path.
 */
export const API_GATEWAY_DIMENSION_SETS: readonly (readonly string[])[] = [
  ["ApiName"],
  ["ApiName", "Stage"],
  ["ApiName", "Method", "Resource", "Stage"],
];

/** The identity of one API stage as its metrics name it. */
export interface ApiStageDimensions {
  readonly ApiName: string;
  readonly Stage: string;
}

/** A route, for per-method metrics (`Method` and `Resource` dimensions). */
export interface RouteDimensions extends ApiStageDimensions {
  readonly Method: string;
  readonly Resource: string;
}

/** The flat `[name, value, name, value]` list that a dashboard metric array and an alarm's dimensions take. */
export function dimensionPairs(dimensions: ApiStageDimensions | RouteDimensions): string[] {
  return Object.entries(dimensions)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([name, value]) => [name, value]);
}
