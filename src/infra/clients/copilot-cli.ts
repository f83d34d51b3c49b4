import { EnvVar, formatEnvLines } from "./env-lines";
import { SnippetOptions, apiKeyHeader, resolveSnippetOptions } from "./snippet-options";

/**
 * GitHub Copilot CLI's variables: telemetry on, traces and metrics over OTLP/HTTP protobuf to the proxy's base
 * URL, and the API key header. Copilot CLI never sends logs and documents no batching settings.
 *
 * @param endpoint the proxy's base URL without a trailing slash; only concatenated, so a Terraform token works
 */
export function copilotCliVariables(endpoint: string, options?: SnippetOptions): readonly EnvVar[] {
  const o = resolveSnippetOptions(options);
  return [
    ["COPILOT_OTEL_ENABLED", "true"],
    ["OTEL_EXPORTER_OTLP_ENDPOINT", endpoint],
    ["OTEL_EXPORTER_OTLP_HEADERS", apiKeyHeader(o.apiKey)],
    ["OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"],
    ["OTEL_RESOURCE_ATTRIBUTES", o.resourceAttributes],
  ];
}

/** Copilot CLI's settings as shell lines. */
export function copilotCliEnv(endpoint: string, options?: SnippetOptions): string {
  return formatEnvLines(copilotCliVariables(endpoint, options));
}
