import { logsInsightsWidget } from "./logs-insights";
import { heading, note, Widget } from "./widget";

/**
 * One PromQL query over the OTLP metrics. Metric names come from clients.md ("Metric and event names seen"); labels
 * follow CloudWatch's PromQL mapping (CloudWatch-PromQL-Querying: dotted names quoted, datapoint attributes bare,
 * resource attributes as `@resource.<name>`). Teams come from `OTEL_RESOURCE_ATTRIBUTES=team.id=...`.
 */
export interface PromqlQuery {
  readonly title: string;
  readonly promql: string;
}

/** `@resource.team.id`: the team a tool's resource attributes name. */
export const TEAM_LABEL = '"@resource.team.id"';

/**
 * Claude Code and Codex export with delta temporality, the others cumulative (clients.md): a delta counter is summed
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
 * A PromQL graph. The Dashboard Body Structure reference documents no PromQL form for a widget (Query Studio's "Add to
 * dashboard" writes one the reference does not show); this uses the metric widget's expression form, kept in this one
 * function so a correction is one edit. See the open questions in the README section.
 */
export function promqlWidget(query: PromqlQuery, region: string, periodSeconds: number): Widget {
  return {
    type: "metric",
    width: 8,
    height: 6,
    properties: {
      title: query.title,
      region,
      view: "timeSeries",
      stacked: false,
      period: periodSeconds,
      metrics: [[{ expression: query.promql, id: "q1", label: query.title, period: periodSeconds }]],
    },
  };
}

/**
 * Where Claude Code's event fields land in the OTLP log group: each log record's attributes, flattened by Logs
 * Insights as `attributes.<name>` (event names and attributes from clients.md; the stored record shape is an open question).
 */
export const OTLP_EVENT_FIELDS = {
  eventName: "attributes.event.name",
  costUsd: "attributes.cost_usd",
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
