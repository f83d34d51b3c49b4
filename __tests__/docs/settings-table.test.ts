import { readFileSync } from "fs";
import { RULES, settingsAllowed } from "../../src/infra/settings/rules";
import { DEFAULTS } from "../../src/infra/settings/defaults";
import { SETTINGS_DOC, settingsTable, withSettingsTable } from "../../src/infra/settings/settings-table";

// docs/settings.md's "Every setting" table is generated from the descriptions, the rules table and DEFAULTS, the same
// sources as the module's variables; the page around it is written by hand.
describe("the settings table in docs/settings.md", () => {
  const table = settingsTable();
  const rows = new Map(table.split("\n").slice(2).map((row) => [/^\| `(\w+)` \|/.exec(row)![1], row]));

  test("is what npm run module writes", () => {
    const committed = readFileSync(SETTINGS_DOC, "utf8");
    if (withSettingsTable(committed) !== committed) {
      throw new Error("docs/settings.md's settings table differs from what src/infra/settings/settings-table.ts generates: run npm run module and commit the result.");
    }
  });

  test.each(Object.entries(DEFAULTS))("has a row for %s with its default from DEFAULTS", (setting, value) => {
    expect(rows.get(setting)).toContain(`| \`${setting}\` | \`${JSON.stringify(value)}\` |`);
  });

  test.each(Object.entries(RULES))("shows what rule %s allows, in the words of its error message, in its setting's row", (_name, rule) => {
    // Setting names are code and `<` is escaped for Markdown; the words are the error message's.
    const row = rows.get(/^\w+/.exec(rule.setting)![0])!.replace(/[`\\]/g, "");
    expect(row).toContain(settingsAllowed(rule));
  });

  test("refuses a page without the markers around its table", () => {
    expect(() => withSettingsTable("# Settings\n\n| setting |\n")).toThrow(/settings:start/);
  });
});
