import { App } from "../cdktf";
import { readCdktfJsonContext, settingsFromContext } from "../settings/load-settings";
import { ParsedSettings, parseSettings } from "../settings/parse-settings";
import { RegionStack } from "../stacks/region-stack";

export interface BuildAppOptions {
  /** @default cdktf's own: `CDKTF_OUTDIR`, else `cdktf.out` */
  readonly outdir?: string;
  /** The `context` that `cdktf.json` would give. @default the project's `cdktf.json` context */
  readonly context?: Record<string, unknown>;
}

/**
 * The app with one region stack per configured region, ready to synthesize, and the settings it was built from. The
 * warnings include one when `context.otlpProxy` is missing and the defaults were used.
 * @throws SettingsError for wrong settings, an unreadable `cdktf.json` or a near-miss settings key
 */
export function buildApp(options: BuildAppOptions = {}): ParsedSettings & { readonly app: App; readonly stacks: RegionStack[] } {
  const context = options.context ?? readCdktfJsonContext();
  const found = settingsFromContext(context);
  const app = new App({ outdir: options.outdir, context });
  const parsed = parseSettings(found.raw);
  const stacks = parsed.settings.regions.map((region) => new RegionStack(app, { region, settings: parsed.settings }));
  return { settings: parsed.settings, warnings: [...found.warnings, ...parsed.warnings], app, stacks };
}
