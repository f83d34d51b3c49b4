locals {
  dashboard_sections = [
    {
      include = var.alarms.enabled
      height  = 2
      widgets = [
        {
          type   = "alarm"
          x      = 0
          y      = 0
          width  = 24
          height = 2
          properties = {
            title  = "Alarms"
            alarms = [for id in ["server-errors", "client-errors", "integration-latency", "throttled"] : aws_cloudwatch_metric_alarm.proxy[id].arn if contains(keys(aws_cloudwatch_metric_alarm.proxy), id)]
          }
        },
      ]
    },
    {
      include = true
      height  = 7
      widgets = [
        {
          type   = "text"
          x      = 0
          y      = 0
          width  = 24
          height = 1
          properties = {
            markdown = "## Proxy health: API `${aws_api_gateway_rest_api.api.name}`, stage `${aws_api_gateway_stage.api_stage.stage_name}` (AWS/ApiGateway)"
          }
        },
        {
          type   = "metric"
          x      = 0
          y      = 1
          width  = 6
          height = 6
          properties = {
            title   = "Requests"
            region  = local.region
            view    = "timeSeries"
            stacked = false
            period  = var.alarms.period_seconds
            metrics = [
              [
                "AWS/ApiGateway",
                "Count",
                "ApiName",
                aws_api_gateway_rest_api.api.name,
                "Stage",
                aws_api_gateway_stage.api_stage.stage_name,
                { stat = "SampleCount", label = "requests" },
              ],
            ]
          }
        },
        {
          type   = "metric"
          x      = 6
          y      = 1
          width  = 6
          height = 6
          properties = {
            title   = "Errors"
            region  = local.region
            view    = "timeSeries"
            stacked = false
            period  = var.alarms.period_seconds
            metrics = [
              [
                "AWS/ApiGateway",
                "4XXError",
                "ApiName",
                aws_api_gateway_rest_api.api.name,
                "Stage",
                aws_api_gateway_stage.api_stage.stage_name,
                { stat = "Sum", label = "4XX (bad or missing key, throttled, bad request)" },
              ],
              [
                "AWS/ApiGateway",
                "5XXError",
                "ApiName",
                aws_api_gateway_rest_api.api.name,
                "Stage",
                aws_api_gateway_stage.api_stage.stage_name,
                { stat = "Sum", label = "5XX (CloudWatch or integration failure)" },
              ],
            ]
          }
        },
        {
          type   = "metric"
          x      = 12
          y      = 1
          width  = 6
          height = 6
          properties = {
            title   = "Latency (ms)"
            region  = local.region
            view    = "timeSeries"
            stacked = false
            period  = var.alarms.period_seconds
            metrics = [
              [
                "AWS/ApiGateway",
                "Latency",
                "ApiName",
                aws_api_gateway_rest_api.api.name,
                "Stage",
                aws_api_gateway_stage.api_stage.stage_name,
                { stat = "p50", label = "p50" },
              ],
              [
                "AWS/ApiGateway",
                "Latency",
                "ApiName",
                aws_api_gateway_rest_api.api.name,
                "Stage",
                aws_api_gateway_stage.api_stage.stage_name,
                { stat = "p99", label = "p99" },
              ],
            ]
          }
        },
        {
          type   = "metric"
          x      = 18
          y      = 1
          width  = 6
          height = 6
          properties = {
            title   = "Integration latency: CloudWatch's answer time (ms)"
            region  = local.region
            view    = "timeSeries"
            stacked = false
            period  = var.alarms.period_seconds
            metrics = [
              [
                "AWS/ApiGateway",
                "IntegrationLatency",
                "ApiName",
                aws_api_gateway_rest_api.api.name,
                "Stage",
                aws_api_gateway_stage.api_stage.stage_name,
                { stat = "p50", label = "p50" },
              ],
              [
                "AWS/ApiGateway",
                "IntegrationLatency",
                "ApiName",
                aws_api_gateway_rest_api.api.name,
                "Stage",
                aws_api_gateway_stage.api_stage.stage_name,
                { stat = "p99", label = "p99" },
              ],
            ]
          }
        },
      ]
    },
    {
      include = var.detailed_metrics
      height  = 6
      widgets = [
        {
          type   = "metric"
          x      = 0
          y      = 0
          width  = 6
          height = 6
          properties = {
            title   = "Requests per route"
            region  = local.region
            view    = "timeSeries"
            stacked = false
            period  = var.alarms.period_seconds
            metrics = [for route in local.route_paths : ["AWS/ApiGateway", "Count", "ApiName", aws_api_gateway_rest_api.api.name, "Method", "POST", "Resource", route, "Stage", aws_api_gateway_stage.api_stage.stage_name, { stat = "SampleCount", label = route }]]
          }
        },
        {
          type   = "metric"
          x      = 6
          y      = 0
          width  = 6
          height = 6
          properties = {
            title   = "4XX per route"
            region  = local.region
            view    = "timeSeries"
            stacked = false
            period  = var.alarms.period_seconds
            metrics = [for route in local.route_paths : ["AWS/ApiGateway", "4XXError", "ApiName", aws_api_gateway_rest_api.api.name, "Method", "POST", "Resource", route, "Stage", aws_api_gateway_stage.api_stage.stage_name, { stat = "Sum", label = route }]]
          }
        },
        {
          type   = "metric"
          x      = 12
          y      = 0
          width  = 6
          height = 6
          properties = {
            title   = "5XX per route"
            region  = local.region
            view    = "timeSeries"
            stacked = false
            period  = var.alarms.period_seconds
            metrics = [for route in local.route_paths : ["AWS/ApiGateway", "5XXError", "ApiName", aws_api_gateway_rest_api.api.name, "Method", "POST", "Resource", route, "Stage", aws_api_gateway_stage.api_stage.stage_name, { stat = "Sum", label = route }]]
          }
        },
        {
          type   = "metric"
          x      = 18
          y      = 0
          width  = 6
          height = 6
          properties = {
            title   = "Integration latency p99 per route (ms)"
            region  = local.region
            view    = "timeSeries"
            stacked = false
            period  = var.alarms.period_seconds
            metrics = [for route in local.route_paths : ["AWS/ApiGateway", "IntegrationLatency", "ApiName", aws_api_gateway_rest_api.api.name, "Method", "POST", "Resource", route, "Stage", aws_api_gateway_stage.api_stage.stage_name, { stat = "p99", label = route }]]
          }
        },
      ]
    },
    {
      include = var.access_logs
      height  = 7
      widgets = [
        {
          type       = "text"
          x          = 0
          y          = 0
          width      = 24
          height     = 1
          properties = { markdown = "## Teams: requests and errors per API key (access logs)" }
        },
        {
          type   = "log"
          x      = 0
          y      = 1
          width  = 8
          height = 6
          properties = {
            title  = "Requests per key and status class"
            region = local.region
            view   = "table"
            query  = "SOURCE '${try(aws_cloudwatch_log_group.access_logs[0].name, "")}' | fields concat(substr(status, 0, 1), \"xx\") as statusClass | stats count(*) as requests by apiKeyId, statusClass | sort requests desc"
          }
        },
        {
          type   = "log"
          x      = 8
          y      = 1
          width  = 8
          height = 6
          properties = {
            title  = "4XX and 5XX per key"
            region = local.region
            view   = "timeSeries"
            query  = "SOURCE '${try(aws_cloudwatch_log_group.access_logs[0].name, "")}' | filter status like /^[45]/ | stats count(*) as errors by bin(5m), apiKeyId"
          }
        },
        {
          type   = "log"
          x      = 16
          y      = 1
          width  = 8
          height = 6
          properties = {
            title  = "429 (over the team's limit) per key and route"
            region = local.region
            view   = "table"
            query  = "SOURCE '${try(aws_cloudwatch_log_group.access_logs[0].name, "")}' | filter status like /^429$/ | stats count(*) as throttled by apiKeyId, resourcePath | sort throttled desc"
          }
        },
      ]
    },
    {
      include = var.access_logs
      height  = min(6, 2 + length(var.teams))
      widgets = [
        {
          type   = "text"
          x      = 0
          y      = 0
          width  = 24
          height = min(6, 2 + length(var.teams))
          properties = {
            markdown = "Key ids by team:\n\n${join("\n", [for t in var.teams : "- `${aws_api_gateway_api_key.team[t.name].id}`: ${t.name}"])}"
          }
        },
      ]
    },
    {
      include = var.dashboard.ai_usage_widgets && contains(local.signals, "metrics") && contains(["af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"], local.region)
      height  = 33
      widgets = [
        {
          type       = "text"
          x          = 0
          y          = 0
          width      = 24
          height     = 1
          properties = { markdown = "## AI tools: cost, tokens, sessions and users (OTLP metrics, PromQL)" }
        },
        {
          type   = "text"
          x      = 0
          y      = 1
          width  = 24
          height = 2
          properties = {
            markdown = "Users, teams, departments, cost centers and organizations are the resource attributes CloudWatch's Coding Agent Insights reads (`OTEL_RESOURCE_ATTRIBUTES` on each developer's machine), so these widgets and its dashboards show the same numbers. They are what clients claim. Copilot CLI and Codex send no cost metric."
          }
        },
        {
          type   = "chart"
          x      = 0
          y      = 3
          width  = 8
          height = 6
          properties = {
            title  = "Claude Code cost (USD per hour) by model"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum by (\"model\") (sum_over_time({\"claude_code.cost.usage\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 8
          y      = 3
          width  = 8
          height = 6
          properties = {
            title  = "Claude Code cost (USD per hour) by user"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum by (\"@resource.user.email\") (sum_over_time({\"claude_code.cost.usage\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 16
          y      = 3
          width  = 8
          height = 6
          properties = {
            title  = "Claude Code cost (USD per hour) by team"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum by (\"@resource.team.id\") (sum_over_time({\"claude_code.cost.usage\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 0
          y      = 9
          width  = 8
          height = 6
          properties = {
            title  = "Claude Code cost (USD per hour) by department"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum by (\"@resource.department\") (sum_over_time({\"claude_code.cost.usage\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 8
          y      = 9
          width  = 8
          height = 6
          properties = {
            title  = "Claude Code cost (USD per hour) by cost center"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum by (\"@resource.cost_center\") (sum_over_time({\"claude_code.cost.usage\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 16
          y      = 9
          width  = 8
          height = 6
          properties = {
            title  = "Claude Code cost (USD per hour) by organization"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum by (\"@resource.organization\") (sum_over_time({\"claude_code.cost.usage\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 0
          y      = 15
          width  = 8
          height = 6
          properties = {
            title  = "Claude Code tokens per hour by model and type"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum by (\"model\", \"type\") (sum_over_time({\"claude_code.token.usage\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 8
          y      = 15
          width  = 8
          height = 6
          properties = {
            title  = "Claude Code tokens per hour by team"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum by (\"@resource.team.id\") (sum_over_time({\"claude_code.token.usage\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 16
          y      = 15
          width  = 8
          height = 6
          properties = {
            title  = "Claude Code sessions per hour"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum(sum_over_time({\"claude_code.session.count\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 0
          y      = 21
          width  = 8
          height = 6
          properties = {
            title  = "Claude Code active users (last 24 h)"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "count(sum by (\"@resource.user.email\") (sum_over_time({\"claude_code.token.usage\"}[1d])))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 8
          y      = 21
          width  = 8
          height = 6
          properties = {
            title  = "Gemini CLI tokens per hour by model and type"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum by (\"model\", \"type\") (increase({\"gemini_cli.token.usage\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 16
          y      = 21
          width  = 8
          height = 6
          properties = {
            title  = "Copilot CLI tokens per hour by model and type"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "histogram_sum(sum by (\"gen_ai.request.model\", \"gen_ai.token.type\") (increase({\"gen_ai.client.token.usage\", \"@resource.service.name\"=\"github-copilot\"}[1h])))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 0
          y      = 27
          width  = 8
          height = 6
          properties = {
            title  = "Copilot CLI tokens per hour by team"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "histogram_sum(sum by (\"@resource.team.id\") (increase({\"gen_ai.client.token.usage\", \"@resource.service.name\"=\"github-copilot\"}[1h])))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 8
          y      = 27
          width  = 8
          height = 6
          properties = {
            title  = "Codex tokens per hour by model"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum by (\"model\") (sum_over_time({\"codex.turn.token_usage\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
        {
          type   = "chart"
          x      = 16
          y      = 27
          width  = 8
          height = 6
          properties = {
            title  = "Codex tokens per hour by team"
            view   = "line"
            region = local.region
            data = {
              queries = [
                {
                  id       = "q1"
                  type     = "cloudwatch-metrics"
                  language = "PromQL"
                  query    = "sum by (\"@resource.team.id\") (sum_over_time({\"codex.turn.token_usage\"}[1h]))"
                  step     = var.alarms.period_seconds
                },
              ]
            }
            plotOptions = {
              legend = { position = "bottom", show = true }
              xAxis  = { type = "datetime" }
              yAxis  = [{ type = "linear" }]
              style = {
                lineOptions   = { filled = false, stacked = false, width = 2, pattern = "solid", spline = false }
                numberOptions = { sparkline = false }
                pieOptions    = { innerSize = "50%" }
                barOptions    = {}
                gaugeOptions  = {}
              }
            }
          }
        },
      ]
    },
    {
      include = var.dashboard.ai_usage_widgets && contains(local.signals, "logs")
      height  = 13
      widgets = [
        {
          type       = "text"
          x          = 0
          y          = 0
          width      = 24
          height     = 1
          properties = { markdown = "## AI tools: Claude Code events (OTLP log group, Logs Insights)" }
        },
        {
          type   = "log"
          x      = 0
          y      = 1
          width  = 12
          height = 6
          properties = {
            title  = "Claude Code cost per user per day (api_request)"
            region = local.region
            view   = "table"
            query  = "SOURCE '${aws_cloudwatch_log_group.otlp_logs.name}' | filter attributes.event.name = \"api_request\" | stats sum(attributes.cost_usd) as costUsd, count(*) as requests by bin(1d), resource.attributes.user.email | sort costUsd desc"
          }
        },
        {
          type   = "log"
          x      = 12
          y      = 1
          width  = 12
          height = 6
          properties = {
            title  = "Claude Code cost per day by claimed team, department, cost center and organization (api_request)"
            region = local.region
            view   = "table"
            query  = "SOURCE '${aws_cloudwatch_log_group.otlp_logs.name}' | filter attributes.event.name = \"api_request\" | stats sum(attributes.cost_usd) as costUsd, count(*) as requests by bin(1d), resource.attributes.team.id, resource.attributes.department, resource.attributes.cost_center, resource.attributes.organization | sort costUsd desc"
          }
        },
        {
          type   = "log"
          x      = 0
          y      = 7
          width  = 12
          height = 6
          properties = {
            title  = "Claude Code API errors by status code (api_error)"
            region = local.region
            view   = "table"
            query  = "SOURCE '${aws_cloudwatch_log_group.otlp_logs.name}' | filter attributes.event.name = \"api_error\" | stats count(*) as errors by attributes.status_code, attributes.model | sort errors desc"
          }
        },
      ]
    },
    {
      include = var.dashboard.ai_usage_widgets && contains(local.signals, "logs") && var.log_streams == "per-team"
      height  = 15
      widgets = [
        {
          type   = "text"
          x      = 0
          y      = 0
          width  = 24
          height = 1
          properties = {
            markdown = "## Teams: Claude Code cost, tokens and API errors per team key (OTLP log group, one stream per team)"
          }
        },
        {
          type   = "text"
          x      = 0
          y      = 1
          width  = 24
          height = 2
          properties = {
            markdown = "Each team's log records land in its own stream, named by its API key id: API Gateway sets the stream from the key a request was accepted with (`context.identity.apiKeyId`), so no client can write to another team's stream. Metrics and traces pass through as sent and carry only what clients claim (`OTEL_RESOURCE_ATTRIBUTES=team.id=<team>`), which is what Coding Agent Insights groups by: the last widget lists log records whose claimed `team.id` is not their key's team (or is missing, as in every Claude Cowork record)."
          }
        },
        {
          type   = "log"
          x      = 0
          y      = 3
          width  = 12
          height = 6
          properties = {
            title  = "Claude Code cost and tokens per team per day (api_request)"
            region = local.region
            view   = "table"
            query  = "SOURCE '${aws_cloudwatch_log_group.otlp_logs.name}' | filter attributes.event.name = \"api_request\" | fields ${join("", [for t in var.teams : "replace("])}@logStream${join("", [for t in var.teams : ", \"${aws_api_gateway_api_key.team[t.name].id}\", \"${t.name}\")"])} as team | stats sum(attributes.cost_usd) as costUsd, sum(attributes.input_tokens) as inputTokens, sum(attributes.output_tokens) as outputTokens, count(*) as requests by bin(1d), team | sort costUsd desc"
          }
        },
        {
          type   = "log"
          x      = 12
          y      = 3
          width  = 12
          height = 6
          properties = {
            title  = "Claude Code API errors per team (api_error)"
            region = local.region
            view   = "table"
            query  = "SOURCE '${aws_cloudwatch_log_group.otlp_logs.name}' | filter attributes.event.name = \"api_error\" | fields ${join("", [for t in var.teams : "replace("])}@logStream${join("", [for t in var.teams : ", \"${aws_api_gateway_api_key.team[t.name].id}\", \"${t.name}\")"])} as team | stats count(*) as errors by team, attributes.status_code | sort errors desc"
          }
        },
        {
          type   = "log"
          x      = 0
          y      = 9
          width  = 24
          height = 6
          properties = {
            title  = "Log records whose claimed team (resource team.id) is not their key's team"
            region = local.region
            view   = "table"
            query  = "SOURCE '${aws_cloudwatch_log_group.otlp_logs.name}' | filter not (${join(" or ", [for t in var.teams : "(@logStream = \"${aws_api_gateway_api_key.team[t.name].id}\" and resource.attributes.team.id = \"${t.name}\")"])}) | fields ${join("", [for t in var.teams : "replace("])}@logStream${join("", [for t in var.teams : ", \"${aws_api_gateway_api_key.team[t.name].id}\", \"${t.name}\")"])} as keyTeam, resource.attributes.team.id as claimedTeam | stats count(*) as records by keyTeam, claimedTeam | sort records desc"
          }
        },
      ]
    },
  ]
  dashboard_section_heights = [for s in local.dashboard_sections : s.include ? s.height : 0]
  dashboard_widgets         = flatten([for i, s in local.dashboard_sections : [for w in s.widgets : merge(w, { y = w.y + sum(concat([0], slice(local.dashboard_section_heights, 0, i))) })] if s.include])
  dashboard_body            = jsonencode({ start = "-PT24H", periodOverride = "inherit", widgets = local.dashboard_widgets })
}

resource "aws_cloudwatch_dashboard" "proxy" {
  count = var.dashboard.enabled ? 1 : 0

  dashboard_name = "${var.name_prefix}-${local.region}"
  dashboard_body = local.dashboard_body
}
