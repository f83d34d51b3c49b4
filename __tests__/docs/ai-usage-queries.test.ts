import { readFileSync } from "fs";
import { join } from "path";
import { AI_USAGE_LOG_QUERIES, AI_USAGE_PROMQL } from "../../src/infra/observability/widgets/ai-usage-widgets";
import { PROJECT_ROOT } from "../support/project";

// The PromQL table and the Logs Insights usage queries in docs/observability.md are the ones the dashboard runs.
describe("the AI usage queries in Observability", () => {
  const doc = readFileSync(join(PROJECT_ROOT, "docs", "observability.md"), "utf8");

  test.each(AI_USAGE_PROMQL.map((q) => [q.title, q.promql]))("list %s with its PromQL", (title, promql) => {
    expect(doc).toContain(`| ${title} | \`${promql}\` |`);
  });

  test.each(Object.entries(AI_USAGE_LOG_QUERIES))("show %s as the dashboard runs it", (_name, lines) => {
    expect(doc).toContain(lines.join("\n| "));
  });
});
