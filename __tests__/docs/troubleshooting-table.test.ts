import { readFileSync } from "fs";
import { join } from "path";
import { troubleshootingMarkdown } from "../../src/tools/smoke/troubleshooting-markdown";
import { PROJECT_ROOT } from "../support/project";

describe("the troubleshooting table in docs/troubleshooting.md", () => {
  test("is the smoke test's own table, so what the smoke test prints and the docs say the same", () => {
    expect(readFileSync(join(PROJECT_ROOT, "docs", "troubleshooting.md"), "utf8")).toContain(troubleshootingMarkdown().trim());
  });
});
