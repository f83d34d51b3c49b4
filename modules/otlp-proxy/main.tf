data "aws_region" "current" {
}

locals {
  region      = data.aws_region.current.name
  route_paths = [for s in local.signals : "/v1/${s}"]
  integration_statements = {
    metrics = { Sid = "OtlpMetrics", Effect = "Allow", Action = ["cloudwatch:PutMetricData"], Resource = "*" }
    traces = {
      Sid      = "OtlpTraces"
      Effect   = "Allow"
      Action   = ["xray:PutTraceSegments", "xray:PutSpans", "xray:PutSpansForIndexing"]
      Resource = "*"
    }
    logs = {
      Sid      = "OtlpLogs"
      Effect   = "Allow"
      Action   = ["logs:PutLogEvents"]
      Resource = [aws_cloudwatch_log_group.otlp_logs.arn, "${aws_cloudwatch_log_group.otlp_logs.arn}:*"]
    }
  }
  deployment_serves = merge(
    { "aws_api_gateway_resource.v1" = { for name, value in { rest_api_id = aws_api_gateway_rest_api.api.id, parent_id = aws_api_gateway_rest_api.api.root_resource_id, path_part = "v1" } : name => value if value != null } },
    { for k in ["metrics", "traces", "logs"] : "aws_api_gateway_resource.${k}" => contains(local.signals, k) ? [for each in [{ key = k, value = local.signal_routes[k] }] : { for name, value in { rest_api_id = aws_api_gateway_rest_api.api.id, parent_id = aws_api_gateway_resource.v1.id, path_part = each.key } : name => value if value != null }][0] : null },
    { for k in ["metrics", "traces", "logs"] : "aws_api_gateway_method.${k}_post" => contains(local.signals, k) ? [for each in [{ key = k, value = local.signal_routes[k] }] : { for name, value in { rest_api_id = aws_api_gateway_rest_api.api.id, resource_id = aws_api_gateway_resource.route[each.key].id, http_method = "POST", authorization = "NONE", api_key_required = true, request_parameters = { "method.request.header.Content-Type" = false } } : name => value if value != null }][0] : null },
    { for k in ["metrics", "traces", "logs"] : "aws_api_gateway_integration.${k}_integration" => contains(local.signals, k) ? [for each in [{ key = k, value = local.signal_routes[k] }] : { for name, value in { rest_api_id = aws_api_gateway_rest_api.api.id, resource_id = aws_api_gateway_resource.route[each.key].id, http_method = "POST", type = "AWS", integration_http_method = "POST", uri = "arn:aws:apigateway:${local.region}:${each.value.service}:path${each.value.path}", credentials = aws_iam_role.integration.arn, passthrough_behavior = "WHEN_NO_MATCH", request_parameters = each.value.request_parameters } : name => value if value != null }][0] : null },
    { for k in [for pair in setproduct(["metrics", "traces", "logs"], keys(local.status_mappings)) : "${pair[0]}/${pair[1]}"] : "aws_api_gateway_method_response.${split("/", k)[0]}_method_response_${split("/", k)[1]}" => contains(keys(local.route_responses), k) ? [for each in [{ key = k, value = local.route_responses[k] }] : { for name, value in { rest_api_id = aws_api_gateway_rest_api.api.id, resource_id = aws_api_gateway_resource.route[each.value.signal].id, http_method = "POST", status_code = each.value.status_code, response_parameters = length(each.value.headers) > 0 ? { for h in each.value.headers : "method.response.header.${h}" => false } : null } : name => value if value != null }][0] : null },
    { for k in [for pair in setproduct(["metrics", "traces", "logs"], keys(local.status_mappings)) : "${pair[0]}/${pair[1]}"] : "aws_api_gateway_integration_response.${split("/", k)[0]}_integration_response_${split("/", k)[1]}" => contains(keys(local.route_responses), k) ? [for each in [{ key = k, value = local.route_responses[k] }] : { for name, value in { rest_api_id = aws_api_gateway_rest_api.api.id, resource_id = aws_api_gateway_resource.route[each.value.signal].id, http_method = "POST", status_code = each.value.status_code, selection_pattern = each.value.selection_pattern, content_handling = "CONVERT_TO_TEXT", response_parameters = length(each.value.headers) > 0 ? { for h in each.value.headers : "method.response.header.${h}" => "integration.response.header.${h}" } : null } : name => value if value != null }][0] : null },
    { for k in keys(local.gateway_responses) : "aws_api_gateway_gateway_response.gateway_response_${lower(k)}" => k != "ACCESS_DENIED" || local.source_ip_restricted ? [for each in [{ key = k, value = local.gateway_responses[k] }] : { for name, value in { rest_api_id = aws_api_gateway_rest_api.api.id, response_type = each.key, status_code = each.value.status_code, response_templates = { "application/json" = each.value.body }, response_parameters = length(each.value.headers) > 0 ? { for name, value in each.value.headers : "gatewayresponse.header.${name}" => "'${value}'" } : null } : name => value if value != null }][0] : null },
    { "aws_api_gateway_rest_api_policy.source_ip_policy" = (local.source_ip_restricted ? 1 : 0) > 0 ? { for name, value in { rest_api_id = aws_api_gateway_rest_api.api.id, policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "AllowInvoke", Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "${aws_api_gateway_rest_api.api.execution_arn}/*" }, { Sid = "DenyOtherSourceIps", Effect = "Deny", Principal = "*", Action = "execute-api:Invoke", Resource = "${aws_api_gateway_rest_api.api.execution_arn}/*", Condition = { NotIpAddress = { "aws:SourceIp" = local.allowed_source_cidrs } } }] }) } : name => value if value != null } : null },
    { "aws_api_gateway_rest_api.api" = { for name, value in { api_key_source = "HEADER", binary_media_types = ["application/x-protobuf"], minimum_compression_size = "0", disable_execute_api_endpoint = var.disable_execute_api_endpoint } : name => value if value != null } },
  )
}

resource "aws_iam_role" "integration" {
  name        = "${var.name_prefix}-${local.region}"
  description = "Assumed by API Gateway to forward OTLP requests to CloudWatch's OTLP endpoints."
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "apigateway.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "integration_policy" {
  name   = "otlp-ingest"
  role   = aws_iam_role.integration.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [for s in local.signals : local.integration_statements[s]] })
}

resource "aws_api_gateway_rest_api" "api" {
  name                         = var.name_prefix
  description                  = "OTLP/HTTP to CloudWatch's native OTLP endpoints, signed by API Gateway. No code in the data path."
  api_key_source               = "HEADER"
  binary_media_types           = ["application/x-protobuf"]
  minimum_compression_size     = "0"
  disable_execute_api_endpoint = var.disable_execute_api_endpoint
  tags                         = var.tags
  endpoint_configuration {
    types           = ["REGIONAL"]
    ip_address_type = var.ip_address_type
  }

  lifecycle {
    precondition {
      condition     = contains(["af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"], local.region)
      error_message = "the provider's region: a commercial AWS region: af-south-1, ap-east-1, ap-east-2, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1, ap-south-2, ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4, ap-southeast-5, ap-southeast-6, ap-southeast-7, ca-central-1, ca-west-1, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3, il-central-1, me-central-1, me-south-1, mx-central-1, sa-east-1, us-east-1, us-east-2, us-west-1, us-west-2."
    }
    precondition {
      condition     = !contains(var.signals, "metrics") || !contains(["il-central-1", "me-central-1", "me-south-1"], local.region)
      error_message = "signals: metrics only in a region where CloudWatch has the OTLP metrics endpoint: af-south-1, ap-east-1, ap-east-2, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1, ap-south-2, ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4, ap-southeast-5, ap-southeast-6, ap-southeast-7, ca-central-1, ca-west-1, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3, mx-central-1, sa-east-1, us-east-1, us-east-2, us-west-1, us-west-2."
    }
    precondition {
      condition     = alltrue([for limits in values(local.team_limits) : limits.burst_limit >= limits.rate_limit])
      error_message = "teams[*].burst_limit: a burst at least the rate, so one second of traffic fits in a burst (a limit a team leaves out is the one of throttle)."
    }
    precondition {
      condition     = local.access_log_group_name != var.log_group_name
      error_message = "access_log_group_name: a log group other than log_group_name, which holds the OTLP log records."
    }
    precondition {
      condition     = var.ip_address_type == "dualstack" || (var.allowed_source_cidrs == null ? true : alltrue([for c in var.allowed_source_cidrs : !strcontains(c, ":")]))
      error_message = "allowed_source_cidrs: IPv4 ranges only while ip_address_type is \"ipv4\": an ipv4 endpoint takes no IPv6 connection, so an IPv6 range could never match; set ip_address_type to \"dualstack\" to admit IPv6 clients."
    }
    precondition {
      condition     = var.web_acl_arn == null ? true : split(":", var.web_acl_arn)[3] == local.region
      error_message = "web_acl_arn: an ARN in the region of the API that uses it (a regional WAFv2 web ACL works only there)."
    }
    precondition {
      condition     = var.certificate_arn == null ? true : split(":", var.certificate_arn)[3] == local.region
      error_message = "certificate_arn: an ARN in the region of the API that uses it (a regional custom domain needs a certificate of its own region)."
    }
    precondition {
      condition     = var.domain_name == null || var.certificate_arn != null
      error_message = "certificate_arn: an ACM certificate ARN of the region, since domain_name needs certificate_arn (a custom domain needs a certificate in its own region)."
    }
    precondition {
      condition     = var.certificate_arn == null || var.domain_name != null
      error_message = "certificate_arn: only together with domain_name."
    }
    precondition {
      condition     = var.hosted_zone_id == null || var.domain_name != null
      error_message = "hosted_zone_id: only together with domain_name."
    }
    precondition {
      condition     = var.base_path == null || var.domain_name != null
      error_message = "base_path: only together with domain_name."
    }
    precondition {
      condition     = !var.disable_execute_api_endpoint || var.domain_name != null
      error_message = "disable_execute_api_endpoint: true only where domain_name gives a custom domain (disable_execute_api_endpoint needs domain_name, or the API would have no endpoint at all)."
    }
  }
}

locals {
  signal_routes = {
    metrics = {
      service            = "monitoring"
      path               = "/v1/metrics"
      request_parameters = { "integration.request.header.Content-Type" = "method.request.header.Content-Type" }
    }
    traces = {
      service            = "xray"
      path               = "/v1/traces"
      request_parameters = { "integration.request.header.Content-Type" = "method.request.header.Content-Type" }
    }
    logs = {
      service = "logs"
      path    = "/v1/logs"
      request_parameters = {
        "integration.request.header.Content-Type"     = "method.request.header.Content-Type"
        "integration.request.header.x-aws-log-group"  = "'${aws_cloudwatch_log_group.otlp_logs.name}'"
        "integration.request.header.x-aws-log-stream" = var.log_streams == "per-team" ? "context.identity.apiKeyId" : "'${aws_cloudwatch_log_stream.otlp_logs_stream.name}'"
      }
    }
  }
  signals = [for s in ["metrics", "traces", "logs"] : s if contains(var.signals, s)]
  routes  = { for s in local.signals : s => local.signal_routes[s] }
  status_mappings = {
    "200" = { selection_pattern = "^(2[0-9][0-9])$", headers = [] }
    "400" = { selection_pattern = "^(4([3-9][0-9]|0[025-9]|1[0-246-9]|2[0-8]))$", headers = [] }
    "401" = { selection_pattern = "^(401)$", headers = [] }
    "403" = { selection_pattern = "^(403)$", headers = [] }
    "404" = { selection_pattern = "^(404)$", headers = [] }
    "413" = { selection_pattern = "^(413)$", headers = [] }
    "415" = { selection_pattern = "^(415)$", headers = [] }
    "429" = { selection_pattern = "^(429)$", headers = ["Retry-After"] }
    "500" = { selection_pattern = null, headers = [] }
    "502" = { selection_pattern = "^(502)$", headers = [] }
    "503" = { selection_pattern = "^(503)$", headers = ["Retry-After"] }
    "504" = { selection_pattern = "^(504)$", headers = [] }
  }
  route_responses = { for pair in setproduct(local.signals, keys(local.status_mappings)) : "${pair[0]}/${pair[1]}" => merge(local.status_mappings[pair[1]], { signal = pair[0], status_code = pair[1] }) }
  gateway_responses = {
    INVALID_API_KEY = {
      status_code = "403"
      body        = "{\"message\":\"Forbidden: missing, unknown or disabled API key. Send your team's key in the x-api-key header.\"}"
      headers     = {}
    }
    MISSING_AUTHENTICATION_TOKEN = {
      status_code = "404"
      body        = "{\"message\":\"Not found: this OTLP proxy serves only ${join(", ", [for s in local.signals : "POST /${var.stage_name}/v1/${s}"])}.\"}"
      headers     = {}
    }
    THROTTLED = {
      status_code = "429"
      body        = "{\"message\":\"Too many requests: this API key is over its usage plan's rate limit. Retry later or send larger batches less often.\"}"
      headers     = { Retry-After = "1" }
    }
    QUOTA_EXCEEDED = {
      status_code = "429"
      body        = "{\"message\":\"Quota exceeded: this API key has used its usage plan's request quota for the current period.\"}"
      headers     = {}
    }
    REQUEST_TOO_LARGE = {
      status_code = "413"
      body        = "{\"message\":\"Request body too large: API Gateway accepts at most 10 MB per request. Export smaller batches.\"}"
      headers     = {}
    }
    UNSUPPORTED_MEDIA_TYPE = {
      status_code = "415"
      body        = "{\"message\":\"Unsupported Content-Encoding: send the body uncompressed or compressed with gzip.\"}"
      headers     = {}
    }
    INTEGRATION_TIMEOUT = {
      status_code = "504"
      body        = "{\"message\":\"CloudWatch did not answer in time. Retry the export.\"}"
      headers     = {}
    }
    ACCESS_DENIED = {
      status_code = "403"
      body        = "{\"message\":\"Forbidden: your network address is not in this OTLP proxy's allowed source ranges.\"}"
      headers     = {}
    }
  }
  source_ip_restricted = var.allowed_source_cidrs != null
  allowed_source_cidrs = var.allowed_source_cidrs == null ? null : [for c in var.allowed_source_cidrs : strcontains(c, "/") ? c : "${c}/${strcontains(c, ":") ? 128 : 32}"]
}

resource "aws_api_gateway_resource" "v1" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "v1"

  depends_on = [aws_api_gateway_rest_api.api]
}

resource "aws_api_gateway_resource" "route" {
  for_each = local.routes

  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_resource.v1.id
  path_part   = each.key

  depends_on = [aws_api_gateway_resource.v1]
}

resource "aws_api_gateway_method" "post" {
  for_each = local.routes

  rest_api_id        = aws_api_gateway_rest_api.api.id
  resource_id        = aws_api_gateway_resource.route[each.key].id
  http_method        = "POST"
  authorization      = "NONE"
  api_key_required   = true
  request_parameters = { "method.request.header.Content-Type" = false }

  depends_on = [aws_api_gateway_resource.route]
}

resource "aws_api_gateway_integration" "post" {
  for_each = local.routes

  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.route[each.key].id
  http_method             = "POST"
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${local.region}:${each.value.service}:path${each.value.path}"
  credentials             = aws_iam_role.integration.arn
  passthrough_behavior    = "WHEN_NO_MATCH"
  request_parameters      = each.value.request_parameters

  depends_on = [aws_api_gateway_method.post]
}

resource "aws_api_gateway_method_response" "post" {
  for_each = local.route_responses

  rest_api_id         = aws_api_gateway_rest_api.api.id
  resource_id         = aws_api_gateway_resource.route[each.value.signal].id
  http_method         = "POST"
  status_code         = each.value.status_code
  response_parameters = length(each.value.headers) > 0 ? { for h in each.value.headers : "method.response.header.${h}" => false } : null

  depends_on = [aws_api_gateway_integration.post]
}

resource "aws_api_gateway_integration_response" "post" {
  for_each = local.route_responses

  rest_api_id         = aws_api_gateway_rest_api.api.id
  resource_id         = aws_api_gateway_resource.route[each.value.signal].id
  http_method         = "POST"
  status_code         = each.value.status_code
  selection_pattern   = each.value.selection_pattern
  content_handling    = "CONVERT_TO_TEXT"
  response_parameters = length(each.value.headers) > 0 ? { for h in each.value.headers : "method.response.header.${h}" => "integration.response.header.${h}" } : null

  depends_on = [aws_api_gateway_method_response.post]
}

resource "aws_api_gateway_gateway_response" "otlp" {
  for_each = { for type, r in local.gateway_responses : type => r if type != "ACCESS_DENIED" || local.source_ip_restricted }

  rest_api_id         = aws_api_gateway_rest_api.api.id
  response_type       = each.key
  status_code         = each.value.status_code
  response_templates  = { "application/json" = each.value.body }
  response_parameters = length(each.value.headers) > 0 ? { for name, value in each.value.headers : "gatewayresponse.header.${name}" => "'${value}'" } : null

  depends_on = [aws_api_gateway_integration_response.post]
}

resource "aws_api_gateway_rest_api_policy" "source_ip_policy" {
  count = local.source_ip_restricted ? 1 : 0

  rest_api_id = aws_api_gateway_rest_api.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AllowInvoke"
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "${aws_api_gateway_rest_api.api.execution_arn}/*"
      },
      {
        Sid       = "DenyOtherSourceIps"
        Effect    = "Deny"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "${aws_api_gateway_rest_api.api.execution_arn}/*"
        Condition = { NotIpAddress = { "aws:SourceIp" = local.allowed_source_cidrs } }
      },
    ]
  })

  depends_on = [aws_api_gateway_gateway_response.otlp]
}

resource "aws_api_gateway_deployment" "api_deployment" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  description = "Managed by Terraform; replaced whenever a route, integration or response changes."
  triggers    = { redeployment = sha1(jsonencode(local.deployment_serves)) }

  lifecycle {
    create_before_destroy = true
  }
  depends_on = [
    aws_iam_role_policy.integration_policy,
    aws_cloudwatch_log_stream.team,
    aws_api_gateway_rest_api_policy.source_ip_policy,
  ]
}

resource "aws_api_gateway_account" "account" {
  count = local.logging_role_created ? 1 : 0

  cloudwatch_role_arn = aws_iam_role.account_logging[0].arn

  depends_on = [
    aws_iam_role_policy_attachment.account_logging_push_to_cloudwatch_logs,
    aws_api_gateway_deployment.api_deployment,
  ]
}

resource "aws_api_gateway_stage" "api_stage" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  stage_name    = var.stage_name
  deployment_id = aws_api_gateway_deployment.api_deployment.id
  description   = "OTLP endpoint; clients send x-api-key."
  tags          = var.tags
  dynamic "access_log_settings" {
    for_each = var.access_logs ? [1] : []

    content {
      destination_arn = aws_cloudwatch_log_group.access_logs[0].arn
      format          = "{\"requestId\":\"$context.requestId\",\"extendedRequestId\":\"$context.extendedRequestId\",\"time\":\"$context.requestTime\",\"timeEpochMillis\":\"$context.requestTimeEpoch\",\"sourceIp\":\"$context.identity.sourceIp\",\"userAgent\":\"$context.identity.userAgent\",\"apiKeyId\":\"$context.identity.apiKeyId\",\"httpMethod\":\"$context.httpMethod\",\"resourcePath\":\"$context.resourcePath\",\"path\":\"$context.path\",\"protocol\":\"$context.protocol\",\"stage\":\"$context.stage\",\"domainName\":\"$context.domainName\",\"status\":\"$context.status\",\"responseLength\":\"$context.responseLength\",\"responseLatency\":\"$context.responseLatency\",\"integrationStatus\":\"$context.integration.status\",\"integrationLatency\":\"$context.integration.latency\",\"errorMessage\":$context.error.messageString,\"errorResponseType\":\"$context.error.responseType\",\"integrationErrorMessage\":\"$context.integrationErrorMessage\",\"wafResponseCode\":\"$context.wafResponseCode\"}"
    }
  }

  depends_on = [aws_api_gateway_account.account]
}

resource "aws_api_gateway_method_settings" "method_settings" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.api_stage.stage_name
  method_path = "*/*"
  settings {
    logging_level      = local.execution_log_level
    metrics_enabled    = var.detailed_metrics
    data_trace_enabled = false
  }

  depends_on = [aws_cloudwatch_log_group.execution_logs, aws_api_gateway_stage.api_stage]
}

resource "aws_api_gateway_method_settings" "metrics_throttle" {
  count = var.metrics_throttle.enabled && contains(local.signals, "metrics") ? 1 : 0

  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.api_stage.stage_name
  method_path = "v1/metrics/POST"
  settings {
    logging_level          = local.execution_log_level
    metrics_enabled        = var.detailed_metrics
    data_trace_enabled     = false
    throttling_rate_limit  = var.metrics_throttle.rate_limit
    throttling_burst_limit = var.metrics_throttle.burst_limit
  }

  depends_on = [aws_cloudwatch_log_group.execution_logs, aws_api_gateway_method_settings.method_settings]
}

resource "aws_wafv2_web_acl_association" "web_acl" {
  count = var.web_acl_arn != null ? 1 : 0

  resource_arn = aws_api_gateway_stage.api_stage.arn
  web_acl_arn  = var.web_acl_arn

  depends_on = [aws_api_gateway_method_settings.metrics_throttle]
}
