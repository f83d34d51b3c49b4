import { logsInsightsWidget } from "./logs-insights";
import { heading, note, Widget } from "./widget";

/**
 * One PromQL query over the OTLP metrics. Metric names come from docs/aws-facts.md, "Clients" ("Metric and event names seen"); labels
 * follow CloudWatch's PromQL mapping (CloudWatch User Guide, "PromQL querying": dotted names quoted, datapoint
 * attributes bare, resource attributes as `"@resource.<name>"`). Teams come from `OTEL_RESOURCE_ATTRIBUTES=team.id=...`,
 * a resource attribute; `model`, `type`, `user.email`, `user.id` are the tools' own datapoint attributes, which AWS's
 * Claude Code dashboard also groups by bare (`sum by ("user.email")`, `sum by (model)`).
 */
export interface PromqlQuery {
  readonly title: string;
  readonly promql: string;
}

/** `@resource.team.id`: the team a tool's resource attributes name. */
export const TEAM_LABEL = '"@resource.team.id"';

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

/** The PromQL widgets' queries, exported so tests can check them and the README can show them as text. */
export const AI_USAGE_PROMQL: readonly PromqlQuery[] = [
  { title: "Claude Code cost (USD per hour) by model", promql: deltaSum('{"claude_code.cost.usage"}', '"model"') },
  { title: "Claude Code cost (USD per hour) by user", promql: deltaSum('{"claude_code.cost.usage"}', '"user.email"') },
  { title: "Claude Code cost (USD per hour) by team", promql: deltaSum('{"claude_code.cost.usage"}', TEAM_LABEL) },
  { title: "Claude Code tokens per hour by model and type", promql: deltaSum('{"claude_code.token.usage"}', '"model", "type"') },
  { title: "Claude Code tokens per hour by team", promql: deltaSum('{"claude_code.token.usage"}', TEAM_LABEL) },
  { title: "Claude Code sessions per hour", promql: 'sum(sum_over_time({"claude_code.session.count"}[1h]))' },
  { title: "Claude Code active users (last 24 h)", promql: 'count(sum by ("user.id") (sum_over_time({"claude_code.token.usage"}[1d])))' },
  { title: "Gemini CLI tokens per hour by model and type", promql: cumulativeIncrease('{"gemini_cli.token.usage"}', '"model", "type"') },
  {
    title: "Copilot CLI tokens per hour by model and type",
    promql: `histogram_sum(${cumulativeIncrease('{"gen_ai.client.token.usage", "@resource.service.name"="github-copilot"}', '"gen_ai.request.model", "gen_ai.token.type"')})`,
  },
  { title: "Codex tokens per hour by model", promql: deltaSum('{"codex.turn.token_usage"}', '"model"') },
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
 * Insights as `attributes.<name>` (event names and attributes from docs/aws-facts.md, "Clients"; the stored record shape is an open question).
 */
export const OTLP_EVENT_FIELDS = {
  eventName: "attributes.event.name",
  costUsd: "attributes.cost_usd",
  inputTokens: "attributes.input_tokens",
  outputTokens: "attributes.output_tokens",
  user: "attributes.user.email",
  model: "attributes.model",
  statusCode: "attributes.status_code",
} as const;

/** The Logs Insights query lines over the OTLP log group, exported so the README can show them as text. */
export const AI_USAGE_LOG_QUERIES = {
  costPerUserPerDay: [
    `filter ${OTLP_EVENT_FIELDS.eventName} = "api_request"`,
    `stats sum(${OTLP_EVENT_FIELDS.costUsd}) as costUsd, count(*) as requests by bin(1d), ${OTLP_EVENT_FIELDS.user}`,
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
        "Teams come from `OTEL_RESOURCE_ATTRIBUTES=team.id=<team>` on each developer's machine; users from the tools' `user.*` attributes. Copilot CLI and Codex send no cost metric.",
      ),
    );
    widgets.push(...AI_USAGE_PROMQL.map((query) => promqlWidget(query, options.region, options.periodSeconds)));
  }
  if (options.otlpLogGroupName) {
    const logGroupName = options.otlpLogGroupName;
    widgets.push(heading("## AI tools: Claude Code events (OTLP log group, Logs Insights)"));
    widgets.push(
      logsInsightsWidget({ title: "Claude Code cost per user per day (api_request)", region: options.region, logGroupName, lines: AI_USAGE_LOG_QUERIES.costPerUserPerDay }),
      logsInsightsWidget({ title: "Claude Code API errors by status code (api_error)", region: options.region, logGroupName, lines: AI_USAGE_LOG_QUERIES.apiErrorsByStatus }),
    );
  }
  return widgets;
}
