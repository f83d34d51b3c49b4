import { API_GATEWAY_DIMENSION_SETS, API_GATEWAY_METRICS, API_GATEWAY_NAMESPACE } from "../../src/infra/observability/api-gateway-metrics";
import { committedModule, evaluateExpression } from "../support/plan-module";
import { modulePlansFor } from "../support/shared-module-plan";
import CALLS, { FULL, QUIET } from "./proxy-dashboard.module-calls";
import { CLAIM_MISMATCH_TITLE, teamStreamQueries } from "../../src/infra/observability/widgets/team-stream-widgets";
import { undocumentedWidgetProblems } from "../../src/infra/observability/widgets/documented-properties";
import { runLogsInsights } from "../support/logs-insights-evaluator";

// The dashboard is a local of the module (local.dashboard_body). Where the plan knows the body (no alarm ARNs and no
// team key ids in it, which exist only after apply), it is read from the planned dashboard; where it does not, the
// module's own dashboard locals are evaluated with those attributes filled in, an evaluation first checked against a
// planned body.
const { main } = committedModule();
const DASHBOARD_LOCALS = ["region", "signals", "route_paths", "dashboard_sections", "dashboard_section_heights", "dashboard_widgets", "dashboard_body"];
/** The ids of the module's alarms (aws_cloudwatch_metric_alarm.proxy, for_each over local.alarms), in the widget's order. */
const ALARMS = ["server-errors", "client-errors", "integration-latency", "throttled"];
const KEY_ID = (team: string) => `key-id-${team}`;
const ALARM_ARN = (alarm: string) => `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${alarm}`;

/** The module's dashboard body for these inputs, with what only apply knows filled in. */
function evaluatedBody(inputs: Record<string, any>, region: string): any {
  const teams: { name: string }[] = inputs.teams ?? [{ name: "default" }];
  const alarmsOn = inputs.alarms?.enabled ?? true;
  const accessLogsOn = inputs.access_logs ?? true;
  const standIns: Record<string, unknown> = {
    "data.aws_region.current.name": region,
    "aws_api_gateway_rest_api.api.name": inputs.name_prefix ?? "otlp-proxy",
    "aws_api_gateway_stage.api_stage.stage_name": inputs.stage_name ?? "prod",
    "aws_cloudwatch_log_group.otlp_logs.name": inputs.log_group_name ?? "otlp-logs",
    "aws_cloudwatch_log_group.access_logs": accessLogsOn ? [{ name: "otlp-proxy-access" }] : [],
    "aws_api_gateway_api_key.team": Object.fromEntries(teams.map((t) => [t.name, { id: KEY_ID(t.name) }])),
    "aws_cloudwatch_metric_alarm.proxy": Object.fromEntries(
      ALARMS.filter((alarm) => alarmsOn && (accessLogsOn || alarm !== "throttled")).map((alarm) => [alarm, { arn: ALARM_ARN(alarm) }]),
    ),
  };
  const locals = Object.fromEntries(DASHBOARD_LOCALS.map((name) => [name, main.locals[name]]));
  return JSON.parse(evaluateExpression("${local.dashboard_body}", { vars: inputs, locals, standIns, moduleVariables: true }));
}

const plan = modulePlansFor(CALLS);

const plannedBody = (call: keyof typeof CALLS) => JSON.parse(plan[call].at("aws_cloudwatch_dashboard.proxy[0]").dashboard_body);

describe("the module's dashboard", () => {
  let body: any;
  beforeAll(() => {
    body = evaluatedBody(FULL, "us-east-1");
  });

  test("is evaluated from the module's locals exactly as Terraform plans it", () => {
    expect(evaluatedBody({ ...QUIET, detailed_metrics: true }, "us-east-1")).toEqual(plannedBody("known"));
    expect(plan.full.resource("aws_cloudwatch_dashboard.proxy[0]").unknown.dashboard_body).toBe(true);
  });

  test("holds every widget, with every feature on, to the properties the Dashboard Body Structure reference documents", () => {
    expect(new Set(body.widgets.map((w: { type: string }) => w.type))).toEqual(new Set(["alarm", "text", "metric", "log", "chart"]));
    expect(body.widgets.flatMap((w: any) => undocumentedWidgetProblems(w))).toEqual([]);
  });

  test("creates one dashboard per module call, named for the region", () => {
    expect(plan.full.ofType("aws_cloudwatch_dashboard").map((d) => d.values.dashboard_name)).toEqual(["otlp-proxy-us-east-1"]);
  });

  test("names in its AWS/ApiGateway dimensions only the API and stage the module creates", () => {
    for (const dashboard of [body, plannedBody("known")]) {
      const lines = dashboard.widgets.filter((w: any) => w.type === "metric").flatMap((w: any) => w.properties.metrics).filter((l: any[]) => l[0] === API_GATEWAY_NAMESPACE);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        expect(Object.keys(API_GATEWAY_METRICS)).toContain(line[1]);
        const pairs: string[] = line.slice(2, -1);
        const dims = Object.fromEntries(pairs.flatMap((v, i) => (i % 2 === 0 ? [[v, pairs[i + 1]]] : [])));
        expect(API_GATEWAY_DIMENSION_SETS.map((s) => s.join())).toContain(Object.keys(dims).sort().join());
        expect(dims.ApiName).toBe(plan.known.at("aws_api_gateway_rest_api.api").name);
        expect(dims.Stage).toBe(plan.known.at("aws_api_gateway_stage.api_stage").stage_name);
        if (dims.Resource) expect(plan.known.ofType("aws_api_gateway_resource").map((r) => `/v1/${r.values.path_part}`)).toContain(dims.Resource);
      }
    }
    expect(main.locals.dashboard_sections).not.toMatch(/"ApiName", "(?!.*aws_api_gateway_rest_api\.api\.name)/);
    const sections: string = main.locals.dashboard_sections;
    const count = (text: string) => sections.split(text).length - 1;
    expect(count('"ApiName", ')).toBeGreaterThan(0);
    expect(count('"ApiName", aws_api_gateway_rest_api.api.name, ')).toBe(count('"ApiName", '));
    expect(count('"Stage", aws_api_gateway_stage.api_stage.stage_name')).toBe(count('"Stage", '));
  });

  test("queries only the OTLP log group and the access-log group that the module creates", () => {
    const sources = body.widgets.filter((w: any) => w.type === "log").map((w: any) => /^SOURCE '([^']+)'/.exec(w.properties.query)![1]);
    expect(new Set(sources)).toEqual(new Set(["otlp-logs", "otlp-proxy-access"]));
    const planned = plannedBody("known").widgets.filter((w: any) => w.type === "log").map((w: any) => /^SOURCE '([^']+)'/.exec(w.properties.query)![1]);
    expect(new Set(planned)).toEqual(new Set([plan.known.at("aws_cloudwatch_log_group.otlp_logs").name]));
    expect(main.locals.dashboard_sections).toContain("SOURCE '${try(aws_cloudwatch_log_group.access_logs[0].name, \"\")}'");
    expect(main.locals.dashboard_sections).toContain("SOURCE '${aws_cloudwatch_log_group.otlp_logs.name}'");
  });

  test("lists the module's alarms and each team's API key id", () => {
    const [alarmWidget] = body.widgets.filter((w: any) => w.type === "alarm");
    expect([...alarmWidget.properties.alarms].sort()).toEqual(ALARMS.map(ALARM_ARN).sort());
    expect(plan.full.ofType("aws_cloudwatch_metric_alarm").map((alarm) => alarm.index).sort()).toEqual([...ALARMS].sort());
    expect(main.locals.dashboard_sections).toContain(
      `alarms = [for id in [${ALARMS.map((a) => `"${a}"`).join(", ")}] : aws_cloudwatch_metric_alarm.proxy[id].arn if contains(keys(aws_cloudwatch_metric_alarm.proxy), id)]`,
    );
    const text = JSON.stringify(body);
    expect(text).toContain(`${KEY_ID("platform")}\`: platform`);
    expect(text).toContain(`${KEY_ID("data")}\`: data`);
  });

  test("outputs the dashboard's console URL", () => {
    expect(plan.full.outputs.dashboard_url.value).toBe(
      "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards/dashboard/otlp-proxy-us-east-1",
    );
  });

  test("draws PromQL widgets only where CloudWatch takes OTLP metrics and the metrics route exists", () => {
    const promql = (call: keyof typeof CALLS) => JSON.stringify(plannedBody(call)).includes("claude_code.cost.usage");
    expect(promql("plain")).toBe(true);
    // A supported region beyond the five of the preview, from the region table (src/infra/aws-regions/).
    expect(promql("frankfurt")).toBe(true);
    // ap-southeast-6 cannot be planned with provider 5.100.0 (its aws_region data source does not know the region), so
    // its body is evaluated from the module's locals.
    expect(JSON.stringify(evaluatedBody(QUIET, "ap-southeast-6"))).toContain("claude_code.cost.usage");
    // A region the table leaves out: the module refuses metrics there, and the dashboard would not draw them either.
    expect(JSON.stringify(evaluatedBody(QUIET, "il-central-1"))).not.toContain("claude_code.cost.usage");
    expect(promql("noMetrics")).toBe(false);
    expect(promql("aiOff")).toBe(false);
  });

  test("leaves out per-team widgets without access logs, and per-route widgets without detailed metrics", () => {
    const text = JSON.stringify(plannedBody("plain"));
    expect(text).not.toContain("apiKeyId");
    expect(text).not.toContain('"Resource"');
    expect(JSON.stringify(plannedBody("known"))).toContain('"Resource"');
    expect(JSON.stringify(body)).toContain("apiKeyId");
  });

  test("shows Claude Code cost, tokens and API errors per team from the per-team streams, each stream id shown as its team", () => {
    const logQueries = (dashboard: any): string[] => dashboard.widgets.filter((w: any) => w.type === "log").map((w: any) => w.properties.query);
    const team = 'replace(replace(@logStream, "key-id-platform", "platform"), "key-id-data", "data")';
    const [cost, errors] = ["api_request", "api_error"].map((event) => logQueries(body).find((q) => q.includes(`fields ${team} as team`) && q.includes(`"${event}"`)));
    expect(cost).toBe(`SOURCE 'otlp-logs' | ${teamStreamQueries(team).costAndTokensPerTeamPerDay.join(" | ")}`);
    expect(cost).toContain("by bin(1d), team");
    expect(errors).toBe(`SOURCE 'otlp-logs' | ${teamStreamQueries(team).apiErrorsPerTeam.join(" | ")}`);
    // With one shared stream there is no team to show.
    expect(JSON.stringify(plannedBody("plain"))).not.toContain("@logStream");
    expect(JSON.stringify(evaluatedBody({ ...FULL, dashboard: { ai_usage_widgets: false } }, "us-east-1"))).not.toContain("@logStream");
  });

  test("flags log records whose claimed team.id is not the team of the key whose stream they landed in", () => {
    // GIVEN the events of the OTLP log group: platform's key claiming platform, data's key claiming platform, data's key claiming nothing
    const events = [
      { "@logStream": KEY_ID("platform"), "resource.attributes.team.id": "platform" },
      { "@logStream": KEY_ID("data"), "resource.attributes.team.id": "platform" },
      { "@logStream": KEY_ID("data"), "resource.attributes.team.id": "platform" },
      { "@logStream": KEY_ID("data") },
      { "@logStream": KEY_ID("data"), "resource.attributes.team.id": "data" },
    ];
    const mismatch = body.widgets.find((w: any) => w.properties.title === CLAIM_MISMATCH_TITLE);

    // WHEN the module's widget runs over them, THEN
    expect(runLogsInsights(mismatch.properties.query, events)).toEqual([
      { keyTeam: "data", claimedTeam: "platform", records: 2 },
      { keyTeam: "data", claimedTeam: undefined, records: 1 },
    ]);
    expect(JSON.stringify(plannedBody("plain"))).not.toContain("claimedTeam");
  });

  test("is removed, with its output, when turned off", () => {
    expect(plan.off.ofType("aws_cloudwatch_dashboard")).toEqual([]);
    expect(plan.off.outputs.dashboard_url).toEqual({ value: null, unknown: false });
  });

  test("keeps its Terraform address", () => {
    expect(plan.full.has("aws_cloudwatch_dashboard.proxy[0]")).toBe(true);
  });
});

