import { ExportResult, ExportResultCode } from "@opentelemetry/core";
import { OTLPLogExporter as JsonLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { OTLPLogExporter as ProtoLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPMetricExporter as JsonMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as ProtoMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter as JsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import {
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { InMemoryLogRecordExporter, LoggerProvider, ReadableLogRecord, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { AggregationTemporality, MeterProvider, MetricReader, ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";

/*
 * Runs only in exporter-worker.ts, a plain Node process: the exporters load `http` with a dynamic import(), which
 * Jest's module sandbox refuses without --experimental-vm-modules.
 */

export type Signal = "traces" | "metrics" | "logs";
export type Protocol = "http/json" | "http/protobuf";

const resource = resourceFromAttributes({ "service.name": "local-gateway-test", "team.id": "platform" });

/** Three finished spans. */
export function makeSpans(): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(memory)] });
  const tracer = provider.getTracer("local-gateway-test", "1.0.0");
  for (const name of ["a", "b", "c"]) {
    const span = tracer.startSpan(`span-${name}`, { attributes: { "test.name": name, "test.n": 42 } });
    span.addEvent("event", { "test.bytes": "\u00ff\u0000" });
    span.end();
  }
  return memory.getFinishedSpans();
}

class CollectingReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

/** Metrics with four data points: a counter with two attribute sets, a histogram and a gauge. */
export async function makeMetrics(): Promise<ResourceMetrics> {
  const reader = new CollectingReader({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  const provider = new MeterProvider({ resource, readers: [reader] });
  const meter = provider.getMeter("local-gateway-test", "1.0.0");
  const counter = meter.createCounter("test.requests");
  counter.add(3, { route: "metrics" });
  counter.add(5, { route: "logs" });
  meter.createHistogram("test.latency", { unit: "ms" }).record(12.5);
  meter.createGauge("test.temperature").record(-4.25);
  const { resourceMetrics } = await reader.collect();
  return resourceMetrics;
}

/** Two log records. */
export function makeLogRecords(): ReadableLogRecord[] {
  const memory = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ resource, processors: [new SimpleLogRecordProcessor({ exporter: memory })] });
  const logger = provider.getLogger("local-gateway-test", "1.0.0");
  logger.emit({ body: "first \u{1F600}", severityText: "INFO", attributes: { "event.name": "test.first" } });
  logger.emit({ body: "second", severityText: "WARN", attributes: { "event.name": "test.second" } });
  return memory.getFinishedLogRecords() as ReadableLogRecord[];
}

/** Items of every signal, made once per call. */
export interface Telemetry {
  readonly spans: ReadableSpan[];
  readonly metrics: ResourceMetrics;
  readonly logs: ReadableLogRecord[];
}

export async function makeTelemetry(): Promise<Telemetry> {
  return { spans: makeSpans(), metrics: await makeMetrics(), logs: makeLogRecords() };
}

/** The bytes the exporter of `protocol` encodes for `signal`: the same serializer the exporter uses. */
export function encoded(signal: Signal, protocol: Protocol, items: Telemetry): Buffer {
  const json = protocol === "http/json";
  const bytes =
    signal === "traces"
      ? (json ? JsonTraceSerializer : ProtobufTraceSerializer).serializeRequest(items.spans)
      : signal === "metrics"
        ? (json ? JsonMetricsSerializer : ProtobufMetricsSerializer).serializeRequest(items.metrics)
        : (json ? JsonLogsSerializer : ProtobufLogsSerializer).serializeRequest(items.logs);
  return Buffer.from(bytes as Uint8Array);
}

/** How many spans, data points or log records the items hold. */
export function itemCount(signal: Signal, items: Telemetry): number {
  if (signal === "traces") return items.spans.length;
  if (signal === "logs") return items.logs.length;
  return items.metrics.scopeMetrics.flatMap((s) => s.metrics).reduce((n, m) => n + m.dataPoints.length, 0);
}

type ExporterConfig = NonNullable<ConstructorParameters<typeof JsonTraceExporter>[0]>;

/**
 * Exports the items of one signal with the real OTLP exporter of `protocol` to `<endpoint>/v1/<signal>` and resolves
 * with the export result the SDK would see.
 */
export async function exportWith(signal: Signal, protocol: Protocol, endpoint: string, apiKey: string, gzip: boolean, items: Telemetry): Promise<ExportResult> {
  const config: ExporterConfig = {
    url: `${endpoint}/v1/${signal}`,
    headers: { "x-api-key": apiKey },
    compression: (gzip ? "gzip" : "none") as ExporterConfig["compression"],
  };
  const json = protocol === "http/json";
  const run = (exporter: { export(items: never, done: (r: ExportResult) => void): void; shutdown(): Promise<void> }, batch: unknown) =>
    new Promise<ExportResult>((resolve) => exporter.export(batch as never, (result) => void exporter.shutdown().then(() => resolve(result))));
  if (signal === "traces") return run(json ? new JsonTraceExporter(config) : new ProtoTraceExporter(config), items.spans);
  if (signal === "metrics") return run(json ? new JsonMetricExporter(config) : new ProtoMetricExporter(config), items.metrics);
  return run(json ? new JsonLogExporter(config) : new ProtoLogExporter(config), items.logs);
}

export { ExportResultCode };
