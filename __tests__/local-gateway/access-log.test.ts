import { formatAccessLog } from "../../src/tools/local-gateway/access-log";

describe("formatAccessLog", () => {
  test.each([
    [
      "a forwarded request",
      { time: new Date("2026-11-27T00:00:00Z"), method: "POST", path: "/prod/v1/metrics", key: "team-a", status: 200, upstreamStatus: 200, latencyMs: 12.4 },
      "2026-11-27T00:00:00.000Z POST /prod/v1/metrics key=team-a status=200 upstream=200 12ms",
    ],
    [
      "a gateway response",
      { time: new Date("2026-11-27T00:00:00Z"), method: "GET", path: "/x", key: "-", status: 404, latencyMs: 0.2, error: "MISSING_AUTHENTICATION_TOKEN" },
      '2026-11-27T00:00:00.000Z GET /x key=- status=404 upstream=- 0ms error="MISSING_AUTHENTICATION_TOKEN"',
    ],
    [
      "a request to the --sink, which is no upstream",
      { time: new Date("2026-11-27T00:00:00Z"), method: "POST", path: "/prod/v1/logs", key: "team-a", status: 200, sink: true, sinkStatus: 200, latencyMs: 3 },
      "2026-11-27T00:00:00.000Z POST /prod/v1/logs key=team-a status=200 sink=200 3ms",
    ],
    [
      "a request the gateway answered itself in --sink mode",
      { time: new Date("2026-11-27T00:00:00Z"), method: "POST", path: "/prod/v1/logs", key: "-", status: 403, sink: true, latencyMs: 1, error: "INVALID_API_KEY" },
      '2026-11-27T00:00:00.000Z POST /prod/v1/logs key=- status=403 sink=- 1ms error="INVALID_API_KEY"',
    ],
  ])("writes one line for %s: time, route, key, status, upstream status, latency", (_case, entry, line) => {
    expect(formatAccessLog(entry)).toBe(line);
  });
});
