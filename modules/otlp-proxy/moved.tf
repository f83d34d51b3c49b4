moved {
  from = aws_api_gateway_resource.metrics[0]
  to   = aws_api_gateway_resource.route["metrics"]
}

moved {
  from = aws_api_gateway_method.metrics_post[0]
  to   = aws_api_gateway_method.post["metrics"]
}

moved {
  from = aws_api_gateway_integration.metrics_integration[0]
  to   = aws_api_gateway_integration.post["metrics"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_200[0]
  to   = aws_api_gateway_method_response.post["metrics/200"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_200[0]
  to   = aws_api_gateway_integration_response.post["metrics/200"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_400[0]
  to   = aws_api_gateway_method_response.post["metrics/400"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_400[0]
  to   = aws_api_gateway_integration_response.post["metrics/400"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_401[0]
  to   = aws_api_gateway_method_response.post["metrics/401"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_401[0]
  to   = aws_api_gateway_integration_response.post["metrics/401"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_403[0]
  to   = aws_api_gateway_method_response.post["metrics/403"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_403[0]
  to   = aws_api_gateway_integration_response.post["metrics/403"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_404[0]
  to   = aws_api_gateway_method_response.post["metrics/404"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_404[0]
  to   = aws_api_gateway_integration_response.post["metrics/404"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_413[0]
  to   = aws_api_gateway_method_response.post["metrics/413"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_413[0]
  to   = aws_api_gateway_integration_response.post["metrics/413"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_415[0]
  to   = aws_api_gateway_method_response.post["metrics/415"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_415[0]
  to   = aws_api_gateway_integration_response.post["metrics/415"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_429[0]
  to   = aws_api_gateway_method_response.post["metrics/429"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_429[0]
  to   = aws_api_gateway_integration_response.post["metrics/429"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_502[0]
  to   = aws_api_gateway_method_response.post["metrics/502"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_502[0]
  to   = aws_api_gateway_integration_response.post["metrics/502"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_503[0]
  to   = aws_api_gateway_method_response.post["metrics/503"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_503[0]
  to   = aws_api_gateway_integration_response.post["metrics/503"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_504[0]
  to   = aws_api_gateway_method_response.post["metrics/504"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_504[0]
  to   = aws_api_gateway_integration_response.post["metrics/504"]
}

moved {
  from = aws_api_gateway_method_response.metrics_method_response_500[0]
  to   = aws_api_gateway_method_response.post["metrics/500"]
}

moved {
  from = aws_api_gateway_integration_response.metrics_integration_response_500[0]
  to   = aws_api_gateway_integration_response.post["metrics/500"]
}

moved {
  from = aws_api_gateway_resource.traces[0]
  to   = aws_api_gateway_resource.route["traces"]
}

moved {
  from = aws_api_gateway_method.traces_post[0]
  to   = aws_api_gateway_method.post["traces"]
}

moved {
  from = aws_api_gateway_integration.traces_integration[0]
  to   = aws_api_gateway_integration.post["traces"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_200[0]
  to   = aws_api_gateway_method_response.post["traces/200"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_200[0]
  to   = aws_api_gateway_integration_response.post["traces/200"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_400[0]
  to   = aws_api_gateway_method_response.post["traces/400"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_400[0]
  to   = aws_api_gateway_integration_response.post["traces/400"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_401[0]
  to   = aws_api_gateway_method_response.post["traces/401"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_401[0]
  to   = aws_api_gateway_integration_response.post["traces/401"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_403[0]
  to   = aws_api_gateway_method_response.post["traces/403"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_403[0]
  to   = aws_api_gateway_integration_response.post["traces/403"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_404[0]
  to   = aws_api_gateway_method_response.post["traces/404"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_404[0]
  to   = aws_api_gateway_integration_response.post["traces/404"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_413[0]
  to   = aws_api_gateway_method_response.post["traces/413"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_413[0]
  to   = aws_api_gateway_integration_response.post["traces/413"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_415[0]
  to   = aws_api_gateway_method_response.post["traces/415"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_415[0]
  to   = aws_api_gateway_integration_response.post["traces/415"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_429[0]
  to   = aws_api_gateway_method_response.post["traces/429"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_429[0]
  to   = aws_api_gateway_integration_response.post["traces/429"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_502[0]
  to   = aws_api_gateway_method_response.post["traces/502"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_502[0]
  to   = aws_api_gateway_integration_response.post["traces/502"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_503[0]
  to   = aws_api_gateway_method_response.post["traces/503"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_503[0]
  to   = aws_api_gateway_integration_response.post["traces/503"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_504[0]
  to   = aws_api_gateway_method_response.post["traces/504"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_504[0]
  to   = aws_api_gateway_integration_response.post["traces/504"]
}

moved {
  from = aws_api_gateway_method_response.traces_method_response_500[0]
  to   = aws_api_gateway_method_response.post["traces/500"]
}

moved {
  from = aws_api_gateway_integration_response.traces_integration_response_500[0]
  to   = aws_api_gateway_integration_response.post["traces/500"]
}

moved {
  from = aws_api_gateway_resource.logs[0]
  to   = aws_api_gateway_resource.route["logs"]
}

moved {
  from = aws_api_gateway_method.logs_post[0]
  to   = aws_api_gateway_method.post["logs"]
}

moved {
  from = aws_api_gateway_integration.logs_integration[0]
  to   = aws_api_gateway_integration.post["logs"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_200[0]
  to   = aws_api_gateway_method_response.post["logs/200"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_200[0]
  to   = aws_api_gateway_integration_response.post["logs/200"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_400[0]
  to   = aws_api_gateway_method_response.post["logs/400"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_400[0]
  to   = aws_api_gateway_integration_response.post["logs/400"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_401[0]
  to   = aws_api_gateway_method_response.post["logs/401"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_401[0]
  to   = aws_api_gateway_integration_response.post["logs/401"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_403[0]
  to   = aws_api_gateway_method_response.post["logs/403"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_403[0]
  to   = aws_api_gateway_integration_response.post["logs/403"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_404[0]
  to   = aws_api_gateway_method_response.post["logs/404"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_404[0]
  to   = aws_api_gateway_integration_response.post["logs/404"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_413[0]
  to   = aws_api_gateway_method_response.post["logs/413"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_413[0]
  to   = aws_api_gateway_integration_response.post["logs/413"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_415[0]
  to   = aws_api_gateway_method_response.post["logs/415"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_415[0]
  to   = aws_api_gateway_integration_response.post["logs/415"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_429[0]
  to   = aws_api_gateway_method_response.post["logs/429"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_429[0]
  to   = aws_api_gateway_integration_response.post["logs/429"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_502[0]
  to   = aws_api_gateway_method_response.post["logs/502"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_502[0]
  to   = aws_api_gateway_integration_response.post["logs/502"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_503[0]
  to   = aws_api_gateway_method_response.post["logs/503"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_503[0]
  to   = aws_api_gateway_integration_response.post["logs/503"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_504[0]
  to   = aws_api_gateway_method_response.post["logs/504"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_504[0]
  to   = aws_api_gateway_integration_response.post["logs/504"]
}

moved {
  from = aws_api_gateway_method_response.logs_method_response_500[0]
  to   = aws_api_gateway_method_response.post["logs/500"]
}

moved {
  from = aws_api_gateway_integration_response.logs_integration_response_500[0]
  to   = aws_api_gateway_integration_response.post["logs/500"]
}

moved {
  from = aws_api_gateway_gateway_response.gateway_response_invalid_api_key
  to   = aws_api_gateway_gateway_response.otlp["INVALID_API_KEY"]
}

moved {
  from = aws_api_gateway_gateway_response.gateway_response_missing_authentication_token
  to   = aws_api_gateway_gateway_response.otlp["MISSING_AUTHENTICATION_TOKEN"]
}

moved {
  from = aws_api_gateway_gateway_response.gateway_response_throttled
  to   = aws_api_gateway_gateway_response.otlp["THROTTLED"]
}

moved {
  from = aws_api_gateway_gateway_response.gateway_response_quota_exceeded
  to   = aws_api_gateway_gateway_response.otlp["QUOTA_EXCEEDED"]
}

moved {
  from = aws_api_gateway_gateway_response.gateway_response_request_too_large
  to   = aws_api_gateway_gateway_response.otlp["REQUEST_TOO_LARGE"]
}

moved {
  from = aws_api_gateway_gateway_response.gateway_response_unsupported_media_type
  to   = aws_api_gateway_gateway_response.otlp["UNSUPPORTED_MEDIA_TYPE"]
}

moved {
  from = aws_api_gateway_gateway_response.gateway_response_integration_timeout
  to   = aws_api_gateway_gateway_response.otlp["INTEGRATION_TIMEOUT"]
}

moved {
  from = aws_api_gateway_gateway_response.gateway_response_access_denied[0]
  to   = aws_api_gateway_gateway_response.otlp["ACCESS_DENIED"]
}

moved {
  from = aws_cloudwatch_metric_alarm.server_errors[0]
  to   = aws_cloudwatch_metric_alarm.proxy["server-errors"]
}

moved {
  from = aws_cloudwatch_metric_alarm.client_errors[0]
  to   = aws_cloudwatch_metric_alarm.proxy["client-errors"]
}

moved {
  from = aws_cloudwatch_metric_alarm.integration_latency[0]
  to   = aws_cloudwatch_metric_alarm.proxy["integration-latency"]
}

moved {
  from = aws_cloudwatch_metric_alarm.throttled[0]
  to   = aws_cloudwatch_metric_alarm.proxy["throttled"]
}
