/**
 * A setting that may differ per region: one value for every region, or values keyed by region name with an optional
 * `default` (the same shape as `signals`). Used where a value names something that lives in one region, such as an
 * ACM certificate or a WAF web ACL.
 */
export type PerRegion<T> = T | Readonly<Record<string, T>>;

/** The value for one region: the region's own, else `default`, else undefined. */
export function valueForRegion<T>(value: PerRegion<T> | null | undefined, region: string, isSingle: (v: unknown) => v is T): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (isSingle(value)) return value;
  const byRegion = value as Readonly<Record<string, T>>;
  return byRegion[region] ?? byRegion.default;
}

type Report = (setting: string, received: unknown, allowed: string) => void;

/**
 * Parses a {@link PerRegion} setting. `parseOne(setting, value, region)` checks one value and reports problems itself;
 * it is called once per deployed region the value applies to, so a region-bound ARN is checked against each stack's
 * region. Keys of the object form must be `default` or a configured region.
 */
export function parsePerRegion<T>(
  setting: string,
  value: unknown,
  regions: readonly string[],
  isSingle: (v: unknown) => v is T,
  parseOne: (setting: string, value: unknown, region: string, report: Report) => boolean,
  outerReport: Report,
  describeOne: string,
): PerRegion<T> | undefined {
  if (value === undefined) return undefined;
  // One value is checked once per region; a problem that does not depend on the region is reported once.
  const seen = new Set<string>();
  const report: Report = (s, received, allowed) => {
    const key = `${s}\u0000${allowed}`;
    if (!seen.has(key)) outerReport(s, received, allowed);
    seen.add(key);
  };
  if (isSingle(value) || !isPlainObject(value)) {
    let ok = true;
    for (const region of regions) ok = parseOne(setting, value, region, report) && ok;
    return ok ? (value as T) : undefined;
  }
  let ok = true;
  for (const [key, member] of Object.entries(value)) {
    if (key !== "default" && !regions.includes(key)) {
      report(`${setting}.${key}`, member, `keys that are "default" or one of the configured regions (${regions.join(", ")})`);
      ok = false;
      continue;
    }
    const appliesTo = key === "default" ? regions.filter((r) => !(r in value)) : [key];
    // A "default" that no region falls back to is not checked against a region.
    for (const region of appliesTo) ok = parseOne(`${setting}.${key}`, member, region, report) && ok;
  }
  if (Object.keys(value).length === 0) {
    report(setting, value, `${describeOne}, or an object of such values keyed by region or "default"`);
    return undefined;
  }
  return ok ? (value as Record<string, T>) : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
