import { readFileSync } from "fs";
import { join } from "path";
import { troubleshootingMarkdown } from "../../src/tools/smoke/troubleshooting-markdown";
import { PROJECT_ROOT } from "../support/project";

describe("the README's troubleshooting table", () => {
  test("is the smoke test's own table, so what the smoke test prints and the README say the same", () => {
    expect(readFileSync(join(PROJECT_ROOT, "README.md"), "utf8")).toContain(troubleshootingMarkdown().trim());
  });
});
