import { patternForStatuses, statusRange } from "./status-patterns";

/** How one status code from CloudWatch reaches the client. */
export interface StatusMapping {
  /** The status the client receives (the method response and integration response status code). */
  readonly statusCode: string;
  /**
   * The selection pattern matched against CloudWatch's HTTP status; undefined marks the default response, which
   * catches every status no pattern matches.
   */
  readonly selectionPattern?: string;
  /** Response headers copied from CloudWatch's answer to the client. */
  readonly passedHeaders: readonly string[];
}

/** Statuses that reach the client unchanged; OTLP clients act on each of them differently. */
export const STATUSES_PASSED_AS_IS = [400, 401, 403, 404, 413, 415, 429, 500, 502, 503, 504] as const;

/** Statuses whose `Retry-After` header the client needs (OTLP clients honour it on 429 and 503). */
export const RETRY_AFTER_STATUSES: readonly number[] = [429, 503];

const OTHER_CLIENT_ERRORS = statusRange(400, 499).filter((code) => !(STATUSES_PASSED_AS_IS as readonly number[]).includes(code));

/**
 * The integration responses of every route, so that status codes never lie:
 * - any 2xx (partial success included) reaches the client as 200 with CloudWatch's body;
 * - each code in {@link STATUSES_PASSED_AS_IS} reaches it unchanged;
 * - any other 4xx becomes 400; anything else (other 5xx, and the 1xx and 3xx CloudWatch never sends) falls to the
 *   default, 500, so nothing unforeseen is ever reported as delivered.
 *
 * Without patterns, every CloudWatch error would reach the client as the default's status, and a default 200 silently
 * drops data (docs/aws-facts.md, "Integration responses" [doc] and the LocalStack recording [recorded]). Patterns are
 * matched against CloudWatch's HTTP status for AWS integrations [doc]; no two of them match the same status, since AWS
 * documents no precedence [recorded].
 */
export const STATUS_MAPPINGS: readonly StatusMapping[] = [
  { statusCode: "200", selectionPattern: patternForStatuses(statusRange(200, 299)), passedHeaders: [] },
  { statusCode: "400", selectionPattern: patternForStatuses([400, ...OTHER_CLIENT_ERRORS]), passedHeaders: [] },
  ...([401, 403, 404, 413, 415, 429, 502, 503, 504] as const).map((code) => ({
    statusCode: String(code),
    selectionPattern: patternForStatuses([code]),
    passedHeaders: RETRY_AFTER_STATUSES.includes(code) ? ["Retry-After"] : [],
  })),
  { statusCode: "500", passedHeaders: [] },
];
