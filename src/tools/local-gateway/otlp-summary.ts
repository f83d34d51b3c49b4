/** The OTLP signals, by the top-level key of their export request. */
export type OtlpSignal = "traces" | "metrics" | "logs";

/** What one export request carried, for a one-line report. */
export interface OtlpSummary {
  readonly signal: OtlpSignal;
  /** Distinct `service.name` values of the request's resources, in order. */
  readonly serviceNames: readonly string[];
  /** Spans, data points or log records. */
  readonly count: number;
  readonly itemName: "spans" | "data points" | "log records";
}

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

const METRIC_KINDS = ["gauge", "sum", "histogram", "exponentialHistogram", "summary"] as const;

/**
 * Summarizes a decoded OTLP/JSON export request of any signal; undefined when the object is not one. Accepts the
 * snake_case field names some JSON producers use as well.
 */
export function summarizeOtlp(request: Json): OtlpSummary | undefined {
  const pick = (camel: string, snake: string, from: Json) => list(from[camel] ?? from[snake]);
  const resources = (key: [string, string]) => pick(key[0], key[1], request);
  const serviceNames = (items: Json[]) => [...new Set(items.map(serviceName).filter((n): n is string => n !== undefined))];
  if ("resourceSpans" in request || "resource_spans" in request) {
    const rs = resources(["resourceSpans", "resource_spans"]);
    const count = sum(rs.flatMap((r) => pick("scopeSpans", "scope_spans", r)).map((s) => list(s.spans).length));
    return { signal: "traces", serviceNames: serviceNames(rs), count, itemName: "spans" };
  }
  if ("resourceMetrics" in request || "resource_metrics" in request) {
    const rm = resources(["resourceMetrics", "resource_metrics"]);
    const metrics = rm.flatMap((r) => pick("scopeMetrics", "scope_metrics", r)).flatMap((s) => list(s.metrics));
    const count = sum(metrics.map((m) => sum(METRIC_KINDS.map((kind) => pick("dataPoints", "data_points", (m[kind] ?? m[snake(kind)] ?? {}) as Json).length))));
    return { signal: "metrics", serviceNames: serviceNames(rm), count, itemName: "data points" };
  }
  if ("resourceLogs" in request || "resource_logs" in request) {
    const rl = resources(["resourceLogs", "resource_logs"]);
    const count = sum(rl.flatMap((r) => pick("scopeLogs", "scope_logs", r)).map((s) => pick("logRecords", "log_records", s).length));
    return { signal: "logs", serviceNames: serviceNames(rl), count, itemName: "log records" };
  }
  return undefined;
}

function serviceName(resourceItem: Json): string | undefined {
  const attributes = list((resourceItem.resource as Json | undefined)?.attributes);
  const attribute = attributes.find((a) => a.key === "service.name");
  const value = attribute?.value as Json | undefined;
  const text = value?.stringValue ?? value?.string_value;
  return typeof text === "string" ? text : undefined;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
