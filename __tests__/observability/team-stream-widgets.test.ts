import { logsInsightsQuery } from "../../src/infra/observability/widgets/logs-insights";
import { undocumentedWidgetProblems } from "../../src/infra/observability/widgets/documented-properties";
import { runLogsInsights } from "../support/logs-insights-evaluator";
import {
  CLAIM_MISMATCH_TITLE,
  claimMatchesKeyCondition,
  claimMismatchQuery,
  LOG_STREAM_FIELD,
  streamTeamExpression,
  TEAM_STREAM_QUERIES,
  teamStreamQueries,
  teamStreamWidgets,
} from "../../src/infra/observability/widgets/team-stream-widgets";

describe("the per-team stream queries", () => {
  test("as the docs show them, group Claude Code's api_request cost and tokens by day and @logStream, and api_error by @logStream", () => {
    expect(TEAM_STREAM_QUERIES).toEqual({
      costAndTokensPerTeamPerDay: [
        'filter attributes.event.name = "api_request"',
        "stats sum(attributes.cost_usd) as costUsd, sum(attributes.input_tokens) as inputTokens, sum(attributes.output_tokens) as outputTokens, count(*) as requests by bin(1d), @logStream",
        "sort costUsd desc",
      ],
      apiErrorsPerTeam: ['filter attributes.event.name = "api_error"', "stats count(*) as errors by @logStream, attributes.status_code", "sort errors desc"],
    });
  });

  test("name each stream by its team with one nested replace per team, first team innermost", () => {
    expect(streamTeamExpression({})).toBe(LOG_STREAM_FIELD);
    expect(streamTeamExpression({ abc123defg: "platform", zzz999yyyy: "data" })).toBe(
      'replace(replace(@logStream, "abc123defg", "platform"), "zzz999yyyy", "data")',
    );
    const named = teamStreamQueries(streamTeamExpression({ abc123defg: "platform" }));
    expect(named.costAndTokensPerTeamPerDay[1]).toBe('fields replace(@logStream, "abc123defg", "platform") as team');
    expect(named.costAndTokensPerTeamPerDay[2]).toMatch(/by bin\(1d\), team$/);
    expect(named.apiErrorsPerTeam[2]).toBe("stats count(*) as errors by team, attributes.status_code");
  });
});

describe("the per-team stream widgets", () => {
  const widgets = teamStreamWidgets({ otlpLogGroupName: "otlp-logs", teamExpression: streamTeamExpression({ k1: "platform" }) }, "eu-west-1");

  test("query the OTLP log group, in documented widget forms", () => {
    const queries = widgets.filter((w) => w.type === "log").map((w) => w.properties.query);
    const q = teamStreamQueries(streamTeamExpression({ k1: "platform" }));
    expect(queries).toEqual([logsInsightsQuery("otlp-logs", q.costAndTokensPerTeamPerDay), logsInsightsQuery("otlp-logs", q.apiErrorsPerTeam)]);
    expect(widgets.flatMap((w) => undocumentedWidgetProblems(w))).toEqual([]);
  });

  test("say that metrics and traces are not attributed this way", () => {
    const text = widgets.filter((w) => w.type === "text").map((w) => String(w.properties.markdown)).join("\n");
    expect(text).toContain("context.identity.apiKeyId");
    expect(text).toContain("OTEL_RESOURCE_ATTRIBUTES");
  });
});

describe("the claim-mismatch widget", () => {
  const teams = { k1: "platform", k2: "data" };

  test("holds a record's claim to its key's team with literals only: one (stream and claim) pair per team, joined by or", () => {
    expect(claimMatchesKeyCondition(teams)).toBe(
      '(@logStream = "k1" and resource.attributes.team.id = "platform") or (@logStream = "k2" and resource.attributes.team.id = "data")',
    );
  });

  test("is drawn, full width, only when the teams' key ids are known", () => {
    const without = teamStreamWidgets({ otlpLogGroupName: "otlp-logs" }, "eu-west-1");
    expect(without.map((w) => w.properties.title)).not.toContain(CLAIM_MISMATCH_TITLE);
    const widgets = teamStreamWidgets({ otlpLogGroupName: "otlp-logs", teamExpression: streamTeamExpression(teams), claimMatchesKey: claimMatchesKeyCondition(teams) }, "eu-west-1");
    const mismatch = widgets.find((w) => w.properties.title === CLAIM_MISMATCH_TITLE)!;
    expect(mismatch.width).toBe(24);
    expect(mismatch.properties.query).toBe(logsInsightsQuery("otlp-logs", claimMismatchQuery(claimMatchesKeyCondition(teams), streamTeamExpression(teams))));
    expect(undocumentedWidgetProblems(mismatch)).toEqual([]);
  });

  test("lists by key team and claim the records whose claim is another team or missing", () => {
    const query = logsInsightsQuery("otlp-logs", claimMismatchQuery(claimMatchesKeyCondition(teams), streamTeamExpression(teams)));
    const events = [
      { "@logStream": "k1", "resource.attributes.team.id": "platform" },
      { "@logStream": "k1", "resource.attributes.team.id": "data" },
      { "@logStream": "k2" },
      { "@logStream": "k2", "resource.attributes.team.id": "data" },
    ];
    expect(runLogsInsights(query, events)).toEqual([
      { keyTeam: "platform", claimedTeam: "data", records: 1 },
      { keyTeam: "data", claimedTeam: undefined, records: 1 },
    ]);
  });
});
