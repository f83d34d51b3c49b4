/**
 * The JSON fields the dashboard's per-team widgets and the 429 metric filter read from the stage's access logs, and the
 * `$context` variable each must hold (docs/aws-facts.md, "Logging" [doc]: `$context.identity.apiKeyId`,
 * `$context.status`, `$context.resourcePath`). The names match the stage's format in src/infra/proxy/access-log-format.ts,
 * which writes every value as a quoted string; the queries therefore compare text, never numbers.
 */
export interface AccessLogFields {
  /** `$context.identity.apiKeyId`: which key, so which team, sent the request. */
  readonly apiKeyId: string;
  /** `$context.status`: the status the client got. */
  readonly status: string;
  /** `$context.resourcePath`: the route, such as /v1/logs. */
  readonly resourcePath: string;
}

export const DEFAULT_ACCESS_LOG_FIELDS: AccessLogFields = { apiKeyId: "apiKeyId", status: "status", resourcePath: "resourcePath" };

/** An access-log group and how its JSON records name the fields. */
export interface AccessLogSource {
  /** The access-log group's name (a Terraform reference is fine). */
  readonly logGroupName: string;
  /** @default DEFAULT_ACCESS_LOG_FIELDS */
  readonly fields?: AccessLogFields;
  /** Team names by API key id, shown beside the per-key widgets (ids may be Terraform references). @default none */
  readonly teamApiKeyIds?: Readonly<Record<string, string>>;
}
