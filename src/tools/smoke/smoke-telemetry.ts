import { Resource, resourceFromAttributes } from "@opentelemetry/resources";
import { InMemoryLogRecordExporter, LoggerProvider, ReadableLogRecord, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { MeterProvider, MetricReader, ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { SeverityNumber } from "@opentelemetry/api-logs";

/** The resource attribute, span attribute, metric attribute and log attribute that carries the run's marker. */
export const MARKER_ATTRIBUTE = "smoke.marker";
/** `service.name` of everything the smoke test sends. */
export const SMOKE_SERVICE_NAME = "otlp-proxy-smoke";
/** The instrumentation scope of the tracer, meter and logger. */
const SCOPE = "otlp-proxy-smoke";
/** The counter's name; one data point with value 1 and the marker as attribute. */
export const SMOKE_METRIC_NAME = "otlp_proxy.smoke.runs";

/** The resource every signal of one run carries: the service name and the marker. */
export function smokeResource(marker: string): Resource {
  return resourceFromAttributes({ "service.name": SMOKE_SERVICE_NAME, [MARKER_ATTRIBUTE]: marker });
}

/** One finished span named after the marker, built by the real SDK so its encoding is what applications send. */
export async function smokeSpans(resource: Resource, marker: string): Promise<ReadableSpan[]> {
  const sink = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(sink)] });
  provider.getTracer(SCOPE).startSpan(`smoke ${marker}`, { attributes: { [MARKER_ATTRIBUTE]: marker } }).end();
  await provider.forceFlush();
  const spans = sink.getFinishedSpans();
  await provider.shutdown();
  return spans;
}

/** One log record whose body names the marker. */
export async function smokeLogRecords(resource: Resource, marker: string): Promise<ReadableLogRecord[]> {
  const sink = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({ resource, processors: [new SimpleLogRecordProcessor({ exporter: sink })] });
  provider.getLogger(SCOPE).emit({
    severityNumber: SeverityNumber.INFO,
    severityText: "INFO",
    body: `OTLP proxy smoke test ${marker}`,
    attributes: { [MARKER_ATTRIBUTE]: marker },
  });
  await provider.forceFlush();
  const records = sink.getFinishedLogRecords();
  await provider.shutdown();
  return records;
}

/** One counter data point (value 1) with the marker as attribute. */
export async function smokeMetrics(resource: Resource, marker: string): Promise<ResourceMetrics> {
  const reader = new CollectOnceReader();
  const provider = new MeterProvider({ resource, readers: [reader] });
  provider.getMeter(SCOPE).createCounter(SMOKE_METRIC_NAME, { description: "OTLP proxy smoke-test runs" }).add(1, {
    [MARKER_ATTRIBUTE]: marker,
  });
  const { resourceMetrics } = await reader.collect();
  await provider.shutdown();
  return resourceMetrics;
}

/** A reader that only collects on demand; the smoke test hands the result to the exporter itself. */
class CollectOnceReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}
