locals {
  throttled_metric_namespace = var.name_prefix == "otlp-proxy" ? "OtlpProxy" : "OtlpProxy/${var.name_prefix}"
  alarms = {
    server-errors = {
      description        = "5XX answers reached ${var.alarms.server_errors_per_period} in ${var.alarms.period_seconds} s: CloudWatch is failing or throttling the proxy, or the integration role is broken. Data may be lost."
      namespace          = "AWS/ApiGateway"
      metric_name        = "5XXError"
      dimensions         = { ApiName = aws_api_gateway_rest_api.api.name, Stage = aws_api_gateway_stage.api_stage.stage_name }
      statistic          = "Sum"
      extended_statistic = null
      threshold          = var.alarms.server_errors_per_period
      needs_access_logs  = false
    }
    client-errors = {
      description        = "4XX answers reached ${var.alarms.client_errors_per_period} in ${var.alarms.period_seconds} s: wrong, revoked or possibly leaked keys in use (403), teams over their limits (429) or bad payloads."
      namespace          = "AWS/ApiGateway"
      metric_name        = "4XXError"
      dimensions         = { ApiName = aws_api_gateway_rest_api.api.name, Stage = aws_api_gateway_stage.api_stage.stage_name }
      statistic          = "Sum"
      extended_statistic = null
      threshold          = var.alarms.client_errors_per_period
      needs_access_logs  = false
    }
    integration-latency = {
      description        = "p99 integration latency (CloudWatch's answer time) reached ${var.alarms.integration_latency_p99_millis} ms; clients may time out and retry."
      namespace          = "AWS/ApiGateway"
      metric_name        = "IntegrationLatency"
      dimensions         = { ApiName = aws_api_gateway_rest_api.api.name, Stage = aws_api_gateway_stage.api_stage.stage_name }
      statistic          = null
      extended_statistic = "p99"
      threshold          = var.alarms.integration_latency_p99_millis
      needs_access_logs  = false
    }
    throttled = {
      description        = "429 answers reached ${var.alarms.throttled_requests_per_period} in ${var.alarms.period_seconds} s: teams are hitting their usage-plan limits (counted from the access logs)."
      namespace          = local.throttled_metric_namespace
      metric_name        = "ThrottledRequests"
      dimensions         = null
      statistic          = "Sum"
      extended_statistic = null
      threshold          = var.alarms.throttled_requests_per_period
      needs_access_logs  = true
    }
  }
  alarm_topic_arn = var.alarms.enabled ? lookup(var.alarms.topic_arns, local.region, one(aws_sns_topic.alarms[*].arn)) : null
  alarm_notifies  = var.alarms.enabled && (contains(keys(var.alarms.topic_arns), local.region) || length(var.alarms.emails) > 0)
}

resource "aws_sns_topic" "alarms" {
  count = var.alarms.enabled && !contains(keys(var.alarms.topic_arns), local.region) && length(var.alarms.emails) > 0 ? 1 : 0

  name = "${var.name_prefix}-alarms"
  tags = var.tags
}

resource "aws_sns_topic_subscription" "alarm_email" {
  for_each = var.alarms.enabled ? toset(var.alarms.emails) : toset([])

  topic_arn = local.alarm_topic_arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_log_metric_filter" "throttled_filter" {
  count = var.alarms.enabled && var.access_logs ? 1 : 0

  name           = "${var.name_prefix}-throttled"
  log_group_name = aws_cloudwatch_log_group.access_logs[0].name
  pattern        = "{ ($.status = 429) || ($.status = \"429\") }"
  metric_transformation {
    namespace     = local.throttled_metric_namespace
    name          = "ThrottledRequests"
    value         = "1"
    default_value = "0"
    unit          = "Count"
  }
}

resource "aws_cloudwatch_metric_alarm" "proxy" {
  for_each = { for id, alarm in local.alarms : id => alarm if var.alarms.enabled && (var.access_logs || !alarm.needs_access_logs) }

  alarm_name          = "${var.name_prefix}-${aws_api_gateway_stage.api_stage.stage_name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric_name
  dimensions          = each.value.dimensions
  statistic           = each.value.statistic
  extended_statistic  = each.value.extended_statistic
  period              = var.alarms.period_seconds
  evaluation_periods  = var.alarms.evaluation_periods
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_notifies ? [local.alarm_topic_arn] : null
  ok_actions          = local.alarm_notifies ? [local.alarm_topic_arn] : null
  tags                = var.tags
}
