/**
 * Builds an anchored selection pattern that matches exactly the given three-digit status codes.
 *
 * AWS does not say whether it applies a selection pattern as a full match, a prefix match or a search
 * (docs/aws-facts.md, "Behaviour recorded against real AWS": selection patterns). An anchored pattern made only of
 * three-digit alternatives gives the same answer under all three readings.
 */
export function patternForStatuses(codes: readonly number[]): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error("patternForStatuses needs at least one status code");
  const byHundred = groupBy(sorted, (code) => Math.floor(code / 100));
  const alternatives = [...byHundred].map(([hundred, inHundred]) => `${hundred}${tensAndUnits(inHundred.map((c) => c % 100))}`);
  return `^(${alternatives.join("|")})$`;
}

/** Status codes from `first` to `last` inclusive. */
export function statusRange(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function tensAndUnits(lastTwoDigits: readonly number[]): string {
  const byTen = groupBy(lastTwoDigits, (n) => Math.floor(n / 10));
  const fullTens = [...byTen].filter(([, units]) => units.length === 10).map(([ten]) => ten);
  const parts = [...byTen]
    .filter(([, units]) => units.length < 10)
    .map(([ten, units]) => `${ten}${digitClass(units.map((n) => n % 10))}`);
  if (fullTens.length > 0) parts.unshift(`${digitClass(fullTens)}[0-9]`);
  return parts.length === 1 ? parts[0] : `(${parts.join("|")})`;
}

/** `[0-9]`-style class for a set of digits, using ranges for runs: [0, 2, 5, 6, 7] gives `[025-7]`. */
function digitClass(digits: readonly number[]): string {
  if (digits.length === 1) return String(digits[0]);
  const runs: string[] = [];
  let start = digits[0];
  for (let i = 1; i <= digits.length; i++) {
    if (i < digits.length && digits[i] === digits[i - 1] + 1) continue;
    const end = digits[i - 1];
    runs.push(end - start >= 2 ? `${start}-${end}` : end === start ? `${start}` : `${start}${end}`);
    start = digits[i];
  }
  return `[${runs.join("")}]`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
