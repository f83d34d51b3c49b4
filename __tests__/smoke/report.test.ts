import { formatArrivals, formatRoute } from "../../src/tools/smoke/report";
import { RouteResult } from "../../src/tools/smoke/send-signals";

const ENDPOINT = "http://127.0.0.1:4318/prod";

function route(overrides: Partial<RouteResult>): RouteResult {
  return { signal: "logs", url: `${ENDPOINT}/v1/logs`, ok: true, status: 200, answers: 1, ...overrides };
}

describe("formatRoute", () => {
  test("prints one line for a route that answered 200", () => {
    expect(formatRoute(route({}), ENDPOINT)).toBe(`  logs     POST ${ENDPOINT}/v1/logs  200  ok\n`);
  });

  test("adds the answer, the cause and the fix under a failed route", () => {
    const text = formatRoute(route({ ok: false, status: 404, detail: '{"message":\n "Not found"}' }), ENDPOINT);
    expect(text.split("\n")).toEqual([
      `  logs     POST ${ENDPOINT}/v1/logs  404  FAILED`,
      '           answer: {"message": "Not found"}',
      "           cause:  No such route: a wrong base URL or stage, or a route not enabled for this region.",
      expect.stringMatching(/^ {11}fix: {4}Use the stack's `otlp_endpoint` output/),
      "",
    ]);
  });

  test("counts the attempts of a retried route", () => {
    expect(formatRoute(route({ ok: false, status: 503, answers: 6 }), ENDPOINT)).toContain(" 503 after 6 attempts  FAILED\n");
  });

  test("shows the error code of a route that got no answer", () => {
    const text = formatRoute(route({ ok: false, status: undefined, answers: 0, errorCode: "ENOTFOUND", detail: "lookup failed" }), ENDPOINT);
    expect(text).toContain(" no answer  FAILED\n");
    expect(text).toContain("answer: ENOTFOUND lookup failed\n");
  });

  test("cuts a long answer to one short line", () => {
    const text = formatRoute(route({ ok: false, status: 400, detail: "x".repeat(1000) }), ENDPOINT);
    expect(text).toContain(`answer: ${"x".repeat(300)}...\n`);
  });
});

describe("formatArrivals", () => {
  test("lists every signal in route order, with the ones whose route failed as not checked", () => {
    const text = formatArrivals(
      [
        { signal: "logs", status: "arrived", where: "otlp-logs", afterSeconds: 4 },
        { signal: "metrics", status: "not-checked", detail: "OTLP metrics are not searchable by marker soon after ingestion" },
      ],
      "us-west-2",
      ["traces"],
    );
    expect(text).toBe(
      [
        "",
        "In CloudWatch (us-west-2)",
        "  metrics  not checked: OTLP metrics are not searchable by marker soon after ingestion",
        "  traces   not checked: its route failed",
        "  logs     arrived in otlp-logs after 4 s",
        "",
      ].join("\n"),
    );
  });

  test("marks missing signals and signals that could not be checked", () => {
    const text = formatArrivals(
      [
        { signal: "traces", status: "missing", where: "aws/spans", detail: "no event with the marker after 60 s" },
        { signal: "logs", status: "error", where: "otlp-logs", detail: "AccessDeniedException: no" },
      ],
      "eu-west-1",
      [],
    );
    expect(text).toContain("  traces   MISSING in aws/spans: no event with the marker after 60 s\n");
    expect(text).toContain("  logs     COULD NOT CHECK in otlp-logs: AccessDeniedException: no\n");
  });
});
