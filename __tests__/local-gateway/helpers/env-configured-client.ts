import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { detectResources, envDetector } from "@opentelemetry/resources";
import { BatchLogRecordProcessor, LoggerProvider } from "@opentelemetry/sdk-logs";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";

/*
 * An application configured by its environment alone, as the `otel-sdk-env` snippet configures one: exporters with no
 * options (they read OTEL_EXPORTER_OTLP_ENDPOINT and _HEADERS), the resource from OTEL_RESOURCE_ATTRIBUTES, batching
 * from the OTEL_METRIC_EXPORT_INTERVAL and OTEL_BLRP_* variables. It records what Claude Code records for one API
 * request (its metric and event names, docs/aws-facts.md, "Clients") and exits. Run as a plain Node process:
 * the exporters load `http` with a dynamic import(), which Jest's module sandbox refuses.
 */
async function main(): Promise<void> {
  if (process.env.OTEL_EXPORTER_OTLP_PROTOCOL !== "http/protobuf") throw new Error(`expected http/protobuf, got ${process.env.OTEL_EXPORTER_OTLP_PROTOCOL}`);
  const resource = detectResources({ detectors: [envDetector] });
  const reader = new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter(), exportIntervalMillis: Number(process.env.OTEL_METRIC_EXPORT_INTERVAL) });
  const meters = new MeterProvider({ resource, readers: [reader] });
  const logs = new LoggerProvider({ resource, processors: [new BatchLogRecordProcessor({ exporter: new OTLPLogExporter() })] });

  const meter = meters.getMeter("com.anthropic.claude_code");
  const model = "claude-sonnet-4-5";
  meter.createCounter("claude_code.cost.usage", { unit: "USD" }).add(0.25, { model });
  meter.createCounter("claude_code.token.usage", { unit: "tokens" }).add(1200, { model, type: "input" });
  logs.getLogger("com.anthropic.claude_code.events").emit({
    body: "claude_code.api_request",
    attributes: { "event.name": "api_request", model, cost_usd: 0.25, input_tokens: 1200, output_tokens: 300 },
  });

  // Shutting down exports what is left, once, as an application does when it exits.
  await Promise.all([meters.shutdown(), logs.shutdown()]);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
