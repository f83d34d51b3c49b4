import { readFileSync } from "fs";
import { join } from "path";
import { DEFAULTS } from "../src/infra/settings/defaults";
import { PROJECT_ROOT } from "./support/project";

// The settings table (docs/settings.md, linked from the README) mirrors DEFAULTS, the one source of every default.
describe("the settings table in docs/settings.md", () => {
  const readme = readFileSync(join(PROJECT_ROOT, "docs", "settings.md"), "utf8");

  test.each(Object.entries(DEFAULTS))("documents %s with its default", (setting, value) => {
    expect(readme).toContain(`| \`${setting}\` | \`${JSON.stringify(value)}\` |`);
  });
});

describe("the help file", () => {
  const help = readFileSync(join(PROJECT_ROOT, "help"), "utf8");
  const scripts = Object.keys(JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).scripts);

  test.each(scripts)("describes npm run %s", (script) => {
    expect(help).toMatch(new RegExp(`npm (run )?${script}\\b`));
  });
});
