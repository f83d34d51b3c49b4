import { aiUsageWidgets } from "../../observability/widgets/ai-usage-widgets";
import { healthWidgets } from "../../observability/widgets/health-widgets";
import { CLAIM_SEPARATOR, claimMatchesTeam, LOG_STREAM_FIELD, STREAM_TEAM_OPEN, streamTeamClose, teamStreamWidgets } from "../../observability/widgets/team-stream-widgets";
import { teamKeyLine, teamKeyNote, teamWidgets } from "../../observability/widgets/team-widgets";
import { alarmWidget, DASHBOARD_START, layOut, PlacedWidget, Widget } from "../../observability/widgets/widget";
import { regionsWithEndpoint } from "../../aws-regions/otlp-endpoint-regions";
import { Block } from "../hcl/hcl-block";
import { expr, Value, exprNumber as tfNumber, exprString as tfExpr, oneLine as hcl } from "../hcl/hcl-value";
import { locals, onlyIf, PREFIX, REGION, resource } from "../hcl/blocks";
import { ALARM_IDS } from "./alarms";
import { PER_TEAM_STREAMS } from "./teams";

/** The Terraform expressions the dashboard reads: the module's own variables, locals and resources. */
export const DASHBOARD_REFS = {
  region: "local.region",
  apiName: "aws_api_gateway_rest_api.api.name",
  stageName: "aws_api_gateway_stage.api_stage.stage_name",
  periodSeconds: "var.alarms.period_seconds",
  // The alarms' ARNs in the order the alarms are declared.
  alarmArns: `[for id in ${hcl([...ALARM_IDS])} : aws_cloudwatch_metric_alarm.proxy[id].arn if contains(keys(aws_cloudwatch_metric_alarm.proxy), id)]`,
  alarmsOn: "var.alarms.enabled",
  routePaths: "local.route_paths",
  signals: "local.signals",
  detailedMetrics: "var.detailed_metrics",
  accessLogsOn: "var.access_logs",
  // Evaluates (to anything) even when access logs are off.
  accessLogGroupName: 'try(aws_cloudwatch_log_group.access_logs[0].name, "")',
  teams: "var.teams",
  // The API key id of team `t`, the iteration variable of a `for t in var.teams`.
  teamKeyId: "aws_api_gateway_api_key.team[t.name].id",
  otlpLogGroupName: "aws_cloudwatch_log_group.otlp_logs.name",
  aiUsageWidgets: "var.dashboard.ai_usage_widgets",
  teamStreamsOn: PER_TEAM_STREAMS,
} as const;

/** One run of widgets that starts its own row on the grid, shown when `include` holds. */
export interface DashboardSection {
  readonly include: string;
  /** Rows it takes: a number, or an expression. */
  readonly height: number | string;
  readonly widgets: readonly PlacedWidget[];
}

/**
 * The dashboard's sections as values: the widgets of the project's builders (src/infra/observability/widgets), with
 * {@link tfExpr} placeholders where Terraform fills in a value (so the PromQL charts' `step` renders as the number
 * `refs.periodSeconds` evaluates to, not as a string), cut into sections that each start with a full-width widget.
 */
export function dashboardSections(refs: typeof DASHBOARD_REFS = DASHBOARD_REFS): DashboardSection[] {
  const region = tfExpr(refs.region);
  const api = { ApiName: tfExpr(refs.apiName), Stage: tfExpr(refs.stageName) };
  const periodSeconds = tfNumber(refs.periodSeconds);
  const route = tfExpr("route");
  const health = { region, api, routes: [route], periodSeconds };

  const baseHealth = healthWidgets({ ...health, detailedMetrics: false });
  const routeWidgets = healthWidgets({ ...health, detailedMetrics: true })
    .slice(baseHealth.length)
    .map((w) => withProperties(w, { metrics: tfExpr(`[for route in ${refs.routePaths} : ${hcl((w.properties.metrics as Value[])[0])}]`) }));
  const accessLogs = { logGroupName: tfExpr(refs.accessLogGroupName) };
  const teamSection = teamWidgets(accessLogs, region);
  const forTeams = (text: string) => `[for t in ${refs.teams} : ${hcl(text)}]`;
  const [teamName, keyId] = [tfExpr("t.name"), tfExpr(refs.teamKeyId)];
  const noteHeight = `min(6, 2 + length(${refs.teams}))`;
  const teamNote = teamKeyNote(tfExpr(`join("\\n", ${forTeams(teamKeyLine(teamName, keyId))})`), tfNumber(noteHeight));
  const ai = { region, periodSeconds };
  const contains = (list: string, item: string) => `contains(${list}, ${JSON.stringify(item)})`;

  return [
    section(refs.alarmsOn, [alarmWidget(expr(refs.alarmArns) as unknown as string[])]),
    section("true", baseHealth),
    section(refs.detailedMetrics, routeWidgets),
    section(refs.accessLogsOn, teamSection),
    { include: refs.accessLogsOn, height: noteHeight, widgets: layOut([teamNote]) },
    section(
      `${refs.aiUsageWidgets} && ${contains(refs.signals, "metrics")} && contains(${hcl([...regionsWithEndpoint("metrics")])}, ${refs.region})`,
      aiUsageWidgets({ ...ai, promql: true }),
    ),
    section(`${refs.aiUsageWidgets} && ${contains(refs.signals, "logs")}`, aiUsageWidgets({ ...ai, promql: false, otlpLogGroupName: tfExpr(refs.otlpLogGroupName) })),
    section(
      `${refs.aiUsageWidgets} && ${contains(refs.signals, "logs")} && ${refs.teamStreamsOn}`,
      teamStreamWidgets(
        {
          otlpLogGroupName: tfExpr(refs.otlpLogGroupName),
          // One nested replace per team around @logStream; one condition per team joined by `or`.
          teamExpression: `${tfExpr(`join("", ${forTeams(STREAM_TEAM_OPEN)})`)}${LOG_STREAM_FIELD}${tfExpr(`join("", ${forTeams(streamTeamClose(keyId, teamName))})`)}`,
          claimMatchesKey: tfExpr(`join(${hcl(CLAIM_SEPARATOR)}, ${forTeams(claimMatchesTeam(keyId, teamName))})`),
        },
        region,
      ),
    ),
  ];
}

/**
 * The dashboard body as Terraform locals: the sections of {@link dashboardSections}, each laid out on its own; Terraform
 * keeps the sections the variables turn on and stacks them. Every section starts with a full-width widget, which
 * `layOut` always puts on a new row, so the stacked result is laid out as one `layOut` of the kept widgets would be.
 */
export function dashboardLocals(refs: typeof DASHBOARD_REFS = DASHBOARD_REFS): Record<string, Value> {
  return {
    dashboard_sections: dashboardSections(refs).map((s) => ({
      include: expr(s.include),
      height: typeof s.height === "number" ? s.height : expr(s.height),
      widgets: s.widgets as unknown as Value,
    })),
    dashboard_section_heights: expr("[for s in local.dashboard_sections : s.include ? s.height : 0]"),
    dashboard_widgets: expr(
      "flatten([for i, s in local.dashboard_sections : [for w in s.widgets : merge(w, { y = w.y + sum(concat([0], slice(local.dashboard_section_heights, 0, i))) })] if s.include])",
    ),
    dashboard_body: expr(`jsonencode({ start = ${hcl(DASHBOARD_START)}, periodOverride = "inherit", widgets = local.dashboard_widgets })`),
  };
}

function section(include: string, widgets: readonly Widget[]): DashboardSection {
  const placed = layOut(widgets);
  return { include, height: Math.max(0, ...placed.map((w) => w.y + w.height)), widgets: placed };
}

function withProperties(widget: Widget, properties: Record<string, unknown>): Widget {
  return { ...widget, properties: { ...widget.properties, ...properties } };
}

/** The CloudWatch dashboard `<name_prefix>-<region>`, its body assembled in locals from the sections the variables turn on. */
export function dashboardBlocks(): Block[] {
  return [
    locals(dashboardLocals()),
    resource("aws_cloudwatch_dashboard", "proxy", {
      count: onlyIf("var.dashboard.enabled"),
      dashboard_name: `${PREFIX}-${REGION}`,
      dashboard_body: expr("local.dashboard_body"),
    }),
  ];
}

