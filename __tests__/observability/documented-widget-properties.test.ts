import { dashboardBody, DashboardBodyOptions } from "../../src/infra/observability/dashboard-body";
import { AI_USAGE_PROMQL, promqlWidget } from "../../src/infra/observability/widgets/ai-usage-widgets";
import { DOCUMENTED_WIDGET_PROPERTIES, undocumentedWidgetProblems } from "../../src/infra/observability/widgets/documented-properties";
import { dashboardSections, DashboardRefs, MODULE_DASHBOARD_REFS } from "../../src/infra/module/parts/dashboard";
import { oneLine as hcl } from "../../src/infra/module/hcl/hcl-value";
import { streamTeamExpression } from "../../src/infra/observability/widgets/team-stream-widgets";

// The table these tests hold every widget to is CloudWatch API Reference, "Dashboard Body Structure and Syntax", as
// data in src/infra/observability/widgets/documented-properties.ts: an unknown property, a missing required one or an
// undocumented view fails.

/** Every option that adds widgets: alarms, per-route widgets, access logs with teams, PromQL and Logs Insights usage. */
const ALL_ON: DashboardBodyOptions = {
  region: "us-east-1",
  api: { ApiName: "otlp-proxy", Stage: "prod" },
  routes: ["/v1/metrics", "/v1/traces", "/v1/logs"],
  detailedMetrics: true,
  periodSeconds: 300,
  alarmArns: ["arn:aws:cloudwatch:us-east-1:123456789012:alarm:otlp-proxy-5xx"],
  accessLogs: { logGroupName: "otlp-proxy-access", teamApiKeyIds: { platform: "k1", data: "k2" } },
  aiUsage: { promql: true, otlpLogGroupName: "otlp-logs" },
  teamStreams: { otlpLogGroupName: "otlp-logs", teamExpression: streamTeamExpression({ k1: "platform", k2: "data" }) },
};

/** The bodies the options can produce: all on, all off, and each feature alone. */
const BODIES: readonly [string, DashboardBodyOptions][] = [
  ["every option on", ALL_ON],
  ["every option off", { ...ALL_ON, detailedMetrics: false, alarmArns: [], accessLogs: undefined, aiUsage: undefined, teamStreams: undefined }],
  ["access logs without teams", { ...ALL_ON, accessLogs: { logGroupName: "otlp-proxy-access" } }],
  ["PromQL only", { ...ALL_ON, aiUsage: { promql: true } }],
  ["Logs Insights usage only", { ...ALL_ON, aiUsage: { promql: false, otlpLogGroupName: "otlp-logs" } }],
];

/** The expressions the Terraform module passes. */
const MODULE_REFS: DashboardRefs = MODULE_DASHBOARD_REFS;

type AnyWidget = { readonly type: string; readonly properties: Readonly<Record<string, any>> };

function problemsOf(widgets: readonly AnyWidget[]): string[] {
  return widgets.flatMap((widget, i) => undocumentedWidgetProblems(widget).map((problem) => `widget ${i} (${String(widget.properties.title ?? widget.type)}): ${problem}`));
}

function chartQueries(widgets: readonly AnyWidget[]): Record<string, unknown>[] {
  return widgets.filter((w) => w.type === "chart").flatMap((w) => w.properties.data.queries);
}

describe("every dashboard widget is in a form the Dashboard Body Structure reference documents", () => {
  test.each(BODIES)("dashboardBody with %s", (_, options) => {
    // GIVEN / WHEN
    const body = dashboardBody(options);
    // THEN
    expect(problemsOf(body.widgets as readonly AnyWidget[])).toEqual([]);
  });

  test("dashboardBody with every option on uses all five widget types", () => {
    expect(new Set(dashboardBody(ALL_ON).widgets.map((w) => w.type))).toEqual(new Set(Object.keys(DOCUMENTED_WIDGET_PROPERTIES)));
  });

  test("the Terraform module's dashboard sections, built from the same builders", () => {
    // GIVEN / WHEN
    const widgets = dashboardSections(MODULE_REFS).flatMap((s) => s.widgets) as readonly AnyWidget[];
    // THEN
    expect(new Set(widgets.map((w) => w.type))).toEqual(new Set(Object.keys(DOCUMENTED_WIDGET_PROPERTIES)));
    expect(problemsOf(widgets)).toEqual([]);
  });
});

describe("PromQL widgets", () => {
  test("are chart widgets whose one query is PromQL over cloudwatch-metrics, stepped by the graph period in seconds", () => {
    // GIVEN / WHEN
    const widgets = dashboardBody(ALL_ON).widgets as readonly AnyWidget[];
    const queries = chartQueries(widgets);
    // THEN
    expect(queries.map((q) => q.query)).toEqual(AI_USAGE_PROMQL.map((q) => q.promql));
    for (const query of queries) {
      expect(query).toEqual({ id: expect.stringMatching(/^[a-z][a-zA-Z0-9_]*$/), type: "cloudwatch-metrics", language: "PromQL", query: expect.any(String), step: ALL_ON.periodSeconds });
      expect(Number.isInteger(query.step)).toBe(true);
    }
    for (const chart of widgets.filter((w) => w.type === "chart")) {
      expect(chart.properties).toMatchObject({ view: "line", region: ALL_ON.region, title: expect.any(String) });
    }
  });

  test("carry no PromQL in a metric widget: metric widgets hold only metric lines, never an expression", () => {
    const metricWidgets = dashboardBody(ALL_ON).widgets.filter((w) => w.type === "metric");
    expect(metricWidgets.length).toBeGreaterThan(0);
    for (const widget of metricWidgets) {
      expect(widget.properties).not.toHaveProperty("data");
      expect(JSON.stringify(widget.properties.metrics)).not.toContain("expression");
    }
  });

  test("in the module, write step as the period variable itself, a number in the JSON, not a quoted string", () => {
    // GIVEN
    const widgets = dashboardSections(MODULE_REFS).flatMap((s) => s.widgets) as readonly AnyWidget[];
    // WHEN
    const steps = chartQueries(widgets).map((q) => hcl(q.step as never));
    // THEN
    expect(steps.length).toBe(AI_USAGE_PROMQL.length);
    for (const step of steps) expect(step).toBe(MODULE_REFS.periodSeconds);
  });
});

describe("undocumentedWidgetProblems", () => {
  const chart = promqlWidget(AI_USAGE_PROMQL[0], "us-east-1", 300);

  test("fails a PromQL query written into a metric widget (what PutDashboard refuses)", () => {
    const metricForm = { type: "metric", properties: { region: "us-east-1", view: "timeSeries", data: chart.properties.data } };
    expect(undocumentedWidgetProblems(metricForm)).toEqual(
      expect.arrayContaining(['metric widget: "data" is not a documented property', 'metric widget: required property "metrics" is missing']),
    );
  });

  test("fails an unknown property, a missing required one and an undocumented view", () => {
    expect(undocumentedWidgetProblems({ type: "chart", properties: { ...chart.properties, stacked: false } })).toEqual(['chart widget: "stacked" is not a documented property']);
    const { region: _region, ...noRegion } = chart.properties;
    expect(undocumentedWidgetProblems({ type: "chart", properties: noRegion })).toEqual(['chart widget: required property "region" is missing']);
    expect(undocumentedWidgetProblems({ type: "chart", properties: { ...chart.properties, view: "timeSeries" } })).toEqual([
      'chart widget: view "timeSeries" is not one of line, number, pie',
    ]);
    const coloured = { type: "text", properties: { markdown: "x" }, colour: "red" };
    expect(undocumentedWidgetProblems(coloured)).toEqual(['widget: "colour" is not a documented property']);
  });

  test("fails a chart query without its step, or with a key the chart widget does not take", () => {
    const query = (chart.properties.data as { queries: Record<string, unknown>[] }).queries[0];
    const { step: _step, ...noStep } = query;
    const withQueries = (queries: unknown[]) => ({ type: "chart", properties: { ...chart.properties, data: { queries } } });
    expect(undocumentedWidgetProblems(withQueries([noStep]))).toEqual(['chart query: required property "step" is missing']);
    expect(undocumentedWidgetProblems(withQueries([{ ...query, expression: "x" }]))).toEqual(['chart query: "expression" is not a documented property']);
    expect(undocumentedWidgetProblems(withQueries([]))).toEqual(["chart widget: data.queries is empty"]);
  });
});
