import { API_GATEWAY_DIMENSION_SETS, API_GATEWAY_METRICS, API_GATEWAY_NAMESPACE } from "../../src/infra/observability/api-gateway-metrics";
import { dashboardBody, DashboardBodyOptions } from "../../src/infra/observability/dashboard-body";
import { AI_USAGE_PROMQL } from "../../src/infra/observability/widgets/ai-usage-widgets";
import { GRID_COLUMNS } from "../../src/infra/observability/widgets/widget";

const BASE: DashboardBodyOptions = {
  region: "us-east-1",
  api: { ApiName: "otlp-proxy", Stage: "prod" },
  routes: ["/v1/metrics", "/v1/traces", "/v1/logs"],
  detailedMetrics: false,
  periodSeconds: 300,
  alarmArns: [],
  aiUsage: { promql: true, otlpLogGroupName: "otlp-logs" },
};

/** Metric names that the AI tools send, from docs/aws-facts.md, "Clients" ("Metric and event names seen"). */
const CLIENT_METRICS = [
  "claude_code.session.count",
  "claude_code.cost.usage",
  "claude_code.token.usage",
  "gemini_cli.token.usage",
  "gen_ai.client.token.usage",
  "codex.turn.token_usage",
];

function apiGatewayLines(body: ReturnType<typeof dashboardBody>): unknown[][] {
  return body.widgets
    .filter((w) => w.type === "metric")
    .flatMap((w) => w.properties.metrics as unknown[][])
    .filter((line) => line[0] === API_GATEWAY_NAMESPACE);
}

describe("dashboardBody", () => {
  test("round-trips through JSON with a widgets array, the last day and each graph's own period", () => {
    const body = dashboardBody(BASE);
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
    expect(body).toMatchObject({ start: "-PT24H", periodOverride: "inherit" });
    expect(body.widgets.length).toBeGreaterThan(0);
  });

  test("reads only documented AWS/ApiGateway metrics by documented dimension sets", () => {
    const lines = apiGatewayLines(dashboardBody({ ...BASE, detailedMetrics: true }));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(Object.keys(API_GATEWAY_METRICS)).toContain(line[1]);
      const pairs = line.slice(2, -1) as string[];
      const names = pairs.filter((_, i) => i % 2 === 0);
      expect(API_GATEWAY_DIMENSION_SETS.map((set) => set.join())).toContain([...names].sort().join());
    }
  });

  test("shows requests, 4XX, 5XX, latency and integration latency for the API and stage", () => {
    const metrics = apiGatewayLines(dashboardBody(BASE)).map((line) => line[1]);
    expect(new Set(metrics)).toEqual(new Set(["Count", "4XXError", "5XXError", "Latency", "IntegrationLatency"]));
    for (const line of apiGatewayLines(dashboardBody(BASE))) expect(line.slice(2, 6)).toEqual(["ApiName", "otlp-proxy", "Stage", "prod"]);
  });

  test("draws per-route widgets only when detailed metrics are on, one line per route", () => {
    const perRoute = (detailedMetrics: boolean) => apiGatewayLines(dashboardBody({ ...BASE, detailedMetrics })).filter((line) => line.includes("Resource"));
    expect(perRoute(false)).toEqual([]);
    const lines = perRoute(true);
    expect(new Set(lines.map((line) => line[line.indexOf("Resource") + 1]))).toEqual(new Set(BASE.routes));
    for (const line of lines) expect(line[line.indexOf("Method") + 1]).toBe("POST");
  });

  test("places every widget inside the 24-column grid without overlap", () => {
    const { widgets } = dashboardBody({ ...BASE, detailedMetrics: true, alarmArns: ["arn:a"], accessLogs: { logGroupName: "access" } });
    const cells = new Set<string>();
    for (const w of widgets) {
      expect(w.x + w.width).toBeLessThanOrEqual(GRID_COLUMNS);
      for (let x = w.x; x < w.x + w.width; x++) {
        for (let y = w.y; y < w.y + w.height; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  test("queries only the log groups it is given, each Logs Insights query starting with SOURCE", () => {
    const { widgets } = dashboardBody({ ...BASE, accessLogs: { logGroupName: "otlp-proxy-access" } });
    const sources = widgets.filter((w) => w.type === "log").map((w) => /^SOURCE '([^']+)' \| /.exec(w.properties.query as string)?.[1]);
    expect(new Set(sources)).toEqual(new Set(["otlp-logs", "otlp-proxy-access"]));
  });

  test("shows per-team widgets only with access logs, listing each team's key id", () => {
    const teamTitles = (body: ReturnType<typeof dashboardBody>) => body.widgets.filter((w) => String(w.properties.query ?? "").includes("apiKeyId"));
    expect(teamTitles(dashboardBody(BASE))).toEqual([]);
    const body = dashboardBody({ ...BASE, accessLogs: { logGroupName: "access", teamApiKeyIds: { platform: "k1", data: "k2" } } });
    expect(teamTitles(body)).toHaveLength(3);
    expect(JSON.stringify(body)).toContain("`k1`: platform");
  });

  test("uses PromQL only over metric names the AI tools send", () => {
    for (const { promql } of AI_USAGE_PROMQL) {
      const names = [...promql.matchAll(/\{"([^"]+)"/g)].map((m) => m[1]);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(CLIENT_METRICS).toContain(name);
    }
  });

  test("covers cost and tokens by model, user and team, sessions, active users and the other tools' tokens", () => {
    const titles = AI_USAGE_PROMQL.map((q) => q.title).join("\n");
    for (const expected of [/cost.*by model/, /cost.*by user/, /cost.*by team/, /tokens.*by model/, /tokens.*by team/, /sessions/, /active users/, /Gemini CLI tokens/, /Copilot CLI tokens/, /Codex tokens/]) {
      expect(titles).toMatch(expected);
    }
  });

  test("leaves out the PromQL widgets, or the Logs Insights usage widgets, when their data cannot exist", () => {
    const types = (aiUsage: DashboardBodyOptions["aiUsage"]) => {
      const w = dashboardBody({ ...BASE, aiUsage }).widgets;
      return { promql: w.some((x) => JSON.stringify(x).includes("claude_code.cost.usage")), logs: w.some((x) => x.type === "log") };
    };
    expect(types({ promql: false, otlpLogGroupName: "otlp-logs" })).toEqual({ promql: false, logs: true });
    expect(types({ promql: true })).toEqual({ promql: true, logs: false });
    expect(types(undefined)).toEqual({ promql: false, logs: false });
  });

  test("writes nothing Terraform would read as its own template syntax", () => {
    const text = JSON.stringify(dashboardBody({ ...BASE, detailedMetrics: true, accessLogs: { logGroupName: "access" } }));
    expect(text).not.toMatch(/\$\{|%\{/);
  });
});
