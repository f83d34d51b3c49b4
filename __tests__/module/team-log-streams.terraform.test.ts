import { committedModule, evaluateExpression } from "../support/plan-module";
import { modulePlansFor } from "../support/shared-module-plan";
import CALLS, { TEAMS } from "./team-log-streams.module-calls";

// Issue 14: with log_streams = "per-team" (the default), the logs route takes the stream from the key API Gateway
// accepted the request with (context.identity.apiKeyId), and the module creates one stream per team, named by its key
// id, before the key is usable on the stage.
const { main, outputs } = committedModule();
const STREAM_PARAMETER = "integration.request.header.x-aws-log-stream";

const plan = modulePlansFor(CALLS);

describe("per-team log streams", () => {
  test("map x-aws-log-stream from the calling key's id, unquoted, and never from anything the client sends", () => {
    expect(plan.perTeam.at('aws_api_gateway_integration.post["logs"]').request_parameters[STREAM_PARAMETER]).toBe("context.identity.apiKeyId");
    expect(plan.shared.at('aws_api_gateway_integration.post["logs"]').request_parameters[STREAM_PARAMETER]).toBe("'all-clients'");
    for (const p of [plan.perTeam, plan.shared]) {
      expect(Object.values(p.at('aws_api_gateway_integration.post["logs"]').request_parameters)).not.toContain("method.request.header.x-aws-log-stream");
    }
  });

  test("create one stream per team in the OTLP log group, disabled teams included, named by the team's key id", () => {
    const teamStreams = plan.perTeam.ofType("aws_cloudwatch_log_stream").filter((s) => s.name === "team");
    expect(teamStreams.map((s) => s.index).sort()).toEqual(["contractors", "data", "platform"]);
    for (const stream of teamStreams) {
      expect(stream.values.log_group_name).toBe("otlp-logs");
      // The key id exists only after apply, so the stream's name too.
      expect(stream.unknown.name).toBe(true);
    }
    expect(main.resource.aws_cloudwatch_log_stream.team.name).toBe("${aws_api_gateway_api_key.team[each.key].id}");
    expect(main.resource.aws_cloudwatch_log_stream.team.log_group_name).toBe("${aws_cloudwatch_log_group.otlp_logs.name}");
  });

  test("keep the shared stream in either mode, so switching never deletes its events", () => {
    expect(plan.perTeam.at("aws_cloudwatch_log_stream.otlp_logs_stream")).toMatchObject({ name: "otlp", log_group_name: "otlp-logs" });
    expect(plan.shared.at("aws_cloudwatch_log_stream.otlp_logs_stream")).toMatchObject({ name: "all-clients" });
    expect(plan.shared.ofType("aws_cloudwatch_log_stream").map((s) => s.name)).toEqual(["otlp_logs_stream"]);
  });

  test("exist before a key is usable: the plan keys, and the deployment that maps the key id, wait for them", () => {
    expect(main.resource.aws_api_gateway_usage_plan_key.team_plan_key.depends_on).toContain("aws_cloudwatch_log_stream.team");
    expect(main.resource.aws_api_gateway_deployment.api_deployment.depends_on).toContain("aws_cloudwatch_log_stream.team");
    // The streams themselves wait only for the keys, whose ids name them: no cycle.
    expect(main.resource.aws_cloudwatch_log_stream.team.depends_on).toBeUndefined();
    expect(plan.perTeam.ofType("aws_api_gateway_usage_plan_key")).toHaveLength(3);
  });

  test("are created for exactly the teams, and only per team", () => {
    const forEach = main.resource.aws_cloudwatch_log_stream.team.for_each;
    const keys = (logStreams: string) => Object.keys(evaluateExpression(forEach, { vars: { teams: TEAMS, log_streams: logStreams }, moduleVariables: true }));
    expect(keys("per-team")).toEqual(["contractors", "data", "platform"]);
    expect(keys("shared")).toEqual([]);
  });

  test("are output by team name: each team's stream, known after apply; null when shared or without the logs route", () => {
    expect(plan.perTeam.outputs.log_stream_names.unknown).toEqual({ platform: true, data: true, contractors: true });
    expect(plan.shared.outputs.log_stream_names).toEqual({ value: null, unknown: false });
    expect(plan.noLogs.outputs.log_stream_names).toEqual({ value: null, unknown: false });
    const names = evaluateExpression(outputs.output.log_stream_names.value, {
      vars: { teams: TEAMS, log_streams: "per-team" },
      locals: { signals: '${["logs"]}' },
      moduleVariables: true,
      standIns: { "aws_cloudwatch_log_stream.team": { platform: { name: "k-platform" }, data: { name: "k-data" }, contractors: { name: "k-contractors" } } },
    });
    expect(names).toEqual({ platform: "k-platform", data: "k-data", contractors: "k-contractors" });
  });

  test("refuse a mode the module does not know", () => {
    const rule = JSON.stringify(committedModule().variables.variable.log_streams.validation);
    expect(rule).toContain('contains([\\"per-team\\", \\"shared\\"], var.log_streams)');
  });
});
