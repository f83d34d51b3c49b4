import { SnippetOptions, apiKeyHeader, resolveSnippetOptions } from "./snippet-options";

/**
 * The values to type into claude.ai's admin settings (Cowork, Monitoring): the OTLP endpoint (base URL), the
 * protocol and the static headers field. Cowork sends events (logs) only and has no field for resource
 * attributes, so it cannot send the attributes Coding Agent Insights reads; its records are attributed by the key's
 * stream alone (docs/teams-and-access.md).
 *
 * @param endpoint the proxy's base URL without a trailing slash; only concatenated, so a Terraform token works
 */
export function claudeCoworkFields(endpoint: string, options?: SnippetOptions): string {
  const o = resolveSnippetOptions(options);
  return [`OTLP endpoint: ${endpoint}`, "OTLP protocol: http/protobuf", `OTLP headers: ${apiKeyHeader(o.apiKey)}`].join("\n") + "\n";
}
