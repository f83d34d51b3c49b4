import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildApp } from "../../src/infra/app/build-app";
import { readCdktfJsonContext, SETTINGS_CONTEXT_KEY } from "../../src/infra/settings/load-settings";
import { regionStackName } from "../../src/infra/stacks/stack-name";
import { PROJECT_ROOT } from "./project";

/** A synthesized region stack: its folder and its parsed `cdk.tf.json`. */
export interface SynthesizedStack {
  readonly name: string;
  readonly region: string;
  readonly dir: string;
  readonly json: TerraformJson;
}

/** The parts of a synthesized Terraform JSON file the tests read. */
export interface TerraformJson {
  readonly terraform: Record<string, any>;
  readonly provider: Record<string, any[]>;
  /** Absent from region stacks, which hold no resources of their own: the proxy's resources are in the module they call. */
  readonly resource: Record<string, Record<string, Record<string, any>>>;
  readonly module: Record<string, Record<string, any>>;
  readonly output: Record<string, { value: string; description: string; sensitive?: boolean }>;
  readonly [key: string]: any;
}

/** The settings in the project's own `cdktf.json`. */
export function projectSettings(): unknown {
  return readCdktfJsonContext(PROJECT_ROOT)[SETTINGS_CONTEXT_KEY];
}

/** Synthesizes the app exactly as `main.ts` does, for the given raw settings, into a new temporary folder. */
export function synthesizeApp(rawSettings: unknown = projectSettings()): SynthesizedStack[] {
  const outdir = mkdtempSync(join(tmpdir(), "otlp-proxy-synth-"));
  const { app, settings } = buildApp({ outdir, context: { [SETTINGS_CONTEXT_KEY]: rawSettings } });
  app.synth();
  return settings.regions.map((region) => {
    const name = regionStackName(region);
    const dir = join(outdir, "stacks", name);
    return { name, region, dir, json: JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) };
  });
}

/** The module calls of a stack by name, each with its arguments (cdktf's `//` metadata left out). */
export function moduleCalls(json: TerraformJson): Record<string, Record<string, any>> {
  return Object.fromEntries(
    Object.entries(json.module ?? {}).map(([name, call]) => [name, Object.fromEntries(Object.entries(call).filter(([key]) => key !== "//"))]),
  );
}
