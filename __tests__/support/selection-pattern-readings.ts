/**
 * The three ways AWS might apply a selection pattern to a status code; AWS does not say which
 * (docs/aws-facts.md, "Behaviour recorded against real AWS": selection patterns), so the tests hold every pattern to
 * all three.
 */
export const SELECTION_PATTERN_READINGS: Readonly<Record<string, (pattern: string, status: string) => boolean>> = {
  "full match": (pattern, status) => new RegExp(`^(?:${pattern})$`).test(status),
  "prefix match": (pattern, status) => new RegExp(`^(?:${pattern})`).test(status),
  search: (pattern, status) => new RegExp(pattern).test(status),
};
