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
  /**
   * `--sink` mode: the sink's own answer (200, or 400 for a body it cannot decode). The line then says `sink=`, never
   * `upstream=`: no upstream was called.
   */
  readonly sinkStatus?: number;
  /** `--sink` mode: the request never leaves the machine. @default false */
  readonly sink?: boolean;
  readonly latencyMs: number;
  /** Why API Gateway answered itself (a gateway response type), or an integration error. */
  readonly error?: string;
}

/**
 * One access-log line per request, modelled on the `$context.status`, `$context.integration.status`,
 * `$context.identity.apiKeyId` and latency variables of API Gateway's access logs (docs/aws-facts.md, "Logging" [doc]).
 * In `--sink` mode the integration status is the sink's (`sink=200`), as no upstream is called.
 */
export function formatAccessLog(entry: AccessLogEntry): string {
  const parts = [
    entry.time.toISOString(),
    `${entry.method} ${entry.path}`,
    `key=${entry.key}`,
    `status=${entry.status}`,
    entry.sink ? `sink=${entry.sinkStatus ?? "-"}` : `upstream=${entry.upstreamStatus ?? "-"}`,
    `${Math.round(entry.latencyMs)}ms`,
  ];
  if (entry.error) parts.push(`error="${entry.error}"`);
  return parts.join(" ");
}
