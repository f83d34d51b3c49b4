import { INSIGHTS_ATTRIBUTES, InsightsAttribute } from "../../clients/insights-attributes";
import { logsInsightsWidget } from "./logs-insights";
import { heading, note, Widget } from "./widget";

/**
 * One PromQL query over the OTLP metrics. Metric names come from docs/aws-facts.md, "Clients" ("Metric and event names seen"); labels
 * follow CloudWatch's PromQL mapping (CloudWatch User Guide, "PromQL querying": dotted names quoted, datapoint
 * attributes bare, resource attributes as `"@resource.<name>"`). Users, teams, departments, cost centers and
 * organizations are the resource attributes Coding Agent Insights breaks usage down by (`OTEL_RESOURCE_ATTRIBUTES`,
 * docs/aws-facts.md, "Coding Agent Insights"), so the widgets group by the same labels and show the same numbers;
 * `model` and `type` are the tools' own datapoint attributes.
 */
export interface PromqlQuery {
  readonly title: string;
  readonly promql: string;
}

/** A resource attribute as a PromQL label: `"@resource.<name>"`. */
export function resourceLabel(name: string): string {
  return `"@resource.${name}"`;
}

/** `@resource.team.id`: the team a tool's resource attributes name. */
export const TEAM_LABEL = resourceLabel("team.id");

/** How the widget titles name each Coding Agent Insights attribute. */
export const INSIGHTS_DIMENSION_NAMES: Readonly<Record<InsightsAttribute, string>> = {
  "user.email": "user",
  "team.id": "team",
  department: "department",
  cost_center: "cost center",
  organization: "organization",
};

/**
 * Claude Code and Codex export with delta temporality, the others cumulative (docs/aws-facts.md, "Clients"): a delta counter is summed
 * over the window, a cumulative one is read with increase().
 */
function deltaSum(selector: string, by: string, window = "1h"): string {
  return `sum by (${by}) (sum_over_time(${selector}[${window}]))`;
}
function cumulativeIncrease(selector: string, by: string, window = "1h"): string {
  return `sum by (${by}) (increase(${selector}[${window}]))`;
}

const COPILOT_TOKENS = '{"gen_ai.client.token.usage", "@resource.service.name"="github-copilot"}';

/** The PromQL widgets' queries, exported so tests can check them and the README can show them as text. */
export const AI_USAGE_PROMQL: readonly PromqlQuery[] = [
  { title: "Claude Code cost (USD per hour) by model", promql: deltaSum('{"claude_code.cost.usage"}', '"model"') },
  ...INSIGHTS_ATTRIBUTES.map((name) => ({
    title: `Claude Code cost (USD per hour) by ${INSIGHTS_DIMENSION_NAMES[name]}`,
    promql: deltaSum('{"claude_code.cost.usage"}', resourceLabel(name)),
  })),
  { title: "Claude Code tokens per hour by model and type", promql: deltaSum('{"claude_code.token.usage"}', '"model", "type"') },
  { title: "Claude Code tokens per hour by team", promql: deltaSum('{"claude_code.token.usage"}', TEAM_LABEL) },
  { title: "Claude Code sessions per hour", promql: 'sum(sum_over_time({"claude_code.session.count"}[1h]))' },
  { title: "Claude Code active users (last 24 h)", promql: `count(sum by (${resourceLabel("user.email")}) (sum_over_time({"claude_code.token.usage"}[1d])))` },
  { title: "Gemini CLI tokens per hour by model and type", promql: cumulativeIncrease('{"gemini_cli.token.usage"}', '"model", "type"') },
  {
    title: "Copilot CLI tokens per hour by model and type",
    promql: `histogram_sum(${cumulativeIncrease(COPILOT_TOKENS, '"gen_ai.request.model", "gen_ai.token.type"')})`,
  },
  { title: "Copilot CLI tokens per hour by team", promql: `histogram_sum(${cumulativeIncrease(COPILOT_TOKENS, TEAM_LABEL)})` },
  { title: "Codex tokens per hour by model", promql: deltaSum('{"codex.turn.token_usage"}', '"model"') },
  { title: "Codex tokens per hour by team", promql: deltaSum('{"codex.turn.token_usage"}', TEAM_LABEL) },
];

/**
 * The chart options of AWS's own PromQL dashboards (legend at the bottom, time on x, one linear y axis, unstacked 2 px
 * lines), copied as they write them: a chart widget has no top-level `stacked`, stacking is `lineOptions.stacked`.
 * Sources: aws-observability/observability-best-practices, `docs/en/recipes/recipes/codex/codex-cloudwatch-dashboard.json`;
 * aws-solutions-library-samples/guidance-for-claude-code-with-amazon-bedrock, `deployment/infrastructure/claude-code-dashboard.yaml`.
 */
export const PROMQL_PLOT_OPTIONS = {
  legend: { position: "bottom", show: true },
  xAxis: { type: "datetime" },
  yAxis: [{ type: "linear" }],
  style: {
    lineOptions: { filled: false, stacked: false, width: 2, pattern: "solid", spline: false },
    numberOptions: { sparkline: false },
    pieOptions: { innerSize: "50%" },
    barOptions: {},
    gaugeOptions: {},
  },
} as const;

/**
 * A PromQL graph: a chart widget, the dashboard's PromQL form. Source: CloudWatch API Reference, "Dashboard Body
 * Structure and Syntax", "Properties of a Chart Widget Object": `properties.data.queries` holds `{ id, type:
 * "cloudwatch-metrics", language: "PromQL", query, step }`, with `view`, `region` and `title` beside `data`, as in AWS's
 * Codex dashboard (aws-observability/observability-best-practices). `step` is the query resolution in seconds, a JSON
 * number (AWS's dashboards write `60`); it follows the dashboard's graph period. A metric widget's `expression` is
 * metric math, not PromQL, and PutDashboard refuses `data.queries` on a metric widget.
 */
export function promqlWidget(query: PromqlQuery, region: string, periodSeconds: number): Widget {
  return {
    type: "chart",
    width: 8,
    height: 6,
    properties: {
      title: query.title,
      view: "line",
      region,
      data: { queries: [{ id: "q1", type: "cloudwatch-metrics", language: "PromQL", query: query.promql, step: periodSeconds }] },
      plotOptions: PROMQL_PLOT_OPTIONS,
    },
  };
}

/**
 * Where Claude Code's event fields land in the OTLP log group: each log record's attributes, flattened by Logs
 * Insights as `attributes.<name>` (event names and attributes from docs/aws-facts.md, "Clients"; the stored record shape is an open question,
 * docs/aws-facts.md, "OTLP log records as CloudWatch stores them").
 */
export const OTLP_EVENT_FIELDS = {
  eventName: "attributes.event.name",
  costUsd: "attributes.cost_usd",
  inputTokens: "attributes.input_tokens",
  outputTokens: "attributes.output_tokens",
  model: "attributes.model",
  statusCode: "attributes.status_code",
} as const;

/**
 * Where a record's resource attributes land in the OTLP log group, as Logs Insights flattens them:
 * `resource.attributes.<name>` (docs/aws-facts.md, "OTLP log records as CloudWatch stores them").
 */
export function resourceField(name: InsightsAttribute): string {
  return `resource.attributes.${name}`;
}

/** The Logs Insights query lines over the OTLP log group, exported so the README can show them as text. */
export const AI_USAGE_LOG_QUERIES = {
  costPerUserPerDay: [
    `filter ${OTLP_EVENT_FIELDS.eventName} = "api_request"`,
    `stats sum(${OTLP_EVENT_FIELDS.costUsd}) as costUsd, count(*) as requests by bin(1d), ${resourceField("user.email")}`,
    "sort costUsd desc",
  ],
  costPerClaimedTeamPerDay: [
    `filter ${OTLP_EVENT_FIELDS.eventName} = "api_request"`,
    `stats sum(${OTLP_EVENT_FIELDS.costUsd}) as costUsd, count(*) as requests by bin(1d), ${INSIGHTS_ATTRIBUTES.filter((n) => n !== "user.email").map(resourceField).join(", ")}`,
    "sort costUsd desc",
  ],
  apiErrorsByStatus: [
    `filter ${OTLP_EVENT_FIELDS.eventName} = "api_error"`,
    `stats count(*) as errors by ${OTLP_EVENT_FIELDS.statusCode}, ${OTLP_EVENT_FIELDS.model}`,
    "sort errors desc",
  ],
} as const;

export interface AiUsageWidgetOptions {
  readonly region: string;
  readonly periodSeconds: number;
  /** Draw the PromQL widgets: the region has the metrics route and CloudWatch OTLP metrics. */
  readonly promql: boolean;
  /** The OTLP log group, when the region has the logs route. */
  readonly otlpLogGroupName?: string;
}

/** AI tool usage: PromQL over the OTLP metrics and Logs Insights over Claude Code's events. */
export function aiUsageWidgets(options: AiUsageWidgetOptions): Widget[] {
  const widgets: Widget[] = [];
  if (options.promql) {
    widgets.push(heading("## AI tools: cost, tokens, sessions and users (OTLP metrics, PromQL)"));
    widgets.push(
      note(
        "Users, teams, departments, cost centers and organizations are the resource attributes CloudWatch's Coding Agent Insights reads (`OTEL_RESOURCE_ATTRIBUTES` on each developer's machine), so these widgets and its dashboards show the same numbers. They are what clients claim. Copilot CLI and Codex send no cost metric.",
      ),
    );
    widgets.push(...AI_USAGE_PROMQL.map((query) => promqlWidget(query, options.region, options.periodSeconds)));
  }
  if (options.otlpLogGroupName) {
    const logGroupName = options.otlpLogGroupName;
    widgets.push(heading("## AI tools: Claude Code events (OTLP log group, Logs Insights)"));
    widgets.push(
      logsInsightsWidget({ title: "Claude Code cost per user per day (api_request)", region: options.region, logGroupName, lines: AI_USAGE_LOG_QUERIES.costPerUserPerDay }),
      logsInsightsWidget({
        title: "Claude Code cost per day by claimed team, department, cost center and organization (api_request)",
        region: options.region,
        logGroupName,
        lines: AI_USAGE_LOG_QUERIES.costPerClaimedTeamPerDay,
      }),
      logsInsightsWidget({ title: "Claude Code API errors by status code (api_error)", region: options.region, logGroupName, lines: AI_USAGE_LOG_QUERIES.apiErrorsByStatus }),
    );
  }
  return widgets;
}
