import { App } from "./src/cdktf";
import { readCdktfJsonContext, SETTINGS_CONTEXT_KEY } from "./src/settings/load-settings";
import { parseSettings } from "./src/settings/parse-settings";
import { SettingsError } from "./src/settings/settings-error";
import { RegionStack } from "./src/stacks/region-stack";

function synthesize(): void {
  const app = new App({ context: readCdktfJsonContext() });
  const { settings, warnings } = parseSettings(app.node.tryGetContext(SETTINGS_CONTEXT_KEY));
  warnings.forEach((warning) => console.warn(warning));
  for (const region of settings.regions) new RegionStack(app, { region, settings });
  app.synth();
}

try {
  synthesize();
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
