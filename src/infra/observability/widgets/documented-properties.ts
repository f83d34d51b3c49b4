import { Widget } from "./widget";

/** What the reference documents for one kind of object: every property it names, and those it marks required. */
export interface DocumentedProperties {
  readonly documented: readonly string[];
  readonly required: readonly string[];
  /** Values documented (or, for the chart widget, used by AWS's own dashboards) for `view`, when the object has one. */
  readonly views?: readonly string[];
}

/**
 * The keys of one widget in the `widgets` array. Source: CloudWatch API Reference, "Dashboard Body Structure and
 * Syntax", "Widgets Array Structure" (`type` and `properties` required; `x`, `y`, `width`, `height` optional).
 */
export const DOCUMENTED_WIDGET_KEYS: DocumentedProperties = {
  documented: ["type", "x", "y", "width", "height", "properties"],
  required: ["type", "properties"],
};

/**
 * The properties each widget type this project writes may carry, per CloudWatch API Reference, "Dashboard Body Structure
 * and Syntax" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html):
 * "Properties of a Metric Widget Object", "Properties of a Log Widget Object", "Properties of a Text Widget Object",
 * "Properties of an Alarm Status Widget Object" and "Properties of a Chart Widget Object". Only properties the page
 * names are listed; a builder that starts writing another one fails the tests until the page is checked for it.
 *
 * The chart widget (PromQL), per that page's "Properties of a Chart Widget Object" as summarised in docs/aws-facts.md:
 * `properties.data.queries` of `{ id, type: "cloudwatch-metrics", language: "PromQL", query, step }` and a `view`; its
 * `region`, `title`, `plotOptions`, query `label` and `view` values are those of AWS's own PromQL dashboards (aws-observability/observability-best-practices, `docs/en/recipes/recipes/codex/codex-cloudwatch-dashboard.json`;
 * aws-solutions-library-samples/guidance-for-claude-code-with-amazon-bedrock, `claude-code-dashboard.yaml`). A metric
 * widget has no PromQL form: PutDashboard refuses `data.queries` on a `metric` widget ("Should have required property
 * 'metrics'"; guidance-for-claude-code-with-amazon-bedrock issue #759).
 */
export const DOCUMENTED_WIDGET_PROPERTIES: Readonly<Record<Widget["type"], DocumentedProperties>> = {
  metric: {
    documented: [
      "accountId",
      "annotations",
      "end",
      "legend",
      "liveData",
      "metrics",
      "period",
      "region",
      "setPeriodToTimeRange",
      "singleValueFullPrecision",
      "sparkline",
      "stacked",
      "start",
      "stat",
      "timezone",
      "title",
      "trend",
      "view",
      "yAxis",
    ],
    // `metrics` is required unless the widget shows only annotations; every metric widget here has metrics.
    required: ["region", "metrics"],
    views: ["timeSeries", "singleValue", "bar", "pie", "gauge", "table"],
  },
  log: {
    documented: ["accountId", "end", "query", "region", "stacked", "start", "title", "view"],
    required: ["query", "region"],
    views: ["table", "timeSeries", "bar", "pie"],
  },
  text: {
    documented: ["markdown", "background"],
    required: ["markdown"],
  },
  alarm: {
    documented: ["alarms", "sortBy", "states", "title"],
    required: ["alarms"],
  },
  chart: {
    documented: ["data", "plotOptions", "region", "title", "view"],
    required: ["data", "region", "view"],
    views: ["line", "number", "pie"],
  },
};

/** The keys of one query in a chart widget's `properties.data.queries` (same sources as the chart widget above). */
export const DOCUMENTED_CHART_QUERY_KEYS: DocumentedProperties = {
  documented: ["id", "type", "language", "query", "step", "label"],
  required: ["id", "type", "language", "query", "step"],
};

/**
 * What is wrong with a widget against {@link DOCUMENTED_WIDGET_PROPERTIES}: keys the reference does not name, required
 * keys missing, a `view` it does not list. Empty when the widget is in a documented form.
 */
export function undocumentedWidgetProblems(widget: { readonly type: string; readonly properties?: Readonly<Record<string, unknown>> }): string[] {
  const problems: string[] = [];
  problems.push(...keyProblems("widget", Object.keys(widget), DOCUMENTED_WIDGET_KEYS));
  const table = DOCUMENTED_WIDGET_PROPERTIES[widget.type as Widget["type"]];
  if (!table) return [...problems, `widget type "${widget.type}" is not one this project writes`];
  const properties = widget.properties ?? {};
  problems.push(...keyProblems(`${widget.type} widget`, Object.keys(properties), table));
  if (table.views && "view" in properties && !table.views.includes(String(properties.view))) {
    problems.push(`${widget.type} widget: view "${String(properties.view)}" is not one of ${table.views.join(", ")}`);
  }
  if (widget.type === "chart") {
    const data = properties.data as { queries?: unknown } | undefined;
    const dataKeys = data && typeof data === "object" ? Object.keys(data) : [];
    problems.push(...keyProblems("chart widget data", dataKeys, { documented: ["queries"], required: ["queries"] }));
    const queries = Array.isArray(data?.queries) ? (data!.queries as Record<string, unknown>[]) : [];
    if (queries.length === 0) problems.push("chart widget: data.queries is empty");
    for (const query of queries) problems.push(...keyProblems("chart query", Object.keys(query), DOCUMENTED_CHART_QUERY_KEYS));
  }
  return problems;
}

function keyProblems(what: string, keys: readonly string[], table: DocumentedProperties): string[] {
  return [
    ...keys.filter((key) => !table.documented.includes(key)).map((key) => `${what}: "${key}" is not a documented property`),
    ...table.required.filter((key) => !keys.includes(key)).map((key) => `${what}: required property "${key}" is missing`),
  ];
}
