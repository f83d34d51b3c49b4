import { AI_USAGE_PROMQL, promqlWidget } from "../../src/infra/observability/widgets/ai-usage-widgets";
import { DOCUMENTED_WIDGET_PROPERTIES, undocumentedWidgetProblems } from "../../src/infra/observability/widgets/documented-properties";
import { DASHBOARD_REFS, dashboardSections } from "../../src/infra/module/parts/dashboard";
import { oneLine as hcl } from "../../src/infra/module/hcl/hcl-value";

// The table these tests hold every widget to is CloudWatch API Reference, "Dashboard Body Structure and Syntax", as
// data in src/infra/observability/widgets/documented-properties.ts: an unknown property, a missing required one or an
// undocumented view fails.

type AnyWidget = { readonly type: string; readonly properties: Readonly<Record<string, any>> };

/** The expressions the Terraform module passes. */
const MODULE_REFS = DASHBOARD_REFS;

/** Every widget the module's dashboard can show, each section as if turned on. */
const ALL_WIDGETS = dashboardSections(MODULE_REFS).flatMap((s) => s.widgets) as readonly AnyWidget[];

function problemsOf(widgets: readonly AnyWidget[]): string[] {
  return widgets.flatMap((widget, i) => undocumentedWidgetProblems(widget).map((problem) => `widget ${i} (${String(widget.properties.title ?? widget.type)}): ${problem}`));
}

function chartQueries(widgets: readonly AnyWidget[]): Record<string, unknown>[] {
  return widgets.filter((w) => w.type === "chart").flatMap((w) => w.properties.data.queries);
}

describe("every dashboard widget is in a form the Dashboard Body Structure reference documents", () => {
  test("in every section of the module's dashboard, which between them use all five widget types", () => {
    expect(new Set(ALL_WIDGETS.map((w) => w.type))).toEqual(new Set(Object.keys(DOCUMENTED_WIDGET_PROPERTIES)));
    expect(problemsOf(ALL_WIDGETS)).toEqual([]);
  });
});

describe("PromQL widgets", () => {
  test("are chart widgets whose one query is PromQL over cloudwatch-metrics, stepped by the graph period in seconds", () => {
    // GIVEN / WHEN
    const queries = chartQueries(ALL_WIDGETS);
    // THEN
    expect(queries.map((q) => q.query)).toEqual(AI_USAGE_PROMQL.map((q) => q.promql));
    for (const query of queries) {
      expect(query).toEqual({ id: expect.stringMatching(/^[a-z][a-zA-Z0-9_]*$/), type: "cloudwatch-metrics", language: "PromQL", query: expect.any(String), step: query.step });
    }
    for (const chart of ALL_WIDGETS.filter((w) => w.type === "chart")) {
      expect(chart.properties).toMatchObject({ view: "line", region: chart.properties.region, title: expect.any(String) });
      expect(hcl(chart.properties.region as never)).toBe(MODULE_REFS.region);
    }
  });

  test("carry no PromQL in a metric widget: metric widgets hold only metric lines, never an expression", () => {
    const metricWidgets = ALL_WIDGETS.filter((w) => w.type === "metric");
    expect(metricWidgets.length).toBeGreaterThan(0);
    for (const widget of metricWidgets) {
      expect(widget.properties).not.toHaveProperty("data");
      expect(JSON.stringify(widget.properties.metrics)).not.toContain("expression");
    }
  });

  test("in the module, write step as the period variable itself, a number in the JSON, not a quoted string", () => {
    // GIVEN / WHEN
    const steps = chartQueries(ALL_WIDGETS).map((q) => hcl(q.step as never));
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
