locals {
  endpoint = var.domain_name != null ? "https://${var.domain_name}${var.base_path != null ? "/${var.base_path}" : ""}" : aws_api_gateway_stage.api_stage.invoke_url
  client_config_custom_domain = {
    claude-code-env              = "export CLAUDE_CODE_ENABLE_TELEMETRY=1\nexport OTEL_METRICS_EXPORTER=otlp\nexport OTEL_LOGS_EXPORTER=otlp\nexport OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\nexport OTEL_EXPORTER_OTLP_ENDPOINT=${local.endpoint}\nexport OTEL_EXPORTER_OTLP_HEADERS='x-api-key=<API_KEY>'\nexport OTEL_METRIC_EXPORT_INTERVAL=60000\nexport OTEL_LOGS_EXPORT_INTERVAL=30000\nexport OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
    claude-code-managed-settings = "{\n  \"env\": {\n    \"CLAUDE_CODE_ENABLE_TELEMETRY\": \"1\",\n    \"OTEL_METRICS_EXPORTER\": \"otlp\",\n    \"OTEL_LOGS_EXPORTER\": \"otlp\",\n    \"OTEL_EXPORTER_OTLP_PROTOCOL\": \"http/protobuf\",\n    \"OTEL_EXPORTER_OTLP_ENDPOINT\": \"${local.endpoint}\",\n    \"OTEL_EXPORTER_OTLP_HEADERS\": \"x-api-key=<API_KEY>\",\n    \"OTEL_METRIC_EXPORT_INTERVAL\": \"60000\",\n    \"OTEL_LOGS_EXPORT_INTERVAL\": \"30000\",\n    \"OTEL_RESOURCE_ATTRIBUTES\": \"user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>\"\n  }\n}\n"
    claude-cowork                = "OTLP endpoint: ${local.endpoint}\nOTLP protocol: http/protobuf\nOTLP headers: x-api-key=<API_KEY>\n"
    copilot-cli-env              = "export COPILOT_OTEL_ENABLED=true\nexport OTEL_EXPORTER_OTLP_ENDPOINT=${local.endpoint}\nexport OTEL_EXPORTER_OTLP_HEADERS='x-api-key=<API_KEY>'\nexport OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\nexport OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
    gemini-cli-env               = "export GEMINI_TELEMETRY_ENABLED=true\nexport GEMINI_TELEMETRY_TARGET=local\nexport GEMINI_TELEMETRY_OTLP_ENDPOINT=${local.endpoint}\nexport GEMINI_TELEMETRY_OTLP_PROTOCOL=http\nexport OTEL_EXPORTER_OTLP_HEADERS='x-api-key=<API_KEY>'\nexport OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
    gemini-cli-settings          = "{\n  \"telemetry\": {\n    \"enabled\": true,\n    \"target\": \"local\",\n    \"otlpEndpoint\": \"${local.endpoint}\",\n    \"otlpProtocol\": \"http\"\n  }\n}\n"
    gemini-cli-settings-env      = "export OTEL_EXPORTER_OTLP_HEADERS='x-api-key=<API_KEY>'\nexport OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
    codex-config                 = "[otel]\nexporter = { otlp-http = { endpoint = \"${local.endpoint}/v1/logs\", protocol = \"binary\", headers = { \"x-api-key\" = \"<API_KEY>\" } } }\ntrace_exporter = { otlp-http = { endpoint = \"${local.endpoint}/v1/traces\", protocol = \"binary\", headers = { \"x-api-key\" = \"<API_KEY>\" } } }\nmetrics_exporter = { otlp-http = { endpoint = \"${local.endpoint}/v1/metrics\", protocol = \"binary\", headers = { \"x-api-key\" = \"<API_KEY>\" } } }\n# Coding Agent Insights attributes: set in the shell that starts Codex, not in this file:\n# export OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
    otel-sdk-env                 = "export OTEL_EXPORTER_OTLP_ENDPOINT=${local.endpoint}\nexport OTEL_EXPORTER_OTLP_HEADERS='x-api-key=<API_KEY>'\nexport OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\nexport OTEL_METRIC_EXPORT_INTERVAL=60000\nexport OTEL_BLRP_SCHEDULE_DELAY=30000\nexport OTEL_BLRP_MAX_EXPORT_BATCH_SIZE=100\nexport OTEL_BSP_SCHEDULE_DELAY=30000\nexport OTEL_BSP_MAX_EXPORT_BATCH_SIZE=256\nexport OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
  }
  client_config_execute_api = {
    claude-code-env              = "export CLAUDE_CODE_ENABLE_TELEMETRY=1\nexport OTEL_METRICS_EXPORTER=otlp\nexport OTEL_LOGS_EXPORTER=otlp\nexport OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\nexport OTEL_EXPORTER_OTLP_ENDPOINT='${local.endpoint}'\nexport OTEL_EXPORTER_OTLP_HEADERS='x-api-key=<API_KEY>'\nexport OTEL_METRIC_EXPORT_INTERVAL=60000\nexport OTEL_LOGS_EXPORT_INTERVAL=30000\nexport OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
    claude-code-managed-settings = "{\n  \"env\": {\n    \"CLAUDE_CODE_ENABLE_TELEMETRY\": \"1\",\n    \"OTEL_METRICS_EXPORTER\": \"otlp\",\n    \"OTEL_LOGS_EXPORTER\": \"otlp\",\n    \"OTEL_EXPORTER_OTLP_PROTOCOL\": \"http/protobuf\",\n    \"OTEL_EXPORTER_OTLP_ENDPOINT\": \"${local.endpoint}\",\n    \"OTEL_EXPORTER_OTLP_HEADERS\": \"x-api-key=<API_KEY>\",\n    \"OTEL_METRIC_EXPORT_INTERVAL\": \"60000\",\n    \"OTEL_LOGS_EXPORT_INTERVAL\": \"30000\",\n    \"OTEL_RESOURCE_ATTRIBUTES\": \"user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>\"\n  }\n}\n"
    claude-cowork                = "OTLP endpoint: ${local.endpoint}\nOTLP protocol: http/protobuf\nOTLP headers: x-api-key=<API_KEY>\n"
    copilot-cli-env              = "export COPILOT_OTEL_ENABLED=true\nexport OTEL_EXPORTER_OTLP_ENDPOINT='${local.endpoint}'\nexport OTEL_EXPORTER_OTLP_HEADERS='x-api-key=<API_KEY>'\nexport OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\nexport OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
    gemini-cli-env               = "export GEMINI_TELEMETRY_ENABLED=true\nexport GEMINI_TELEMETRY_TARGET=local\nexport GEMINI_TELEMETRY_OTLP_ENDPOINT='${local.endpoint}'\nexport GEMINI_TELEMETRY_OTLP_PROTOCOL=http\nexport OTEL_EXPORTER_OTLP_HEADERS='x-api-key=<API_KEY>'\nexport OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
    gemini-cli-settings          = "{\n  \"telemetry\": {\n    \"enabled\": true,\n    \"target\": \"local\",\n    \"otlpEndpoint\": \"${local.endpoint}\",\n    \"otlpProtocol\": \"http\"\n  }\n}\n"
    gemini-cli-settings-env      = "export OTEL_EXPORTER_OTLP_HEADERS='x-api-key=<API_KEY>'\nexport OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
    codex-config                 = "[otel]\nexporter = { otlp-http = { endpoint = \"${local.endpoint}/v1/logs\", protocol = \"binary\", headers = { \"x-api-key\" = \"<API_KEY>\" } } }\ntrace_exporter = { otlp-http = { endpoint = \"${local.endpoint}/v1/traces\", protocol = \"binary\", headers = { \"x-api-key\" = \"<API_KEY>\" } } }\nmetrics_exporter = { otlp-http = { endpoint = \"${local.endpoint}/v1/metrics\", protocol = \"binary\", headers = { \"x-api-key\" = \"<API_KEY>\" } } }\n# Coding Agent Insights attributes: set in the shell that starts Codex, not in this file:\n# export OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
    otel-sdk-env                 = "export OTEL_EXPORTER_OTLP_ENDPOINT='${local.endpoint}'\nexport OTEL_EXPORTER_OTLP_HEADERS='x-api-key=<API_KEY>'\nexport OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf\nexport OTEL_METRIC_EXPORT_INTERVAL=60000\nexport OTEL_BLRP_SCHEDULE_DELAY=30000\nexport OTEL_BLRP_MAX_EXPORT_BATCH_SIZE=100\nexport OTEL_BSP_SCHEDULE_DELAY=30000\nexport OTEL_BSP_MAX_EXPORT_BATCH_SIZE=256\nexport OTEL_RESOURCE_ATTRIBUTES='user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'\n"
  }
}

output "otlp_endpoint" {
  description = "Base OTLP/HTTP endpoint for tools (OTEL_EXPORTER_OTLP_ENDPOINT); clients append /v1/<signal>."
  value       = local.endpoint
}

output "metrics_url" {
  description = "Full URL of the metrics route (POST /v1/metrics), for per-signal endpoint settings; null when signals leaves the route out."
  value       = contains(local.signals, "metrics") ? "${local.endpoint}/v1/metrics" : null
}

output "traces_url" {
  description = "Full URL of the traces route (POST /v1/traces), for per-signal endpoint settings; null when signals leaves the route out."
  value       = contains(local.signals, "traces") ? "${local.endpoint}/v1/traces" : null
}

output "logs_url" {
  description = "Full URL of the logs route (POST /v1/logs), for per-signal endpoint settings; null when signals leaves the route out."
  value       = contains(local.signals, "logs") ? "${local.endpoint}/v1/logs" : null
}

output "api_key_id" {
  description = "ID of the first team's API key (not its value). Kept for compatibility: see api_key_ids."
  value       = aws_api_gateway_api_key.team[var.teams[0].name].id
}

output "get_api_key_command" {
  description = "Prints the first team's API key value; send it in the x-api-key header. Kept for compatibility: see get_api_key_commands."
  value       = "aws apigateway get-api-key --api-key ${aws_api_gateway_api_key.team[var.teams[0].name].id} --include-value --region ${local.region} --query value --output text"
}

output "api_key_ids" {
  description = "ID of each team's API key, by team name (not the values); access logs record these ids as apiKeyId."
  value       = { for t in var.teams : t.name => aws_api_gateway_api_key.team[t.name].id }
}

output "get_api_key_commands" {
  description = "For each team, the command that prints its API key value; send the value in the x-api-key header."
  value       = { for t in var.teams : t.name => "aws apigateway get-api-key --api-key ${aws_api_gateway_api_key.team[t.name].id} --include-value --region ${local.region} --query value --output text" }
}

output "log_group_name" {
  description = "CloudWatch log group that receives OTLP log records."
  value       = aws_cloudwatch_log_group.otlp_logs.name
}

output "log_stream_names" {
  description = "The log stream of each team, by team name: its API key id, which API Gateway sets as the stream of every log record sent with that key; null when log_streams is shared or the logs route is off (the streams exist whenever log_streams is per-team, so turning the route back on finds them)."
  value       = var.log_streams == "per-team" && contains(local.signals, "logs") ? { for t in var.teams : t.name => aws_cloudwatch_log_stream.team[t.name].name } : null
}

output "client_config" {
  description = "Ready settings for each AI tool and any OpenTelemetry SDK, by name; replace <API_KEY> with the key from get_api_key_command."
  value       = var.domain_name != null ? local.client_config_custom_domain : local.client_config_execute_api
}

output "access_log_group_name" {
  description = "CloudWatch log group of the stage's access logs: one JSON line per request; null when access_logs is false."
  value       = one(aws_cloudwatch_log_group.access_logs[*].name)
}

output "custom_domain_target" {
  description = "Regional target of the custom domain: point a CNAME or alias record at it when the module creates no Route 53 record; null without domain_name."
  value       = one(aws_api_gateway_domain_name.custom_domain[*].regional_domain_name)
}

output "execute_api_endpoint" {
  description = "The stage's own execute-api URL when a custom domain is set (otlp_endpoint is then the custom domain); null without domain_name."
  value       = var.domain_name != null ? aws_api_gateway_stage.api_stage.invoke_url : null
}

output "dashboard_url" {
  description = "CloudWatch console URL of this region's proxy dashboard; null when the dashboard is off."
  value       = var.dashboard.enabled ? "https://${local.region}.console.aws.amazon.com/cloudwatch/home?region=${local.region}#dashboards/dashboard/${aws_cloudwatch_dashboard.proxy[0].dashboard_name}" : null
}

output "alarm_topic_arn" {
  description = "SNS topic the proxy's alarms notify (email subscribers must confirm); null when there is none."
  value       = local.alarm_topic_arn
}

output "transaction_search_stack_id" {
  description = "CloudFormation stack that turned on X-Ray Transaction Search in this account and region; null when the module does not turn it on."
  value       = one(aws_cloudformation_stack.transaction_search[*].id)
}
