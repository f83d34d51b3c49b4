variable "stage_name" {
  description = "The API Gateway stage, the last segment of the endpoint URL."
  type        = string
  default     = "prod"
  nullable    = false
  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,128}$", var.stage_name))
    error_message = "stage_name: 1 to 128 letters, digits, '-' or '_'."
  }
}

variable "log_group_name" {
  description = "The CloudWatch log group OTLP log records land in (created with the proxy)."
  type        = string
  default     = "otlp-logs"
  nullable    = false
  validation {
    condition     = can(regex("^[A-Za-z0-9._\\-/#]{1,512}$", var.log_group_name)) && !startswith(var.log_group_name, "aws/")
    error_message = "log_group_name: 1 to 512 of letters, digits, '.', '_', '-', '/', '#', not starting with 'aws/'."
  }
}

variable "log_stream_name" {
  description = "The shared stream inside the log group: where every client writes when `log_streams` is \"shared\". Created and kept in either mode, so switching never deletes its events."
  type        = string
  default     = "otlp"
  nullable    = false
  validation {
    condition     = can(regex("^[^:*']{1,512}$", var.log_stream_name))
    error_message = "log_stream_name: 1 to 512 characters, none of them ':', '*' or a single quote."
  }
}

variable "log_streams" {
  description = "\"per-team\": one stream per team, named by the team's API key id, which API Gateway maps from `context.identity.apiKeyId` (attribution no client can forge: a client cannot write to another team's stream; the `log_stream_names` output maps teams to streams). \"shared\": every client writes to `log_stream_name`."
  type        = string
  default     = "per-team"
  nullable    = false
  validation {
    condition     = contains(["per-team", "shared"], var.log_streams)
    error_message = "log_streams: \"per-team\" (one stream per team, named by its API key id, which API Gateway sets: attribution no client can forge) or \"shared\" (every client writes to log_stream_name)."
  }
}

variable "log_retention_days" {
  description = "How long OTLP log records are kept, in days; 0 keeps them forever."
  type        = number
  default     = 30
  nullable    = false
  validation {
    condition     = contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days: one of CloudWatch Logs' retention values 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (0 = never expire)."
  }
}

variable "throttle" {
  description = "The usage plan's requests per second (`throttle.rate_limit`) and burst (`throttle.burst_limit`), for every team without limits of its own."
  type        = object({ rate_limit = optional(number, 100), burst_limit = optional(number, 200) })
  default     = { rate_limit = 100, burst_limit = 200 }
  nullable    = false
  validation {
    condition     = var.throttle.rate_limit > 0 && var.throttle.rate_limit <= 10000
    error_message = "throttle.rate_limit: a number of requests per second above 0 and at most 10000 (the account limit per region)."
  }
  validation {
    condition     = var.throttle.burst_limit > 0 && var.throttle.burst_limit <= 5000 && floor(var.throttle.burst_limit) == var.throttle.burst_limit
    error_message = "throttle.burst_limit: a whole number of requests above 0 and at most 5000 (the account limit per region)."
  }
  validation {
    condition     = var.throttle.burst_limit >= var.throttle.rate_limit
    error_message = "throttle.burst_limit: at least throttle.rate_limit, so one second of traffic fits in a burst."
  }
}

variable "metrics_throttle" {
  description = "A stage throttle on `/v1/metrics` that every team shares (`metrics_throttle.enabled`, `metrics_throttle.rate_limit`, `metrics_throttle.burst_limit`): CloudWatch's OTLP metrics endpoint takes 500 requests per second per account and region, which the teams' usage plans alone can add up past. Requests over it get API Gateway's own 429, which exporters retry."
  type = object({
    enabled     = optional(bool, true)
    rate_limit  = optional(number, 500)
    burst_limit = optional(number, 500)
  })
  default  = { enabled = true, rate_limit = 500, burst_limit = 500 }
  nullable = false
  validation {
    condition     = var.metrics_throttle.rate_limit > 0 && var.metrics_throttle.rate_limit <= 500
    error_message = "metrics_throttle.rate_limit: a number of requests per second above 0 and at most 500 (what CloudWatch's OTLP metrics endpoint takes per account; turn the throttle off with enabled false)."
  }
  validation {
    condition     = var.metrics_throttle.burst_limit > 0 && var.metrics_throttle.burst_limit <= 5000 && floor(var.metrics_throttle.burst_limit) == var.metrics_throttle.burst_limit
    error_message = "metrics_throttle.burst_limit: a whole number of requests above 0 and at most 5000 (the account limit per region)."
  }
  validation {
    condition     = var.metrics_throttle.burst_limit >= var.metrics_throttle.rate_limit
    error_message = "metrics_throttle.burst_limit: at least metrics_throttle.rate_limit, so one second of traffic fits in a burst."
  }
}

variable "signals" {
  description = "Which routes exist. With \"traces\", turn on X-Ray Transaction Search (`transaction_search`, or once per account and region yourself)."
  type        = list(string)
  default     = ["metrics", "traces", "logs"]
  nullable    = false
  validation {
    condition     = length(var.signals) > 0 && length(distinct(var.signals)) == length(var.signals) && alltrue([for s in var.signals : contains(["metrics", "traces", "logs"], s)])
    error_message = "signals: a non-empty list of distinct signals from metrics, traces, logs."
  }
}

variable "tags" {
  description = "Tags on every resource that takes tags (the cdktf stacks set them as the provider's `default_tags`)."
  type        = map(string)
  default     = {}
  nullable    = false
  validation {
    condition     = alltrue([for key0, value0 in var.tags : can(regex("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}$", key0)) && !startswith(key0, "aws:")])
    error_message = "tags: tag names of 1 to 128 letters, digits, spaces or _ . : / = + - @, not starting with 'aws:'."
  }
  validation {
    condition     = alltrue([for key0, value0 in var.tags : can(regex("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}$", value0))])
    error_message = "tags[*]: a string of 0 to 256 letters, digits, spaces or _ . : / = + - @."
  }
}

variable "name_prefix" {
  description = "The first part of every AWS resource name, so two deployments can share an account and region: IAM roles `<prefix>-<region>` and `<prefix>-apigw-logs-<region>`, REST API `<prefix>`, team keys and plans `<prefix>-<team>-<region>`, dashboard `<prefix>-<region>`, alarms `<prefix>-<stage>-…`, SNS topic `<prefix>-alarms`, metric filter `<prefix>-throttled`, Transaction Search stack `<prefix>-transaction-search`, and the default `access_log_group_name` `<prefix>-access`; any other prefix puts the 429 metric in the namespace `OtlpProxy/<prefix>`. Give a second deployment its own `log_group_name` too. The API Gateway account logging role is one setting per account and region: one deployment per region owns it (`account_cloud_watch_role` \"create\") and every other one there uses \"existing\", or each apply flips it back and forth."
  type        = string
  default     = "otlp-proxy"
  nullable    = false
  validation {
    condition     = can(regex("^[a-z](?:[a-z0-9-]{0,22}[a-z0-9])?$", var.name_prefix))
    error_message = "name_prefix: 1 to 24 lowercase letters, digits or '-', starting with a letter and not ending with '-' (it starts IAM role, API, dashboard, alarm and topic names)."
  }
}

variable "teams" {
  description = "One API key and one usage plan per team, bound to the stage, both named `<prefix>-<team>-<region>` and tagged `otlp-proxy:team = <team>`: `teams[*].name`, optional `teams[*].rate_limit` and `teams[*].burst_limit` (default: `throttle`), optional `teams[*].quota` (limit, period), `teams[*].enabled` (false disables the key: its requests get 403)."
  type = list(object({
    name        = string
    rate_limit  = optional(number)
    burst_limit = optional(number)
    quota       = optional(object({ limit = number, period = string }))
    enabled     = optional(bool, true)
  }))
  default  = [{ name = "default", enabled = true }]
  nullable = false
  validation {
    condition     = length(var.teams) >= 1 && length(var.teams) <= 300
    error_message = "teams: 1 to 300 teams in a list (one usage plan each; AWS allows 300 usage plans per account and region)."
  }
  validation {
    condition     = length(distinct([for t in var.teams : t.name])) == length(var.teams)
    error_message = "teams[*].name: a name no other team has."
  }
  validation {
    condition     = alltrue([for item0 in var.teams : can(regex("^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$", item0.name))])
    error_message = "teams[*].name: 1 to 48 lowercase letters, digits or '-', starting and ending with a letter or digit."
  }
  validation {
    condition     = alltrue([for item0 in var.teams : item0.rate_limit == null ? true : (item0.rate_limit > 0 && item0.rate_limit <= 10000)])
    error_message = "teams[*].rate_limit: a number of requests per second above 0 and at most 10000 (the account limit per region)."
  }
  validation {
    condition     = alltrue([for item0 in var.teams : item0.burst_limit == null ? true : (item0.burst_limit > 0 && item0.burst_limit <= 5000 && floor(item0.burst_limit) == item0.burst_limit)])
    error_message = "teams[*].burst_limit: a whole number of requests above 0 and at most 5000 (the account limit per region)."
  }
  validation {
    condition     = alltrue([for item0 in var.teams : item0.quota == null ? true : (item0.quota.limit > 0 && item0.quota.limit <= 2147483647 && floor(item0.quota.limit) == item0.quota.limit)])
    error_message = "teams[*].quota.limit: a whole number of requests per period above 0 (at most 2147483647)."
  }
  validation {
    condition     = alltrue([for item0 in var.teams : item0.quota == null ? true : (contains(["DAY", "WEEK", "MONTH"], item0.quota.period))])
    error_message = "teams[*].quota.period: one of DAY, WEEK, MONTH."
  }
}

variable "access_logs" {
  description = "One JSON line per request in `access_log_group_name`."
  type        = bool
  default     = true
  nullable    = false
}

variable "access_log_group_name" {
  description = "The stage's access-log group (created with the proxy); left at its default, it follows `name_prefix`: `<prefix>-access`."
  type        = string
  default     = "otlp-proxy-access"
  nullable    = false
  validation {
    condition     = can(regex("^[A-Za-z0-9._\\-/#]{1,512}$", var.access_log_group_name)) && !startswith(var.access_log_group_name, "aws/")
    error_message = "access_log_group_name: 1 to 512 of letters, digits, '.', '_', '-', '/', '#', not starting with 'aws/'."
  }
}

variable "access_log_retention_days" {
  description = "How long access logs, and execution logs when `execution_log_level` is on, are kept, in days; 0 keeps them forever."
  type        = number
  default     = 30
  nullable    = false
  validation {
    condition     = contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.access_log_retention_days)
    error_message = "access_log_retention_days: one of CloudWatch Logs' retention values 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (0 = never expire)."
  }
}

variable "execution_log_level" {
  description = "API Gateway execution logging for every method (`aws_api_gateway_method_settings`, `*/*`): OFF, ERROR, INFO, in any case, stored upper-case. Its log group `API-Gateway-Execution-Logs_<apiId>/<stage>` is created with the proxy, so it has a retention and is deleted with it. Data tracing (request and response bodies) is never turned on and not offered: it would copy telemetry (prompts, file paths, user ids) into logs."
  type        = string
  default     = "OFF"
  nullable    = false
  validation {
    condition     = contains(["OFF", "ERROR", "INFO"], upper(var.execution_log_level))
    error_message = "execution_log_level: one of \"off\", \"error\", \"info\" (any case)."
  }
}

variable "detailed_metrics" {
  description = "Per-method CloudWatch metrics (`metrics_enabled`), billed as custom metrics; also draws the dashboard's per-route widgets."
  type        = bool
  default     = false
  nullable    = false
}

variable "account_cloud_watch_role" {
  description = "Logging needs the region's API Gateway account setting (`aws_api_gateway_account`, one per account and region) to name an IAM role API Gateway can write logs with. \"create\": the proxy creates `<prefix>-apigw-logs-<region>` and sets it. \"existing\": the region already has one (another deployment, a landing zone, the console), which is left alone. Used only when some logging is on."
  type        = string
  default     = "create"
  nullable    = false
  validation {
    condition     = contains(["create", "existing"], var.account_cloud_watch_role)
    error_message = "account_cloud_watch_role: \"create\" (this stack sets the region's API Gateway logging role) or \"existing\" (leave the one already set alone)."
  }
}

variable "allowed_source_cidrs" {
  description = "Only these source IP ranges may call the API: a REST API resource policy allows `execute-api:Invoke` and denies it when `aws:SourceIp` is not in the list, so other sources get 403 with \"your network address is not in this OTLP proxy's allowed source ranges\". A bare address is written out as its /32 or /128 (IAM would read a bare IPv6 address as a /32 network). The policy is in the deployment trigger, so changing it redeploys. None (null): any source may call."
  type        = list(string)
  default     = null
  nullable    = true
  validation {
    condition     = var.allowed_source_cidrs == null ? true : (length(var.allowed_source_cidrs) >= 1 && length(var.allowed_source_cidrs) <= 100)
    error_message = "allowed_source_cidrs: a non-empty list of at most 100 distinct IPv4 or IPv6 CIDR ranges such as \"203.0.113.0/24\" or \"2001:db8::/32\"."
  }
  validation {
    condition     = var.allowed_source_cidrs == null ? true : (alltrue([for item0 in var.allowed_source_cidrs : can(cidrhost(strcontains(item0, "/") ? item0 : "${item0}/${strcontains(item0, ":") ? 128 : 32}", 0))]))
    error_message = "allowed_source_cidrs[*]: an IPv4 or IPv6 CIDR range such as 203.0.113.0/24 or 2001:db8::/32."
  }
  validation {
    condition     = var.allowed_source_cidrs == null ? true : (length(distinct([for c in var.allowed_source_cidrs : strcontains(c, "/") ? c : "${c}/${strcontains(c, ":") ? 128 : 32}"])) == length(var.allowed_source_cidrs))
    error_message = "allowed_source_cidrs[*]: each range once (a bare address is the same as its /32 or /128)."
  }
}

variable "web_acl_arn" {
  description = "A regional WAFv2 web ACL associated with the stage (`aws_wafv2_web_acl_association`); the ACL itself is yours. None (null): no web ACL."
  type        = string
  default     = null
  nullable    = true
  validation {
    condition     = var.web_acl_arn == null ? true : (can(regex("^arn:aws:wafv2:([a-z0-9-]+):(\\d{12}):regional\\/webacl\\/[A-Za-z0-9_-]{1,128}\\/[0-9a-f-]{36}$", var.web_acl_arn)))
    error_message = "web_acl_arn: a regional WAFv2 web ACL ARN arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>."
  }
}

variable "domain_name" {
  description = "A regional custom domain (`aws_api_gateway_domain_name`, TLS 1.2 policy) with a base path mapping to the stage; the `otlp_endpoint` output and the route URLs then use it. Needs `certificate_arn`. None (null): the execute-api endpoint only."
  type        = string
  default     = null
  nullable    = true
  validation {
    condition     = var.domain_name == null ? true : (length(var.domain_name) >= 4 && length(var.domain_name) <= 253 && can(regex("^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.domain_name)))
    error_message = "domain_name: a lowercase fully qualified host name such as otlp.example.com (no wildcard, no trailing dot)."
  }
}

variable "certificate_arn" {
  description = "The ACM certificate of `domain_name`, in the API's region (a regional custom domain needs one there). It must already be issued."
  type        = string
  default     = null
  nullable    = true
  validation {
    condition     = var.certificate_arn == null ? true : (can(regex("^arn:aws:acm:([a-z0-9-]+):(\\d{12}):certificate\\/[0-9a-f-]{36}$", var.certificate_arn)))
    error_message = "certificate_arn: an ACM certificate ARN arn:aws:acm:<region>:<account>:certificate/<id>."
  }
}

variable "hosted_zone_id" {
  description = "A Route 53 public hosted zone in which to create an alias `A` record for `domain_name`, pointing at the regional endpoint. None (null): point your DNS at the `custom_domain_target` output."
  type        = string
  default     = null
  nullable    = true
  validation {
    condition     = var.hosted_zone_id == null ? true : (can(regex("^Z[A-Z0-9]{1,31}$", var.hosted_zone_id)))
    error_message = "hosted_zone_id: a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ."
  }
}

variable "base_path" {
  description = "The path under the custom domain that maps to the stage: `https://<domain>/<path>`. None (null): the domain's root maps to the stage."
  type        = string
  default     = null
  nullable    = true
  validation {
    condition     = var.base_path == null ? true : (can(regex("^[A-Za-z0-9._-]{1,128}$", var.base_path)))
    error_message = "base_path: 1 to 128 letters, digits, '.', '_' or '-' (no slash)."
  }
}

variable "disable_execute_api_endpoint" {
  description = "Turns off `https://<api>.execute-api.<region>.amazonaws.com`, so only the custom domain answers (and so only it is covered by the WAF and IP rules you rely on); needs `domain_name`."
  type        = bool
  default     = false
  nullable    = false
}

variable "ip_address_type" {
  description = "Who can connect to the REST API and its custom domain: IPv4 only (API Gateway's default) or IPv4 and IPv6. IPv6 ranges in `allowed_source_cidrs` are refused with \"ipv4\", since no IPv6 client can reach the endpoint then. Changing it takes effect without a redeployment."
  type        = string
  default     = "ipv4"
  nullable    = false
  validation {
    condition     = contains(["ipv4", "dualstack"], var.ip_address_type)
    error_message = "ip_address_type: \"ipv4\" (IPv4 clients only, API Gateway's default) or \"dualstack\" (IPv4 and IPv6 clients; the REST API and its custom domain)."
  }
}

variable "dashboard" {
  description = "The CloudWatch dashboard `<prefix>-<region>` (`dashboard.enabled`), and `dashboard.ai_usage_widgets`: PromQL widgets over the OTLP metrics and Logs Insights widgets over the OTLP log group."
  type        = object({ enabled = optional(bool, true), ai_usage_widgets = optional(bool, true) })
  default     = { enabled = true, ai_usage_widgets = true }
  nullable    = false
}

variable "alarms" {
  description = "The CloudWatch alarms (5XX, 4XX spike, integration latency p99, and 429 with access logs; `alarms.enabled`) and where they notify: `alarms.topic_arns`, an existing SNS topic by region name, or else a topic created for them; `alarms.emails` are subscribed to whichever topic that is."
  type = object({
    enabled                        = optional(bool, true)
    period_seconds                 = optional(number, 300)
    evaluation_periods             = optional(number, 1)
    server_errors_per_period       = optional(number, 5)
    client_errors_per_period       = optional(number, 100)
    throttled_requests_per_period  = optional(number, 10)
    integration_latency_p99_millis = optional(number, 5000)
    emails                         = optional(list(string), [])
    topic_arns                     = optional(map(string), {})
  })
  default = {
    enabled                        = true
    period_seconds                 = 300
    evaluation_periods             = 1
    server_errors_per_period       = 5
    client_errors_per_period       = 100
    throttled_requests_per_period  = 10
    integration_latency_p99_millis = 5000
    emails                         = []
    topic_arns                     = {}
  }
  nullable = false
  validation {
    condition     = var.alarms.period_seconds > 0 && var.alarms.period_seconds % 60 == 0 && var.alarms.period_seconds <= 86400
    error_message = "alarms.period_seconds: a multiple of 60 seconds, at most 86400 (API Gateway metrics are per minute)."
  }
  validation {
    condition     = var.alarms.evaluation_periods >= 1 && var.alarms.evaluation_periods <= 1440 && floor(var.alarms.evaluation_periods) == var.alarms.evaluation_periods
    error_message = "alarms.evaluation_periods: a whole number from 1 to 1440."
  }
  validation {
    condition     = var.alarms.period_seconds * var.alarms.evaluation_periods <= 86400
    error_message = "alarms.evaluation_periods: at most one day in all: alarms.period_seconds times alarms.evaluation_periods at most 86400."
  }
  validation {
    condition     = var.alarms.server_errors_per_period >= 1 && var.alarms.server_errors_per_period <= 1000000000 && floor(var.alarms.server_errors_per_period) == var.alarms.server_errors_per_period
    error_message = "alarms.server_errors_per_period: a whole number from 1 to 1000000000."
  }
  validation {
    condition     = var.alarms.client_errors_per_period >= 1 && var.alarms.client_errors_per_period <= 1000000000 && floor(var.alarms.client_errors_per_period) == var.alarms.client_errors_per_period
    error_message = "alarms.client_errors_per_period: a whole number from 1 to 1000000000."
  }
  validation {
    condition     = var.alarms.throttled_requests_per_period >= 1 && var.alarms.throttled_requests_per_period <= 1000000000 && floor(var.alarms.throttled_requests_per_period) == var.alarms.throttled_requests_per_period
    error_message = "alarms.throttled_requests_per_period: a whole number from 1 to 1000000000."
  }
  validation {
    condition     = var.alarms.integration_latency_p99_millis >= 1 && var.alarms.integration_latency_p99_millis <= 300000 && floor(var.alarms.integration_latency_p99_millis) == var.alarms.integration_latency_p99_millis
    error_message = "alarms.integration_latency_p99_millis: a whole number from 1 to 300000."
  }
  validation {
    condition     = alltrue([for item1 in var.alarms.emails : can(regex("^[^@\\s'\"]+@[^@\\s'\"]+\\.[^@\\s'\"]+$", item1))])
    error_message = "alarms.emails[*]: a list of distinct email addresses, such as [\"oncall@example.com\"]."
  }
  validation {
    condition     = length(distinct(var.alarms.emails)) == length(var.alarms.emails)
    error_message = "alarms.emails[*]: a list of distinct email addresses, such as [\"oncall@example.com\"]."
  }
  validation {
    condition     = alltrue([for key1, value1 in var.alarms.topic_arns : can(regex("^arn:aws:sns:${key1}:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", value1))])
    error_message = "alarms.topic_arns[*]: a standard SNS topic ARN in the region it is given for, arn:aws:sns:<region>:<12-digit account>:<name> (alarms notify topics of their own region only)."
  }
}

variable "transaction_search" {
  description = "X-Ray Transaction Search, switched on (account- and region-wide, opt-in) by a CloudFormation stack: `transaction_search.enabled`, `transaction_search.indexing_percentage` (1 is free), and `transaction_search.regions` (none: every region the proxy is deployed in)."
  type = object({
    enabled             = optional(bool, false)
    indexing_percentage = optional(number, 1)
    regions             = optional(list(string))
  })
  default  = { enabled = false, indexing_percentage = 1 }
  nullable = false
  validation {
    condition     = var.transaction_search.indexing_percentage >= 0 && var.transaction_search.indexing_percentage <= 100
    error_message = "transaction_search.indexing_percentage: a number from 0 to 100 percent."
  }
  validation {
    condition     = var.transaction_search.regions == null ? true : (length(var.transaction_search.regions) > 0 && length(distinct(var.transaction_search.regions)) == length(var.transaction_search.regions) && alltrue([for r in var.transaction_search.regions : contains(["af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"], r)]))
    error_message = "transaction_search.regions: a non-empty list of distinct commercial AWS regions."
  }
}
