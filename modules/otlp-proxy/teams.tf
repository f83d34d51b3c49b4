locals {
  teams       = { for t in var.teams : t.name => t }
  team_limits = { for t in var.teams : t.name => { rate_limit = coalesce(t.rate_limit, var.throttle.rate_limit), burst_limit = coalesce(t.burst_limit, var.throttle.burst_limit) } }
}

resource "aws_api_gateway_api_key" "team" {
  for_each = local.teams

  name        = "${var.name_prefix}-${each.key}-${local.region}"
  description = "Sent by OTLP clients in the x-api-key header."
  enabled     = each.value.enabled
  tags        = merge(var.tags, { "otlp-proxy:team" = each.key })
}

resource "aws_cloudwatch_log_stream" "team" {
  for_each = { for t in var.teams : t.name => t if var.log_streams == "per-team" }

  name           = aws_api_gateway_api_key.team[each.key].id
  log_group_name = aws_cloudwatch_log_group.otlp_logs.name
}

resource "aws_api_gateway_usage_plan" "team_plan" {
  for_each = local.teams

  name        = "${var.name_prefix}-${each.key}-${local.region}"
  description = "Throttle and quota of team ${each.key}'s OTLP proxy API key."
  tags        = merge(var.tags, { "otlp-proxy:team" = each.key })
  api_stages {
    api_id = aws_api_gateway_rest_api.api.id
    stage  = aws_api_gateway_stage.api_stage.stage_name
  }
  throttle_settings {
    rate_limit  = local.team_limits[each.key].rate_limit
    burst_limit = local.team_limits[each.key].burst_limit
  }
  dynamic "quota_settings" {
    for_each = each.value.quota == null ? [] : [each.value.quota]

    content {
      limit  = quota_settings.value.limit
      period = quota_settings.value.period
    }
  }
}

resource "aws_api_gateway_usage_plan_key" "team_plan_key" {
  for_each = local.teams

  key_id        = aws_api_gateway_api_key.team[each.key].id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.team_plan[each.key].id

  depends_on = [aws_cloudwatch_log_stream.team]
}
