import { TEAM_LIMITS } from "../../settings/derived";
import { TEAM_TAG } from "../../proxy/team-tag";
import { Block } from "../hcl/hcl-block";
import { expr, exprString } from "../hcl/hcl-value";
import { dynamic, locals, PREFIX, REGION, resource } from "../hcl/blocks";

/** Whether each team has its own log stream (the `log_streams` variable). */
export const PER_TEAM_STREAMS = 'var.log_streams == "per-team"';

/**
 * One API key, usage plan and plan key per team, keyed by team name, and with per-team streams one log stream per
 * team in the OTLP log group, named by the team's key id: the logs route maps `x-aws-log-stream` from
 * `context.identity.apiKeyId` (docs/aws-facts.md, "Context variables as request parameters"), and CloudWatch refuses
 * a write to a stream that does not exist (docs/aws-facts.md, "CloudWatch OTLP endpoints"), so the plan key that makes
 * a key usable waits for it. A disabled team keeps its stream. A team removed from `teams` takes its stream, and so its
 * events, with it, unless `terraform state rm` leaves the stream behind first.
 */
export function teamBlocks(): Block[] {
  const name = `${PREFIX}-${exprString("each.key")}-${REGION}`;
  const tags = expr(`merge(var.tags, { ${JSON.stringify(TEAM_TAG)} = each.key })`);
  return [
    locals({
      teams: expr("{ for t in var.teams : t.name => t }"),
      [TEAM_LIMITS.local]: expr(TEAM_LIMITS.hcl),
    }),
    resource("aws_api_gateway_api_key", "team", {
      for_each: expr("local.teams"),
      name,
      description: "Sent by OTLP clients in the x-api-key header.",
      enabled: expr("each.value.enabled"),
      tags,
    }),
    resource("aws_cloudwatch_log_stream", "team", {
      for_each: expr(`{ for t in var.teams : t.name => t if ${PER_TEAM_STREAMS} }`),
      name: expr("aws_api_gateway_api_key.team[each.key].id"),
      log_group_name: expr("aws_cloudwatch_log_group.otlp_logs.name"),
    }),
    resource("aws_api_gateway_usage_plan", "team_plan", {
      for_each: expr("local.teams"),
      name,
      description: `Throttle and quota of team ${exprString("each.key")}'s OTLP proxy API key.`,
      tags,
      api_stages: new Block("api_stages", [], {
        api_id: expr("aws_api_gateway_rest_api.api.id"),
        stage: expr("aws_api_gateway_stage.api_stage.stage_name"),
      }),
      throttle_settings: new Block("throttle_settings", [], {
        rate_limit: expr("local.team_limits[each.key].rate_limit"),
        burst_limit: expr("local.team_limits[each.key].burst_limit"),
      }),
      quota_settings: dynamic("quota_settings", "each.value.quota == null ? [] : [each.value.quota]", {
        limit: expr("quota_settings.value.limit"),
        period: expr("quota_settings.value.period"),
      }),
    }),
    resource("aws_api_gateway_usage_plan_key", "team_plan_key", {
      for_each: expr("local.teams"),
      key_id: expr("aws_api_gateway_api_key.team[each.key].id"),
      key_type: "API_KEY",
      usage_plan_id: expr("aws_api_gateway_usage_plan.team_plan[each.key].id"),
      // A key is usable on the stage once its plan key exists; by then its stream must exist too.
      depends_on: [expr("aws_cloudwatch_log_stream.team")],
    }),
  ];
}
