import { buildApp } from "./src/infra/app/build-app";
import { SettingsError } from "./src/infra/settings/settings-error";

try {
  const { app, warnings } = buildApp();
  warnings.forEach((warning) => console.warn(warning));
  app.synth();
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
