import { readFileSync } from "fs";
import { join } from "path";
import { claimMatchesKeyCondition, claimMismatchQuery, streamTeamExpression, TEAM_STREAM_QUERIES } from "../../src/infra/observability/widgets/team-stream-widgets";
import { PROJECT_ROOT } from "../support/project";

// The per-team Logs Insights queries in docs/teams-and-access.md are the ones the dashboard runs, as text.
describe("the per-team queries in Teams and access", () => {
  const doc = readFileSync(join(PROJECT_ROOT, "docs", "teams-and-access.md"), "utf8");

  test.each(Object.entries(TEAM_STREAM_QUERIES))("shows %s as the dashboard runs it", (_name, lines) => {
    expect(doc).toContain(lines.join("\n| "));
  });
});

describe("the claim-mismatch query in Teams and access", () => {
  const doc = readFileSync(join(PROJECT_ROOT, "docs", "teams-and-access.md"), "utf8");

  test("is the one the dashboard runs for the two example teams", () => {
    const teams = { a1b2c3d4e5: "platform", f6g7h8i9j0: "data-science" };
    expect(doc).toContain(claimMismatchQuery(claimMatchesKeyCondition(teams), streamTeamExpression(teams)).join("\n| "));
  });
});
