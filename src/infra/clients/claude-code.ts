import { EnvVar, envObject, formatEnvLines } from "./env-lines";
import { BATCHING, SnippetOptions, apiKeyHeader, resolveSnippetOptions } from "./snippet-options";

/**
 * Claude Code's variables: telemetry on, metrics and events (logs) over OTLP/HTTP protobuf to the proxy's base
 * URL (Claude Code appends `/v1/<signal>`), the API key header, and the recommended export intervals, which
 * Claude Code documents as `OTEL_METRIC_EXPORT_INTERVAL` and `OTEL_LOGS_EXPORT_INTERVAL` (milliseconds).
 * Traces (beta) are left off.
 *
 * @param endpoint the proxy's base URL without a trailing slash; only concatenated, so a Terraform token works
 */
export function claudeCodeVariables(endpoint: string, options?: SnippetOptions): readonly EnvVar[] {
  const o = resolveSnippetOptions(options);
  return [
    ["CLAUDE_CODE_ENABLE_TELEMETRY", "1"],
    ["OTEL_METRICS_EXPORTER", "otlp"],
    ["OTEL_LOGS_EXPORTER", "otlp"],
    ["OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"],
    ["OTEL_EXPORTER_OTLP_ENDPOINT", endpoint],
    ["OTEL_EXPORTER_OTLP_HEADERS", apiKeyHeader(o.apiKey)],
    ["OTEL_METRIC_EXPORT_INTERVAL", String(BATCHING.metricExportIntervalMillis)],
    ["OTEL_LOGS_EXPORT_INTERVAL", String(BATCHING.logsExportIntervalMillis)],
    ["OTEL_RESOURCE_ATTRIBUTES", o.resourceAttributes],
  ];
}

/** Claude Code's settings as shell lines (`export NAME=VALUE`). */
export function claudeCodeEnv(endpoint: string, options?: SnippetOptions): string {
  return formatEnvLines(claudeCodeVariables(endpoint, options));
}

/**
 * Claude Code's settings as a managed-settings file, `{"env": {...}}`, for
 * `/Library/Application Support/ClaudeCode/managed-settings.json` (macOS), `/etc/claude-code/managed-settings.json`
 * (Linux, WSL) or `C:\ProgramData\ClaudeCode\managed-settings.json` (Windows).
 */
export function claudeCodeManagedSettings(endpoint: string, options?: SnippetOptions): string {
  return JSON.stringify({ env: envObject(claudeCodeVariables(endpoint, options)) }, null, 2) + "\n";
}
