import { readFileSync } from "fs";
import { join } from "path";
import { SIGNAL_ENDPOINTS, SIGNALS } from "../../src/infra/otlp/signals";
import { integrationPolicyStatements } from "../../src/infra/proxy/integration-policy";
import { PROJECT_ROOT } from "../support/project";

// The IAM table (docs/how-it-works.md) names every action the integration role is granted, and every wildcard has its reason.
describe("the IAM table in docs/how-it-works.md", () => {
  const readme = readFileSync(join(PROJECT_ROOT, "docs", "how-it-works.md"), "utf8");
  const rows = readme.split("\n").filter((line) => line.startsWith("| `"));
  const row = (action: string) => rows.find((line) => line.startsWith(`| \`${action}\` |`));

  test.each(SIGNALS.flatMap((signal) => SIGNAL_ENDPOINTS[signal].iamActions))("has a row for %s", (action) => {
    expect(row(action)).toBeDefined();
  });

  test.each(integrationPolicyStatements(SIGNALS, "arn").filter((s) => s.Resource === "*").flatMap((s) => s.Action))(
    "shows %s on * with a reason",
    (action) => {
      expect(row(action)).toMatch(/^\| `[^`]+` \| `\*` \| .{20,}/);
    },
  );
});
