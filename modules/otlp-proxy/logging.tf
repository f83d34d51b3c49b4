locals {
  execution_log_level   = upper(var.execution_log_level)
  access_log_group_name = var.access_log_group_name == "otlp-proxy-access" ? "${var.name_prefix}-access" : var.access_log_group_name
  logging_role_created  = (var.access_logs || upper(var.execution_log_level) != "OFF") && var.account_cloud_watch_role == "create"
}

resource "aws_cloudwatch_log_group" "otlp_logs" {
  name              = var.log_group_name
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_cloudwatch_log_stream" "otlp_logs_stream" {
  name           = var.log_stream_name
  log_group_name = aws_cloudwatch_log_group.otlp_logs.name
}

resource "aws_cloudwatch_log_group" "access_logs" {
  count = var.access_logs ? 1 : 0

  name              = local.access_log_group_name
  retention_in_days = var.access_log_retention_days
  tags              = var.tags
}

resource "aws_cloudwatch_log_group" "execution_logs" {
  count = local.execution_log_level != "OFF" ? 1 : 0

  name              = "API-Gateway-Execution-Logs_${aws_api_gateway_rest_api.api.id}/${var.stage_name}"
  retention_in_days = var.access_log_retention_days
  tags              = var.tags
}

resource "aws_iam_role" "account_logging" {
  count = local.logging_role_created ? 1 : 0

  name        = "${var.name_prefix}-apigw-logs-${local.region}"
  description = "Lets API Gateway write execution and access logs to CloudWatch Logs in this region (account-level setting)."
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "apigateway.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "account_logging_push_to_cloudwatch_logs" {
  count = local.logging_role_created ? 1 : 0

  role       = aws_iam_role.account_logging[0].name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
}
