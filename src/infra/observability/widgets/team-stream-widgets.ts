import { OTLP_EVENT_FIELDS, resourceField } from "./ai-usage-widgets";
import { logsInsightsWidget } from "./logs-insights";
import { heading, note, Widget } from "./widget";

/** The Logs Insights field holding the stream a log event landed in: with `logStreams: "per-team"`, the team's API key id. */
export const LOG_STREAM_FIELD = "@logStream";

const F = OTLP_EVENT_FIELDS;

/**
 * A Logs Insights expression that shows each team's stream (its API key id) as the team's name: one `replace` per team,
 * nested, around `@logStream`; `@logStream` itself without teams. Key ids are ten letters and digits and team names
 * lowercase letters, digits and '-', so nothing needs quoting and one id never matches inside another.
 */
export function streamTeamExpression(teamsByStream: Readonly<Record<string, string>>): string {
  const entries = Object.entries(teamsByStream);
  return `${STREAM_TEAM_OPEN.repeat(entries.length)}${LOG_STREAM_FIELD}${entries.map(([stream, team]) => streamTeamClose(stream, team)).join("")}`;
}

/** What {@link streamTeamExpression} opens once per team, before `@logStream`. */
export const STREAM_TEAM_OPEN = "replace(";

/** What {@link streamTeamExpression} closes each team's `replace` with, innermost (first team) first. */
export function streamTeamClose(stream: string, team: string): string {
  return `, "${stream}", "${team}")`;
}

/**
 * The per-team queries over the OTLP log group, grouped by the stream each event landed in. `team` is the expression
 * that names a stream: `@logStream` (the key id, as the docs show the queries), or {@link streamTeamExpression}.
 */
export function teamStreamQueries(team: string = LOG_STREAM_FIELD): Record<"costAndTokensPerTeamPerDay" | "apiErrorsPerTeam", readonly string[]> {
  const named = team !== LOG_STREAM_FIELD;
  const by = named ? "team" : LOG_STREAM_FIELD;
  const naming = named ? [`fields ${team} as team`] : [];
  return {
    costAndTokensPerTeamPerDay: [
      `filter ${F.eventName} = "api_request"`,
      ...naming,
      `stats sum(${F.costUsd}) as costUsd, sum(${F.inputTokens}) as inputTokens, sum(${F.outputTokens}) as outputTokens, count(*) as requests by bin(1d), ${by}`,
      "sort costUsd desc",
    ],
    apiErrorsPerTeam: [`filter ${F.eventName} = "api_error"`, ...naming, `stats count(*) as errors by ${by}, ${F.statusCode}`, "sort errors desc"],
  };
}

/** The field holding the team a record's client claims: its resource attribute `team.id`. */
export const CLAIMED_TEAM_FIELD = resourceField("team.id");

/**
 * A Logs Insights condition that holds for a record whose claimed team is the team of the key it was sent with: one
 * `(@logStream = "<key id>" and <claimed team> = "<team>")` per team, joined by `or`. Literals only, no comparison of
 * two fields. A record with no claimed team matches no team, so it is flagged too.
 */
export function claimMatchesKeyCondition(teamsByStream: Readonly<Record<string, string>>): string {
  return Object.entries(teamsByStream)
    .map(([stream, team]) => claimMatchesTeam(stream, team))
    .join(CLAIM_SEPARATOR);
}

/** How {@link claimMatchesKeyCondition} joins its teams' conditions. */
export const CLAIM_SEPARATOR = " or ";

/** One team's part of {@link claimMatchesKeyCondition}. */
export function claimMatchesTeam(stream: string, team: string): string {
  return `(${LOG_STREAM_FIELD} = "${stream}" and ${CLAIMED_TEAM_FIELD} = "${team}")`;
}

/**
 * The query lines flagging records whose claimed team (`team.id`, what Coding Agent Insights groups by) differs from
 * the team of the key they were sent with (the stream API Gateway wrote them to), counted by key team and claim.
 * `claimMatches` is {@link claimMatchesKeyCondition}; `team` names a stream by its team, as in {@link teamStreamQueries}.
 */
export function claimMismatchQuery(claimMatches: string, team: string): readonly string[] {
  return [
    `filter not (${claimMatches})`,
    `fields ${team} as keyTeam, ${CLAIMED_TEAM_FIELD} as claimedTeam`,
    "stats count(*) as records by keyTeam, claimedTeam",
    "sort records desc",
  ];
}

/** The title of the widget listing records whose claimed team is not their key's. */
export const CLAIM_MISMATCH_TITLE = "Log records whose claimed team (resource team.id) is not their key's team";

/** The per-team query lines as the docs show them: grouped by `@logStream`, the team's API key id. */
export const TEAM_STREAM_QUERIES = teamStreamQueries();

/** What the per-team widgets read: the OTLP log group, and the expressions naming a stream by its team. */
export interface TeamStreamSource {
  readonly otlpLogGroupName: string;
  /** A Logs Insights expression naming each stream by team, e.g. {@link streamTeamExpression}. @default `@logStream` */
  readonly teamExpression?: string;
  /**
   * The condition that a record's claimed team is its key's team, {@link claimMatchesKeyCondition}.
   * @default - no claim-mismatch widget (the teams' key ids are not known)
   */
  readonly claimMatchesKey?: string;
}

/** The note under the per-team heading: where the team comes from, and what it does not cover. */
export const TEAM_STREAM_NOTE =
  "Each team's log records land in its own stream, named by its API key id: API Gateway sets the stream from the key a request was accepted with (`context.identity.apiKeyId`), so no client can write to another team's stream. Metrics and traces pass through as sent and carry only what clients claim (`OTEL_RESOURCE_ATTRIBUTES=team.id=<team>`), which is what Coding Agent Insights groups by: the last widget lists log records whose claimed `team.id` is not their key's team (or is missing, as in every Claude Cowork record).";

/** Claude Code cost, tokens and API errors per team, from the per-team streams of the OTLP log group. */
export function teamStreamWidgets(source: TeamStreamSource, region: string): Widget[] {
  const q = teamStreamQueries(source.teamExpression);
  const logGroupName = source.otlpLogGroupName;
  return [
    heading("## Teams: Claude Code cost, tokens and API errors per team key (OTLP log group, one stream per team)"),
    note(TEAM_STREAM_NOTE),
    logsInsightsWidget({ title: "Claude Code cost and tokens per team per day (api_request)", region, logGroupName, lines: q.costAndTokensPerTeamPerDay }),
    logsInsightsWidget({ title: "Claude Code API errors per team (api_error)", region, logGroupName, lines: q.apiErrorsPerTeam }),
    ...(source.claimMatchesKey === undefined
      ? []
      : [
          logsInsightsWidget({
            title: CLAIM_MISMATCH_TITLE,
            region,
            logGroupName,
            lines: claimMismatchQuery(source.claimMatchesKey, source.teamExpression ?? LOG_STREAM_FIELD),
            width: 24,
          }),
        ]),
  ];
}
