import { readFileSync } from "fs";
import { join } from "path";
import { TEAM_STREAM_QUERIES } from "../../src/infra/observability/widgets/team-stream-widgets";
import { PROJECT_ROOT } from "../support/project";

// The per-team Logs Insights queries in docs/teams-and-access.md are the ones the dashboard runs, as text.
describe("the per-team queries in Teams and access", () => {
  const doc = readFileSync(join(PROJECT_ROOT, "docs", "teams-and-access.md"), "utf8");

  test.each(Object.entries(TEAM_STREAM_QUERIES))("shows %s as the dashboard runs it", (_name, lines) => {
    expect(doc).toContain(lines.join("\n| "));
  });
});
