/** One request, as the access log records it (the fields API Gateway's `$context` access-log variables carry). */
export interface AccessLogEntry {
  readonly time: Date;
  readonly method: string;
  readonly path: string;
  /** The key's name or id, `-` when none was accepted. */
  readonly key: string;
  readonly status: number;
  /** The back end's status, or `-` when the request never reached it. */
  readonly upstreamStatus?: number;
  readonly latencyMs: number;
  /** Why API Gateway answered itself (a gateway response type), or an integration error. */
  readonly error?: string;
}

/**
 * One access-log line per request, modelled on the `$context.status`, `$context.integration.status`,
 * `$context.identity.apiKeyId` and latency variables of API Gateway's access logs (docs/aws-facts.md, "Logging" [doc]).
 */
export function formatAccessLog(entry: AccessLogEntry): string {
  const parts = [
    entry.time.toISOString(),
    `${entry.method} ${entry.path}`,
    `key=${entry.key}`,
    `status=${entry.status}`,
    `upstream=${entry.upstreamStatus ?? "-"}`,
    `${Math.round(entry.latencyMs)}ms`,
  ];
  if (entry.error) parts.push(`error="${entry.error}"`);
  return parts.join(" ");
}
