import { SnippetOptions, resolveSnippetOptions, teamResourceAttributes } from "./snippet-options";

/**
 * The `[otel]` table for `~/.codex/config.toml`: logs (`exporter`), traces (`trace_exporter`) and metrics
 * (`metrics_exporter`, which otherwise go to OpenAI's own telemetry), each over OTLP/HTTP protobuf (`binary`) to
 * the full per-signal URL, with the API key as a literal header (Codex does not expand variables in this file).
 * No compression: setting it turns Codex's exporters off. A team id, when given, is written as a comment
 * suggesting `OTEL_RESOURCE_ATTRIBUTES`, which Codex is not confirmed to read.
 *
 * @param endpoint the proxy's base URL without a trailing slash; only concatenated, so a Terraform token works
 */
export function codexConfig(endpoint: string, options?: SnippetOptions): string {
  const o = resolveSnippetOptions(options);
  const exporter = (signal: "logs" | "traces" | "metrics"): string =>
    `{ otlp-http = { endpoint = ${tomlString(`${endpoint}/v1/${signal}`)}, protocol = "binary", headers = { "x-api-key" = ${tomlString(o.apiKey)} } } }`;
  const lines = [
    "[otel]",
    `exporter = ${exporter("logs")}`,
    `trace_exporter = ${exporter("traces")}`,
    `metrics_exporter = ${exporter("metrics")}`,
  ];
  if (o.teamId !== undefined) {
    lines.push(`# team attribution (not confirmed for Codex): export OTEL_RESOURCE_ATTRIBUTES=${teamResourceAttributes(o.teamId)}`);
  }
  return lines.join("\n") + "\n";
}

function tomlString(value: string): string {
  return `"${value.split("\\").join("\\\\").split('"').join('\\"')}"`;
}
