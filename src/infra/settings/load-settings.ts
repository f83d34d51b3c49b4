import { readFileSync } from "fs";
import { join } from "path";

/** The key under `context` in `cdktf.json` that holds this project's settings. */
export const SETTINGS_CONTEXT_KEY = "otlpProxy";

/**
 * Reads `context` from `cdktf.json`, so `npm run synth` (no CLI) sees the same settings that `cdktf synth` passes
 * through `CDKTF_CONTEXT_JSON`.
 */
export function readCdktfJsonContext(projectDir: string = process.cwd()): Record<string, unknown> {
  const file = join(projectDir, "cdktf.json");
  let parsed: { context?: Record<string, unknown> };
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read settings from ${file}: ${(error as Error).message}`);
  }
  return parsed.context ?? {};
}
