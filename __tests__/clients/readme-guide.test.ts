import { readFileSync } from "fs";
import { join } from "path";
import { clientSnippets, UNREAD_VARIABLES } from "../../src/infra/clients";
import { PROJECT_ROOT } from "../support/project";

// The guide moved from the README to docs/connecting-tools.md; the README must not mention the unread variables either.
describe("the guide to connecting the tools in docs/connecting-tools.md", () => {
  const readme = readFileSync(join(PROJECT_ROOT, "docs", "connecting-tools.md"), "utf8");
  const mainReadme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
  const start = readme.indexOf("## Connecting the AI tools");
  const guide = readme.slice(start, readme.indexOf("\n## ", start + 1));

  test("exists", () => {
    expect(start).toBeGreaterThan(0);
    expect(guide).toContain("### Claude Code");
  });

  test.each(UNREAD_VARIABLES)("never mentions %s, which the checked releases do not read", (variable) => {
    expect(readme).not.toContain(variable);
    expect(mainReadme).not.toContain(variable);
  });

  test.each(["Claude Code", "Claude Cowork", "GitHub Copilot CLI", "Gemini CLI", "OpenAI Codex CLI", "Any OpenTelemetry SDK"])(
    "has a section for %s with the version it was checked with",
    (tool) => {
      const section = guide.slice(guide.indexOf(`### ${tool}`), guide.indexOf("\n### ", guide.indexOf(`### ${tool}`) + 1));
      expect(section).toMatch(/\*\*Checked\*\*|checked/i);
    },
  );
});

describe("the snippets shown in docs/connecting-tools.md", () => {
  const guide = readFileSync(join(PROJECT_ROOT, "docs", "connecting-tools.md"), "utf8");
  const snippets = clientSnippets("https://abc123.execute-api.us-west-2.amazonaws.com/prod", { teamId: "platform" });

  test.each(Object.keys(snippets))("show %s exactly as clientSnippets writes it for the team platform", (name) => {
    expect(guide).toContain(snippets[name as keyof typeof snippets]);
  });
});
