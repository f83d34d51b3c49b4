import { parseSettings } from "../../src/infra/settings/parse-settings";
import { SettingsError } from "../../src/infra/settings/settings-error";

/** The message of the SettingsError that `raw` settings fail with; fails the test when they parse. */
export function problemsOf(raw: unknown): string {
  try {
    parseSettings(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error("expected parseSettings to fail");
}
