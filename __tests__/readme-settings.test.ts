import { readFileSync } from "fs";
import { join } from "path";
import { DEFAULTS } from "../src/infra/settings/defaults";
import { PROJECT_ROOT } from "./support/project";

// The README's settings table mirrors DEFAULTS, the one source of every default.
describe("the README's settings table", () => {
  const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");

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
