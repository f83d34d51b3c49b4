import { CrossRule, settingsAllowed, ValueRule } from "./rules";
import { SettingProblem } from "./settings-error";
import { didYouMean } from "./suggest";

/** Records one problem with one setting; parsers report every problem and go on, so one run shows them all. */
export type Report = (setting: SettingProblem["setting"], received: unknown, allowed: string) => void;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks that `value` is an object holding only `allowedKeys`; reports the object or each unknown member, with the
 * key it most likely meant.
 * @returns the object, or undefined when it is missing or not an object.
 */
export function objectSetting(
  setting: string,
  value: unknown,
  allowedKeys: readonly string[],
  report: Report,
): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) {
    report(setting, value, `an object with any of ${allowedKeys.join(", ")}`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!allowedKeys.includes(key)) report(`${setting}.${key}`, value[key], `only ${allowedKeys.join(", ")}${didYouMean(key, allowedKeys)}`);
  }
  return value;
}

export function booleanSetting(setting: string, value: unknown, fallback: boolean, report: Report): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") {
    report(setting, value, "true or false");
    return fallback;
  }
  return value;
}

/** A list of regions, each one of the configured regions and listed once. */
export function regionListSetting(setting: string, value: unknown, regions: readonly string[], report: Report): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const allowed = `a non-empty list of distinct configured regions (${regions.join(", ")})`;
  if (!Array.isArray(value) || value.length === 0) {
    report(setting, value, allowed);
    return undefined;
  }
  let ok = true;
  value.forEach((region, index) => {
    if (typeof region !== "string" || !regions.includes(region) || value.indexOf(region) !== index) {
      report(`${setting}[${index}]`, region, allowed);
      ok = false;
    }
  });
  return ok ? (value as string[]) : undefined;
}

/**
 * Checks `value` against a rule of the table (src/infra/settings/rules.ts) and reports it with the rule's allowed text.
 * `key` is the map key for rules on map values; `detail` (with its own leading separator) adds what only the parser
 * knows, such as the region or the other value involved.
 * @returns whether the value passed.
 */
export function checkValue(rule: ValueRule, setting: string, value: unknown, report: Report, options: { key?: string; detail?: string } = {}): boolean {
  if (rule.check(value, options.key)) return true;
  report(setting, value, settingsAllowed(rule, options.detail));
  return false;
}

/** Checks a rule across settings on the `values` it reads; a failure is reported on `setting` with `received`. */
export function checkAcross<T>(rule: CrossRule<T>, values: T, setting: string, received: unknown, report: Report, detail?: string): boolean {
  if (rule.check(values)) return true;
  report(setting, received, settingsAllowed(rule, detail));
  return false;
}

/** A setting checked by a rule, or `fallback` when it is missing or wrong. */
export function ruleSetting<T>(rule: ValueRule, setting: string, value: unknown, fallback: T, report: Report): T {
  if (value === undefined) return fallback;
  return checkValue(rule, setting, value, report) ? (value as T) : fallback;
}
