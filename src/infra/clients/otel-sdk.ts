import { EnvVar, formatEnvLines } from "./env-lines";
import { BATCHING, SnippetOptions, apiKeyHeader, resolveSnippetOptions } from "./snippet-options";

/**
 * Variables for any OpenTelemetry SDK: OTLP/HTTP protobuf to the proxy's base URL (the SDK appends
 * `/v1/<signal>`), the API key header, and the specification's batching variables: the metric export interval,
 * the log and span processors' delays (the recommended intervals) and batch sizes that keep a request under
 * CloudWatch's limits.
 *
 * @param endpoint the proxy's base URL without a trailing slash; only concatenated, so a Terraform token works
 */
export function otelSdkVariables(endpoint: string, options?: SnippetOptions): readonly EnvVar[] {
  const o = resolveSnippetOptions(options);
  return [
    ["OTEL_EXPORTER_OTLP_ENDPOINT", endpoint],
    ["OTEL_EXPORTER_OTLP_HEADERS", apiKeyHeader(o.apiKey)],
    ["OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"],
    ["OTEL_METRIC_EXPORT_INTERVAL", String(BATCHING.metricExportIntervalMillis)],
    ["OTEL_BLRP_SCHEDULE_DELAY", String(BATCHING.logsExportIntervalMillis)],
    ["OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", String(BATCHING.logsMaxExportBatchSize)],
    ["OTEL_BSP_SCHEDULE_DELAY", String(BATCHING.spansExportIntervalMillis)],
    ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE", String(BATCHING.spansMaxExportBatchSize)],
    ["OTEL_RESOURCE_ATTRIBUTES", o.resourceAttributes],
  ];
}

/** The SDK settings as shell lines. */
export function otelSdkEnv(endpoint: string, options?: SnippetOptions): string {
  return formatEnvLines(otelSdkVariables(endpoint, options));
}
