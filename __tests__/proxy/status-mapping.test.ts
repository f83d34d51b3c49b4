import { STATUS_MAPPINGS, STATUSES_PASSED_AS_IS } from "../../src/infra/proxy/status-mapping";
import { statusRange } from "../../src/infra/proxy/status-patterns";
import { SELECTION_PATTERN_READINGS } from "../support/selection-pattern-readings";


/** What the client receives for a CloudWatch status, as API Gateway chooses it under one reading of the patterns. */
function clientStatus(upstream: number, matches: (pattern: string, status: string) => boolean): string {
  const matching = STATUS_MAPPINGS.filter((m) => m.selectionPattern && matches(m.selectionPattern, String(upstream)));
  expect(matching.length).toBeLessThanOrEqual(1);
  return (matching[0] ?? STATUS_MAPPINGS.find((m) => m.selectionPattern === undefined)!).statusCode;
}

describe.each(Object.entries(SELECTION_PATTERN_READINGS))("status mapping under a %s of selection patterns", (_reading, matches) => {
  test("never lets two patterns match one status", () => {
    for (const status of statusRange(100, 599)) clientStatus(status, matches);
  });

  test("gives every 2xx, partial success included, to the client as 200", () => {
    for (const status of statusRange(200, 299)) expect(clientStatus(status, matches)).toBe("200");
  });

  test.each([...STATUSES_PASSED_AS_IS])("passes %i through unchanged", (status) => {
    expect(clientStatus(status, matches)).toBe(String(status));
  });

  test("turns any other 4xx into 400", () => {
    const others = statusRange(400, 499).filter((s) => !(STATUSES_PASSED_AS_IS as readonly number[]).includes(s));
    for (const status of others) expect(clientStatus(status, matches)).toBe("400");
  });

  test("turns any other 5xx, and the 1xx and 3xx CloudWatch never sends, into 500", () => {
    const others = [...statusRange(100, 199), ...statusRange(300, 399), ...statusRange(500, 599)].filter(
      (s) => !(STATUSES_PASSED_AS_IS as readonly number[]).includes(s),
    );
    for (const status of others) expect(clientStatus(status, matches)).toBe("500");
  });
});

describe("STATUS_MAPPINGS", () => {
  test("has exactly one default response, and it is 500", () => {
    expect(STATUS_MAPPINGS.filter((m) => m.selectionPattern === undefined).map((m) => m.statusCode)).toEqual(["500"]);
  });

  test("passes Retry-After with 429 and 503 only", () => {
    expect(STATUS_MAPPINGS.filter((m) => m.passedHeaders.includes("Retry-After")).map((m) => m.statusCode)).toEqual([
      "429",
      "503",
    ]);
  });

  test("has one response per status code", () => {
    const codes = STATUS_MAPPINGS.map((m) => m.statusCode);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
