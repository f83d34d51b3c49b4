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
  ])("writes one line for %s: time, route, key, status, upstream status, latency", (_case, entry, line) => {
    expect(formatAccessLog(entry)).toBe(line);
  });
});
