import { readFileSync } from "fs";
import { join } from "path";
import { DEFAULTS } from "./defaults";
import { SettingsError } from "./settings-error";
import { normalize } from "./suggest";

/** The key under `context` in `cdktf.json` that holds this project's settings. */
export const SETTINGS_CONTEXT_KEY = "otlpProxy";

/**
 * A `cdktf.json` that cannot be read, or whose `context` holds the settings under a near-miss key: one line, no stack
 * trace. A {@link SettingsError}, so every command that reports settings errors reports this one too.
 */
export class SettingsFileError extends SettingsError {
  constructor(message: string) {
    super([]);
    this.message = message;
    this.name = "SettingsFileError";
  }
}

/**
 * Reads `context` from `cdktf.json`, so `npm run synth` (no CLI) sees the same settings that `cdktf synth` passes
 * through `CDKTF_CONTEXT_JSON`.
 * @throws SettingsFileError for a missing or unreadable file, or JSON that does not parse (with its line and column)
 */
export function readCdktfJsonContext(projectDir: string = process.cwd()): Record<string, unknown> {
  const file = join(projectDir, "cdktf.json");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SettingsFileError(`Cannot read settings from ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SettingsFileError(`${file}: ${jsonSyntaxError(text, (error as Error).message)}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new SettingsFileError(`${file}: the file must hold a JSON object`);
  const context = (parsed as { context?: unknown }).context;
  if (context === undefined) return {};
  if (typeof context !== "object" || context === null || Array.isArray(context)) throw new SettingsFileError(`${file}: "context" must be a JSON object`);
  return context as Record<string, unknown>;
}

/**
 * JSON.parse's message as one line with the line and column it points at: `invalid JSON at line 3, column 5:
 * Expected double-quoted property name`. Node reports only a character position (`... in JSON at position 42`).
 */
export function jsonSyntaxError(text: string, message: string): string {
  const at = /\s*in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  const reason = message.replace(/\s*in JSON at position \d+(?: \(line \d+ column \d+\))?/, "").split("\n")[0];
  const position = at ? Number(at[1]) : /Unexpected end of JSON input/.test(message) ? text.length : undefined;
  if (position === undefined) return `invalid JSON: ${reason}`;
  const before = text.slice(0, position).split("\n");
  return `invalid JSON at line ${before.length}, column ${before[before.length - 1].length + 1}: ${reason}`;
}

/** The raw settings `context` holds, and what the user should be told about where they came from. */
export interface ContextSettings {
  /** `context.otlpProxy`, undefined when absent. */
  readonly raw: unknown;
  readonly warnings: readonly string[];
}

/**
 * Finds the settings in `context`. Without `otlpProxy` the defaults apply and a warning says so; a key that is
 * `otlpProxy` spelt another way (`otlpproxy`, `otlp_proxy`, `OtlpProxy`) is an error naming the right key rather than
 * settings silently ignored.
 * @throws SettingsFileError for a near-miss key
 */
export function settingsFromContext(context: Record<string, unknown>): ContextSettings {
  const nearMisses = Object.keys(context).filter((key) => key !== SETTINGS_CONTEXT_KEY && normalize(key) === normalize(SETTINGS_CONTEXT_KEY));
  if (nearMisses.length > 0) {
    throw new SettingsFileError(
      `cdktf.json: context.${nearMisses[0]} is not read; the settings key is context.${SETTINGS_CONTEXT_KEY} (exactly this spelling). Rename it.`,
    );
  }
  if (!(SETTINGS_CONTEXT_KEY in context)) {
    return {
      raw: undefined,
      warnings: [`Warning: cdktf.json has no context.${SETTINGS_CONTEXT_KEY}, so synth used the default settings (regions ${DEFAULTS.regions.join(", ")}).`],
    };
  }
  return { raw: context[SETTINGS_CONTEXT_KEY], warnings: [] };
}
