/** The three OTLP signals the proxy carries, in the order routes are created and documented. */
export const SIGNALS = ["metrics", "traces", "logs"] as const;

export type Signal = (typeof SIGNALS)[number];

/** How one signal reaches CloudWatch. */
export interface SignalEndpoint {
  /** The SigV4 service name, which is also the endpoint's host prefix (`<service>.<region>.amazonaws.com`). */
  readonly service: "monitoring" | "xray" | "logs";
  /** The IAM actions the integration role needs to call the endpoint, each with its reason in WILDCARD_REASONS or scoped. */
  readonly iamActions: readonly string[];
  /** What the body counts, for people reading logs and sink output. */
  readonly itemName: "data points" | "spans" | "log records";
}

/**
 * CloudWatch's native OTLP endpoints.
 * Source: docs/aws-facts.md, "CloudWatch OTLP endpoints" (URLs, services and actions [doc]/[code]). Traces take three
 * X-Ray actions: AWS's pages disagree on which one the OTLP endpoint authorizes (the Service Authorization Reference
 * names xray:PutSpans, the bearer-token page xray:PutTraceSegments), and working public templates grant all three, so
 * the role works under either reading.
 */
export const SIGNAL_ENDPOINTS: Readonly<Record<Signal, SignalEndpoint>> = {
  metrics: { service: "monitoring", iamActions: ["cloudwatch:PutMetricData"], itemName: "data points" },
  traces: { service: "xray", iamActions: ["xray:PutTraceSegments", "xray:PutSpans", "xray:PutSpansForIndexing"], itemName: "spans" },
  logs: { service: "logs", iamActions: ["logs:PutLogEvents"], itemName: "log records" },
};

/** The path every OTLP/HTTP client appends to its base endpoint for a signal. */
export function signalPath(signal: Signal): string {
  return `/v1/${signal}`;
}

export function isSignal(value: unknown): value is Signal {
  return typeof value === "string" && (SIGNALS as readonly string[]).includes(value);
}
