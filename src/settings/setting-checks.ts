import { SettingProblem } from "./settings-error";

/** Records one problem with one setting; parsers report every problem and go on, so one run shows them all. */
export type Report = (setting: SettingProblem["setting"], received: unknown, allowed: string) => void;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks that `value` is an object holding only `allowedKeys`; reports the object or each unknown member.
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
    if (!allowedKeys.includes(key)) report(`${setting}.${key}`, value[key], `only ${allowedKeys.join(", ")}`);
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

/** A number within [min, max]; `integer` also refuses fractions. */
export function numberSetting(
  setting: string,
  value: unknown,
  fallback: number,
  range: { readonly min: number; readonly max: number; readonly integer?: boolean; readonly unit?: string },
  report: Report,
): number {
  if (value === undefined) return fallback;
  const ok =
    typeof value === "number" && Number.isFinite(value) && value >= range.min && value <= range.max && (!range.integer || Number.isInteger(value));
  if (!ok) {
    report(setting, value, `${range.integer ? "a whole number" : "a number"} from ${range.min} to ${range.max}${range.unit ? ` ${range.unit}` : ""}`);
    return fallback;
  }
  return value as number;
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
