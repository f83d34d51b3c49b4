import { IntegrationResponseSpec } from "./route-table";

/**
 * Chooses the integration response for a back-end status, as API Gateway does for AWS integrations: each
 * `selection_pattern` is a regular expression matched against the status code, and the response without a pattern is
 * the default that catches the rest (docs/aws-facts.md, "Integration responses" [doc]). Patterns are applied as a full
 * match; AWS does not pin down full, prefix or search matching, but the construct's patterns are anchored so all three
 * agree ("Selection patterns" [recorded]). When two patterns match, AWS's choice is not pinned down either; the first
 * in the stack file wins here. Undefined when nothing matches: the client then gets 500 (docs/aws-facts.md,
 * "Integration responses": no integration response [code]).
 */
export function selectIntegrationResponse(responses: readonly IntegrationResponseSpec[], backendStatus: number): IntegrationResponseSpec | undefined {
  const status = String(backendStatus);
  const matched = responses.find((r) => r.selectionPattern !== undefined && fullMatch(r.selectionPattern, status));
  return matched ?? responses.find((r) => r.selectionPattern === undefined);
}

/**
 * The method response headers: for each `method.response.header.X` mapping, the back end's `integration.response.header.Y`
 * (left out when the back end did not send it) or a `'static'` value. Nothing else reaches the client (docs/aws-facts.md,
 * "Integration responses" [doc]).
 */
export function mapResponseHeaders(responseParameters: Readonly<Record<string, string>>, backendHeaders: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [target, source] of Object.entries(responseParameters)) {
    const name = /^method\.response\.header\.(.+)$/.exec(target)?.[1];
    if (!name) continue;
    const literal = /^'(.*)'$/s.exec(source);
    const fromBackend = /^integration\.response\.header\.(.+)$/.exec(source);
    const raw = literal ? literal[1] : fromBackend ? backendHeaders[fromBackend[1].toLowerCase()] : undefined;
    const value = Array.isArray(raw) ? raw.join(", ") : raw;
    if (value !== undefined) mapped[name] = value;
  }
  return mapped;
}

function fullMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(text);
  } catch {
    return false;
  }
}
