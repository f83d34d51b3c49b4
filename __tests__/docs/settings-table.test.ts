import { readFileSync } from "fs";
import { join } from "path";
import { DEFAULTS } from "../../src/infra/settings/defaults";
import { PROJECT_ROOT } from "../support/project";

// The settings table (docs/settings.md, linked from the README) mirrors DEFAULTS, the one source of every default.
describe("the settings table in docs/settings.md", () => {
  const readme = readFileSync(join(PROJECT_ROOT, "docs", "settings.md"), "utf8");

  test.each(Object.entries(DEFAULTS))("documents %s with its default", (setting, value) => {
    expect(readme).toContain(`| \`${setting}\` | \`${JSON.stringify(value)}\` |`);
  });
});
