import { EnvVar, formatEnvLines } from "./env-lines";
import { SnippetOptions, apiKeyHeader, resolveSnippetOptions } from "./snippet-options";

/**
 * Gemini CLI's variables: telemetry on with the `local` target, OTLP over `http` (which is OTLP/JSON in Gemini
 * CLI; its default, grpc, cannot reach the proxy) to the proxy's base URL. Gemini CLI has no header setting of
 * its own, but its exporters read `OTEL_EXPORTER_OTLP_HEADERS`.
 *
 * @param endpoint the proxy's base URL without a trailing slash; only concatenated, so a Terraform token works
 */
export function geminiCliVariables(endpoint: string, options?: SnippetOptions): readonly EnvVar[] {
  const o = resolveSnippetOptions(options);
  return [
    ["GEMINI_TELEMETRY_ENABLED", "true"],
    ["GEMINI_TELEMETRY_TARGET", "local"],
    ["GEMINI_TELEMETRY_OTLP_ENDPOINT", endpoint],
    ["GEMINI_TELEMETRY_OTLP_PROTOCOL", "http"],
    ["OTEL_EXPORTER_OTLP_HEADERS", apiKeyHeader(o.apiKey)],
    ["OTEL_RESOURCE_ATTRIBUTES", o.resourceAttributes],
  ];
}

/** Gemini CLI's settings as shell lines. */
export function geminiCliEnv(endpoint: string, options?: SnippetOptions): string {
  return formatEnvLines(geminiCliVariables(endpoint, options));
}

/**
 * The `telemetry` block for `~/.gemini/settings.json`. The API key header (and a team attribute) still go in
 * the environment: see {@link geminiCliSettingsCompanionEnv}.
 */
export function geminiCliSettings(endpoint: string): string {
  const telemetry = { enabled: true, target: "local", otlpEndpoint: endpoint, otlpProtocol: "http" };
  return JSON.stringify({ telemetry }, null, 2) + "\n";
}

/** The environment lines that go with {@link geminiCliSettings}: the API key header and the resource attributes. */
export function geminiCliSettingsCompanionEnv(options?: SnippetOptions): string {
  const o = resolveSnippetOptions(options);
  return formatEnvLines([
    ["OTEL_EXPORTER_OTLP_HEADERS", apiKeyHeader(o.apiKey)],
    ["OTEL_RESOURCE_ATTRIBUTES", o.resourceAttributes],
  ]);
}
