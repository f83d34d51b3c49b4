import { readFileSync } from "fs";
import { join } from "path";
import { clientSnippets } from "../../src/infra/clients";
import { PROJECT_ROOT } from "../support/project";

describe("the snippets shown in docs/connecting-tools.md", () => {
  const guide = readFileSync(join(PROJECT_ROOT, "docs", "connecting-tools.md"), "utf8");
  const snippets = clientSnippets("https://abc123.execute-api.us-west-2.amazonaws.com/prod", { teamId: "platform" });

  test.each(Object.keys(snippets))("show %s exactly as clientSnippets writes it for the team platform", (name) => {
    expect(guide).toContain(snippets[name as keyof typeof snippets]);
  });
});
