import { INSIGHTS_ATTRIBUTES, InsightsAttribute, insightsResourceAttributes } from "./insights-attributes";
import { RECOMMENDED } from "./recommended-intervals";

/** What every snippet needs besides the endpoint. */
export interface SnippetOptions {
  /**
   * Text standing in for the API key (the `get_api_key_command` output prints the real one). Must not contain
   * quotes, backslashes, commas, `=` or whitespace, which would break one of the snippet formats.
   * @default "<API_KEY>"
   */
  readonly apiKeyPlaceholder?: string;
  /**
   * Team attribution, sent as the resource attribute `team.id`. Letters, digits, `.`, `_` and `-` only; a literal,
   * not a Terraform token. Shorthand for `resourceAttributes["team.id"]`.
   * @default - the `team.id` placeholder, `<TEAM_ID>`
   */
  readonly teamId?: string;
  /**
   * Values for the resource attributes Coding Agent Insights reads (`user.email`, `team.id`, `department`,
   * `cost_center`, `organization`), any text; percent-encoded where the specification requires.
   * @default - each attribute's placeholder, e.g. `<DEPARTMENT>`
   */
  readonly resourceAttributes?: Partial<Readonly<Record<InsightsAttribute, string>>>;
}

/** {@link SnippetOptions} with defaults applied and values checked. */
export interface ResolvedSnippetOptions {
  /** The API key placeholder. */
  readonly apiKey: string;
  /** The `OTEL_RESOURCE_ATTRIBUTES` value: every attribute Coding Agent Insights reads, given or a placeholder. */
  readonly resourceAttributes: string;
}

/** The API key placeholder used when none is given. */
export const DEFAULT_API_KEY_PLACEHOLDER = "<API_KEY>";

/**
 * Batching settings written into snippets for tools that honour them. Intervals follow the cost calculator's
 * RECOMMENDED preset. Batch sizes bound a request: 100 log records stay under CloudWatch's ~1 MiB logs limit
 * for records up to about 10 KB each; 256 spans stay under the 5 MB (uncompressed) traces limit for spans up
 * to about 20 KB each and far under 10,000 spans.
 */
export const BATCHING = {
  metricExportIntervalMillis: RECOMMENDED.metricsSeconds * 1000,
  logsExportIntervalMillis: RECOMMENDED.logsSeconds * 1000,
  spansExportIntervalMillis: RECOMMENDED.tracesSeconds * 1000,
  logsMaxExportBatchSize: 100,
  spansMaxExportBatchSize: 256,
} as const;

const UNSAFE_KEY = /[\s'"\\,=]/;
const TEAM_ID = /^[A-Za-z0-9._-]+$/;

/**
 * Applies defaults and checks the options.
 * @throws Error naming the option, the value received and what is allowed
 */
export function resolveSnippetOptions(options: SnippetOptions = {}): ResolvedSnippetOptions {
  const apiKey = options.apiKeyPlaceholder ?? DEFAULT_API_KEY_PLACEHOLDER;
  if (apiKey === "" || UNSAFE_KEY.test(apiKey)) {
    throw new Error(
      `apiKeyPlaceholder must be non-empty without quotes, backslashes, commas, '=' or whitespace, got ${JSON.stringify(apiKey)}`,
    );
  }
  if (options.teamId !== undefined && !TEAM_ID.test(options.teamId)) {
    throw new Error(`teamId may contain only letters, digits, '.', '_' and '-', got ${JSON.stringify(options.teamId)}`);
  }
  const given: Record<string, string | undefined> = { ...options.resourceAttributes };
  for (const [name, value] of Object.entries(given)) {
    if (!(INSIGHTS_ATTRIBUTES as readonly string[]).includes(name)) {
      throw new Error(`resourceAttributes may name only ${INSIGHTS_ATTRIBUTES.join(", ")}, got ${JSON.stringify(name)}`);
    }
    if (value !== undefined && (typeof value !== "string" || value.trim() === "")) {
      throw new Error(`resourceAttributes[${JSON.stringify(name)}] must be non-empty text, got ${JSON.stringify(value)}`);
    }
  }
  if (options.teamId !== undefined && given["team.id"] !== undefined) {
    throw new Error(`set the team once: teamId ${JSON.stringify(options.teamId)} and resourceAttributes["team.id"] ${JSON.stringify(given["team.id"])} are both given`);
  }
  const values = options.teamId === undefined ? given : { ...given, "team.id": options.teamId };
  return { apiKey, resourceAttributes: insightsResourceAttributes(values) };
}

/** The `OTEL_EXPORTER_OTLP_HEADERS` value, e.g. `x-api-key=<API_KEY>`. */
export function apiKeyHeader(apiKey: string): string {
  return `x-api-key=${apiKey}`;
}
