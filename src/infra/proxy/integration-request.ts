import type { LogStreamMode } from "../settings/rules";

/**
 * The context variable API Gateway fills with the id of the API key a request was accepted with: an integration request
 * header may be mapped from it, unquoted (docs/aws-facts.md, "Context variables as request parameters").
 */
export const API_KEY_ID_SOURCE = "context.identity.apiKeyId";

/** The context variable holding the key's secret value: never mapped anywhere (same section). */
export const API_KEY_VALUE_SOURCE = "context.identity.apiKey";

/**
 * The headers CloudWatch receives besides API Gateway's own signature headers: the client's Content-Type (JSON or
 * protobuf), static values, and values API Gateway fills from its context (`context.<name>`, never a client's). A
 * non-proxy integration forwards only mapped headers [code]; Content-Encoding is never mapped, since API Gateway has
 * already decompressed the body [doc/infer]; Accept is left to API Gateway's `application/json`, so CloudWatch answers
 * in JSON, which stays text through the response conversion.
 * @param contextHeaders header name to mapping source (`context.identity.apiKeyId`, or an expression that yields one)
 */
export function integrationRequestHeaders(
  staticHeaders: Readonly<Record<string, string>>,
  contextHeaders: Readonly<Record<string, string>> = {},
): Record<string, string> {
  for (const [name, source] of Object.entries(contextHeaders)) {
    if (source === API_KEY_VALUE_SOURCE) throw new Error(`${name} would carry ${API_KEY_VALUE_SOURCE}, the API key's secret value: map ${API_KEY_ID_SOURCE}`);
  }
  return {
    "integration.request.header.Content-Type": "method.request.header.Content-Type",
    ...Object.fromEntries(
      // Static values are single-quoted in request parameters [doc].
      Object.entries(staticHeaders).map(([name, value]) => [`integration.request.header.${name}`, `'${value}'`]),
    ),
    ...Object.fromEntries(Object.entries(contextHeaders).map(([name, source]) => [`integration.request.header.${name}`, source])),
  };
}

/**
 * Where the logs route's `x-aws-log-stream` comes from: per team, the key id API Gateway accepted the request with, so
 * each team's records land in the stream named by its key id whatever the client sends; shared, the one stream's name.
 * A client header is never the source: `x-aws-log-stream` sent by a client is not forwarded (only mapped headers are).
 */
export function logStreamSource(mode: LogStreamMode, sharedStreamName: string): string {
  return mode === "per-team" ? API_KEY_ID_SOURCE : `'${sharedStreamName}'`;
}
