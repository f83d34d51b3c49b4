import { RECOMMENDED } from "../../src/tools/cost/presets";
import { BATCHING, resolveSnippetOptions } from "../../src/infra/clients/snippet-options";

describe("resolveSnippetOptions", () => {
  test("uses <API_KEY> and a placeholder for every Coding Agent Insights attribute by default", () => {
    expect(resolveSnippetOptions()).toEqual({
      apiKey: "<API_KEY>",
      resourceAttributes: "user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>",
    });
  });

  test("fills in the attributes it is given, percent-encoded, and the team id", () => {
    const o = resolveSnippetOptions({ teamId: "platform", resourceAttributes: { department: "R&D, EMEA", "user.email": "dev@example.com" } });
    expect(o.resourceAttributes).toBe("user.email=dev@example.com,team.id=platform,department=R&D%2C%20EMEA,cost_center=<COST_CENTER>,organization=<ORGANIZATION>");
  });

  test("fails for an attribute Coding Agent Insights does not read, naming it and the allowed ones", () => {
    expect(() => resolveSnippetOptions({ resourceAttributes: { "team.name": "x" } as never })).toThrow(
      'resourceAttributes may name only user.email, team.id, department, cost_center, organization, got "team.name"',
    );
  });

  test("fails for an empty attribute value", () => {
    expect(() => resolveSnippetOptions({ resourceAttributes: { organization: " " } })).toThrow('resourceAttributes["organization"] must be non-empty text, got " "');
  });

  test("fails when the team is given twice", () => {
    expect(() => resolveSnippetOptions({ teamId: "a", resourceAttributes: { "team.id": "b" } })).toThrow('set the team once: teamId "a" and resourceAttributes["team.id"] "b" are both given');
  });

  test.each([["key with space"], ["a,b"], ["k=v"], ['"q"'], ["'q'"], [""]])(
    "fails for the API key placeholder %j",
    (apiKeyPlaceholder) => {
      expect(() => resolveSnippetOptions({ apiKeyPlaceholder })).toThrow("apiKeyPlaceholder must be non-empty");
    },
  );

  test("fails for a team id that would need percent-encoding", () => {
    expect(() => resolveSnippetOptions({ teamId: "a team" })).toThrow(
      `teamId may contain only letters, digits, '.', '_' and '-', got "a team"`,
    );
  });
});

describe("BATCHING", () => {
  test("follows the cost calculator's recommended intervals", () => {
    expect(BATCHING.metricExportIntervalMillis).toBe(RECOMMENDED.metricsSeconds * 1000);
    expect(BATCHING.logsExportIntervalMillis).toBe(RECOMMENDED.logsSeconds * 1000);
    expect(BATCHING.spansExportIntervalMillis).toBe(RECOMMENDED.tracesSeconds * 1000);
  });

  test("keeps batches within CloudWatch's per-request span count", () => {
    expect(BATCHING.spansMaxExportBatchSize).toBeLessThanOrEqual(10_000);
  });
});
