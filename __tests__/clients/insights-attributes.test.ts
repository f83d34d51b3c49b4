import { envDetector } from "@opentelemetry/resources";
import { encodeResourceAttributeValue, INSIGHTS_ATTRIBUTES, INSIGHTS_PLACEHOLDERS, insightsResourceAttributes } from "../../src/infra/clients/insights-attributes";

/** What the OpenTelemetry JS SDK (the one Claude Code and Gemini CLI are built on) reads from `OTEL_RESOURCE_ATTRIBUTES`. */
function readBySdk(value: string): Record<string, unknown> {
  const saved = process.env.OTEL_RESOURCE_ATTRIBUTES;
  process.env.OTEL_RESOURCE_ATTRIBUTES = value;
  try {
    return envDetector.detect().attributes ?? {};
  } finally {
    if (saved === undefined) delete process.env.OTEL_RESOURCE_ATTRIBUTES;
    else process.env.OTEL_RESOURCE_ATTRIBUTES = saved;
  }
}

describe("the Coding Agent Insights resource attributes", () => {
  test("are the five AWS lists, in its order", () => {
    expect(INSIGHTS_ATTRIBUTES).toEqual(["user.email", "team.id", "department", "cost_center", "organization"]);
  });

  test("are written with a placeholder each when no value is given, which the SDK reads as is", () => {
    const value = insightsResourceAttributes();
    expect(value).toBe("user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>");
    expect(readBySdk(value)).toEqual(INSIGHTS_PLACEHOLDERS);
  });

  test("reach the SDK unchanged whatever text they hold: spaces, commas, '=', '%', quotes, non-ASCII", () => {
    const values = {
      "user.email": "dev.one+ai@example.com",
      "team.id": "platform",
      department: "Research & Development, EMEA",
      cost_center: "CC=4711 (100%)",
      organization: 'Acme "Süd"; \\ GmbH',
    };
    expect(readBySdk(insightsResourceAttributes(values))).toEqual(values);
  });
});

describe("encodeResourceAttributeValue", () => {
  test("leaves emails, slugs and placeholders alone, so a client that does not percent-decode reads them right", () => {
    for (const value of ["dev@example.com", "platform-eng_2", "cc.4711", "<TEAM_ID>"]) expect(encodeResourceAttributeValue(value)).toBe(value);
  });

  test("encodes what the specification and the SDK's parser require: space, comma, ';', '\"', '\\\\', '=', '%' and non-ASCII", () => {
    expect(encodeResourceAttributeValue('a b,c;d"e\\f=g%h\u00fc')).toBe("a%20b%2Cc%3Bd%22e%5Cf%3Dg%25h%C3%BC");
  });
});
