import { RECOMMENDED } from "../../src/tools/cost/presets";
import { BATCHING, resolveSnippetOptions } from "../../src/infra/clients/snippet-options";

describe("resolveSnippetOptions", () => {
  test("uses <API_KEY> and no team by default", () => {
    expect(resolveSnippetOptions()).toEqual({ apiKey: "<API_KEY>", teamId: undefined });
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
