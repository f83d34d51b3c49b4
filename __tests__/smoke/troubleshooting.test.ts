import { RouteFailure, TROUBLESHOOTING, diagnose } from "../../src/tools/smoke/troubleshooting";

const ENDPOINT = "https://abc123.execute-api.us-west-2.amazonaws.com/prod";

function failure(overrides: Partial<RouteFailure>): RouteFailure {
  return { signal: "logs", endpoint: ENDPOINT, ...overrides };
}

describe("diagnose", () => {
  test.each<[string, Partial<RouteFailure>, RegExp]>([
    ["the proxy's invalid-key answer", { status: 403, detail: '{"message":"Forbidden: missing, unknown or disabled API key."}' }, /usage plan/],
    ["API Gateway's default invalid-key answer", { status: 403, detail: '{"message":"Forbidden"}' }, /API key/],
    ["an unknown path on a default API", { status: 403, detail: '{"message":"Missing Authentication Token"}' }, /default answer for an unknown path/],
    ["CloudWatch refusing the role", { status: 403, detail: "User: arn:aws:sts::1:assumed-role/r is not authorized to perform: logs:PutLogEvents" }, /integration role/],
    ["an unknown route", { status: 404, detail: '{"message":"Not found: this OTLP proxy serves only POST /prod/v1/logs."}' }, /wrong base URL or stage/],
    ["traces without Transaction Search", { signal: "traces", status: 400, detail: '{"message":"The OTLP API is supported with CloudWatch Logs as a Trace Segment Destination."}' }, /Transaction Search/],
    ["a missing log group", { status: 400, detail: '{"message":"The specified log group does not exist."}' }, /log group .* is missing/],
    ["a missing log stream", { status: 400, detail: '{"message":"The specified log stream does not exist."}' }, /log stream/],
    ["another 400", { status: 400, detail: "bad protobuf" }, /binary media types/],
    ["a body too large", { status: 413 }, /10 MB/],
    ["an unsupported compression", { status: 415 }, /gzip/],
    ["an exhausted quota", { status: 429, detail: '{"message":"Quota exceeded: ..."}' }, /quota/],
    ["throttling", { status: 429, detail: '{"message":"Too many requests"}' }, /Throttled/],
    ["throttling on metrics, the stage throttle or the endpoint's 500 per second", { signal: "metrics", status: 429, detail: '{"message":"Too many requests"}' }, /500 requests per second per account/],
    ["a body over CloudWatch's per-request limits", { signal: "metrics", status: 400, detail: "too many data points" }, /1,000 data points/],
    ["a role API Gateway cannot assume", { status: 500, detail: '{"message": "Internal server error"}' }, /aws:SourceAccount/],
    ["CloudWatch unavailable", { status: 503 }, /unavailable/],
    ["an integration timeout", { status: 504 }, /29 s/],
    ["rejected log records", { status: 200, detail: '{"partialSuccess":{"rejectedLogRecords":"2"}}' }, /rejected some items/],
    [
      "rejected spans in a protobuf answer the smoke test decoded",
      { signal: "traces", status: 200, detail: '{"partialSuccess":{"rejectedSpans":"3"}} (the base64 text of a protobuf ExportTraceServiceResponse, decoded)' },
      /base64-encoded/,
    ],
  ])("explains %s", (_, overrides, cause) => {
    expect(diagnose(failure(overrides)).cause).toMatch(cause);
  });

  test("names the endpoint when the connection is refused", () => {
    const { cause } = diagnose(failure({ errorCode: "ECONNREFUSED", detail: "connect ECONNREFUSED 127.0.0.1:4318" }));
    expect(cause).toBe(`Nothing is listening at ${ENDPOINT}: a wrong host or port, or the local gateway is not running.`);
  });

  test("names the endpoint when its host does not resolve", () => {
    expect(diagnose(failure({ errorCode: "ENOTFOUND" })).cause).toContain(`The host of ${ENDPOINT} does not resolve`);
  });

  test("recognises a timeout by its message when the error has no code", () => {
    expect(diagnose(failure({ detail: "Request timed out" })).cause).toContain("No answer from");
  });

  test("does not blame Transaction Search for a 400 on another route", () => {
    const detail = "The OTLP API is supported with CloudWatch Logs as a Trace Segment Destination.";
    expect(diagnose(failure({ signal: "logs", status: 400, detail })).cause).not.toMatch(/Transaction Search/);
  });

  test("falls back to a generic cause naming an unexpected status", () => {
    expect(diagnose(failure({ status: 418 })).cause).toBe("An unexpected status 418 from the proxy.");
  });

  test("gives every row a cause and a fix ending in a full stop", () => {
    for (const row of TROUBLESHOOTING) {
      expect(row.cause).toMatch(/\.$/);
      expect(row.fix).toMatch(/\.$/);
    }
  });

  test("lets no row be hidden behind an earlier catch-all for the same status and route", () => {
    TROUBLESHOOTING.forEach((row, index) => {
      const earlierCatchAll = TROUBLESHOOTING.slice(0, index).find(
        (earlier) =>
          earlier.status === row.status &&
          earlier.status !== "network" &&
          earlier.detailPattern === undefined &&
          (earlier.signals === undefined || (row.signals ?? []).every((signal) => earlier.signals?.includes(signal))),
      );
      expect(earlierCatchAll).toBeUndefined();
    });
  });
});
