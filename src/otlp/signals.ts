/** The three OTLP signals the proxy carries, in the order routes are created and documented. */
export const SIGNALS = ["metrics", "traces", "logs"] as const;

export type Signal = (typeof SIGNALS)[number];

/** How one signal reaches CloudWatch. */
export interface SignalEndpoint {
  /** The SigV4 service name, which is also the endpoint's host prefix (`<service>.<region>.amazonaws.com`). */
  readonly service: "monitoring" | "xray" | "logs";
  /** The one IAM action the integration role needs to call the endpoint. */
  readonly iamAction: string;
  /** What the body counts, for people reading logs and sink output. */
  readonly itemName: "data points" | "spans" | "log records";
}

/**
 * CloudWatch's native OTLP endpoints.
 * Source: aws-behaviour.md, "CloudWatch OTLP endpoints" (URLs, services and actions [doc]/[code]).
 */
export const SIGNAL_ENDPOINTS: Readonly<Record<Signal, SignalEndpoint>> = {
  metrics: { service: "monitoring", iamAction: "cloudwatch:PutMetricData", itemName: "data points" },
  traces: { service: "xray", iamAction: "xray:PutTraceSegments", itemName: "spans" },
  logs: { service: "logs", iamAction: "logs:PutLogEvents", itemName: "log records" },
};

/** The path every OTLP/HTTP client appends to its base endpoint for a signal. */
export function signalPath(signal: Signal): string {
  return `/v1/${signal}`;
}

export function isSignal(value: unknown): value is Signal {
  return typeof value === "string" && (SIGNALS as readonly string[]).includes(value);
}
