import { App } from "../cdktf";
import { readCdktfJsonContext, SETTINGS_CONTEXT_KEY } from "../settings/load-settings";
import { ParsedSettings, parseSettings } from "../settings/parse-settings";
import { RegionStack } from "../stacks/region-stack";

export interface BuildAppOptions {
  /** @default cdktf's own: `CDKTF_OUTDIR`, else `cdktf.out` */
  readonly outdir?: string;
  /** Write HCL (`cdk.tf`) instead of JSON (`cdk.tf.json`). @default false */
  readonly hclOutput?: boolean;
  /** The `context` that `cdktf.json` would give. @default the project's `cdktf.json` context */
  readonly context?: Record<string, unknown>;
}

/** The app with one region stack per configured region, ready to synthesize, and the settings it was built from. */
export function buildApp(options: BuildAppOptions = {}): ParsedSettings & { readonly app: App; readonly stacks: RegionStack[] } {
  const app = new App({
    outdir: options.outdir,
    hclOutput: options.hclOutput,
    context: options.context ?? readCdktfJsonContext(),
  });
  const parsed = parseSettings(app.node.tryGetContext(SETTINGS_CONTEXT_KEY));
  const stacks = parsed.settings.regions.map((region) => new RegionStack(app, { region, settings: parsed.settings }));
  return { ...parsed, app, stacks };
}
