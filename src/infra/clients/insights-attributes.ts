/**
 * The resource attributes CloudWatch's Coding Agent Insights dashboards break usage down by, in the order AWS lists
 * them. They must arrive as OTel resource attributes (not data-point or log-record attributes), which every tool that
 * reads `OTEL_RESOURCE_ATTRIBUTES` sets on all it sends (docs/aws-facts.md, "Coding Agent Insights").
 */
export const INSIGHTS_ATTRIBUTES = ["user.email", "team.id", "department", "cost_center", "organization"] as const;

/** One of {@link INSIGHTS_ATTRIBUTES}. */
export type InsightsAttribute = (typeof INSIGHTS_ATTRIBUTES)[number];

/**
 * What a snippet writes for an attribute nobody gave a value: text the platform team replaces per team (and, for
 * `user.email`, per developer). Only baggage characters, so an unreplaced placeholder still parses and arrives as is.
 */
export const INSIGHTS_PLACEHOLDERS: Readonly<Record<InsightsAttribute, string>> = {
  "user.email": "<USER_EMAIL>",
  "team.id": "<TEAM_ID>",
  department: "<DEPARTMENT>",
  cost_center: "<COST_CENTER>",
  organization: "<ORGANIZATION>",
};

/**
 * Percent-encodes a value for `OTEL_RESOURCE_ATTRIBUTES` as the OpenTelemetry specification requires: every character
 * outside the W3C Baggage `baggage-octet` set (space, `"`, `,`, `;`, `\`, controls, anything beyond ASCII) as its UTF-8
 * bytes, and also `%` and `=`, which the JavaScript SDK's parser would otherwise read as an escape or a second
 * separator (and then drop every attribute). Emails, slugs and the placeholders pass through unchanged, so they read
 * the same in a client that does not decode (docs/aws-facts.md, "Resource attributes in the environment").
 */
export function encodeResourceAttributeValue(value: string): string {
  return Array.from(value)
    .map((char) => (isPlainBaggageOctet(char) ? char : Array.from(Buffer.from(char, "utf8"), (b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("")))
    .join("");
}

function isPlainBaggageOctet(char: string): boolean {
  const c = char.codePointAt(0)!;
  const baggageOctet = c === 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a) || (c >= 0x3c && c <= 0x5b) || (c >= 0x5d && c <= 0x7e);
  return baggageOctet && char !== "%" && char !== "=";
}

/**
 * The `OTEL_RESOURCE_ATTRIBUTES` value setting every attribute Coding Agent Insights reads, in AWS's order: the value
 * given for each, percent-encoded, or its placeholder.
 */
export function insightsResourceAttributes(values: Partial<Readonly<Record<InsightsAttribute, string>>> = {}): string {
  return INSIGHTS_ATTRIBUTES.map((name) => `${name}=${values[name] === undefined ? INSIGHTS_PLACEHOLDERS[name] : encodeResourceAttributeValue(values[name]!)}`).join(",");
}
