import { formatEnvLines } from "./env-lines";
import { SnippetOptions, resolveSnippetOptions } from "./snippet-options";

/**
 * The `[otel]` table for `~/.codex/config.toml`: logs (`exporter`), traces (`trace_exporter`) and metrics
 * (`metrics_exporter`, which otherwise go to OpenAI's own telemetry), each over OTLP/HTTP protobuf (`binary`) to
 * the full per-signal URL, with the API key as a literal header (Codex does not expand variables in this file).
 * No compression: setting it turns Codex's exporters off. The resource attributes Coding Agent Insights reads have no
 * place in the file: Codex takes them from `OTEL_RESOURCE_ATTRIBUTES` in the shell that starts it (AWS's Codex guide,
 * docs/aws-facts.md, "Coding Agent Insights"), so the snippet ends with that line as a comment to copy.
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
    "# Coding Agent Insights attributes: set in the shell that starts Codex, not in this file:",
    `# ${formatEnvLines([["OTEL_RESOURCE_ATTRIBUTES", o.resourceAttributes]]).trimEnd()}`,
  ];
  return lines.join("\n") + "\n";
}

function tomlString(value: string): string {
  return `"${value.split("\\").join("\\\\").split('"').join('\\"')}"`;
}
