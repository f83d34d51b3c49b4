import { ALARMS_NOTIFY } from "../../settings/derived";
import { DEFAULT_ACCESS_LOG_FIELDS } from "../../observability/access-log-fields";
import { alarmSpecs, isExtendedStatistic, THROTTLED_METRIC, throttledFilterPattern } from "../../observability/alarm-specs";
import { AlarmSettings } from "../../settings/parse-alarms";
import { NAME_PREFIX_DEFAULTS } from "../../settings/parse-name-prefix";
import { Block } from "../hcl/hcl-block";
import { expr, exprNumber, exprString, oneLine } from "../hcl/hcl-value";
import { locals, nested, onlyIf, PREFIX, resource, TAGS } from "../hcl/blocks";

/** The alarms' keys, in the order the dashboard's alarm widget lists them. */
export const ALARM_IDS = ["server-errors", "client-errors", "integration-latency", "throttled"] as const;

/**
 * The alarms (one resource, `for_each` over the specs of `alarmSpecs`), the SNS topic they notify when the module
 * creates one, its email subscriptions, and the metric filter that counts 429 answers in the access logs.
 */
export function alarmBlocks(): Block[] {
  const settings: AlarmSettings = {
    enabled: true,
    periodSeconds: exprNumber("var.alarms.period_seconds"),
    evaluationPeriods: exprNumber("var.alarms.evaluation_periods"),
    serverErrorsPerPeriod: exprNumber("var.alarms.server_errors_per_period"),
    clientErrorsPerPeriod: exprNumber("var.alarms.client_errors_per_period"),
    throttledRequestsPerPeriod: exprNumber("var.alarms.throttled_requests_per_period"),
    integrationLatencyP99Millis: exprNumber("var.alarms.integration_latency_p99_millis"),
    emails: [],
    topicArns: {},
  };
  const api = { ApiName: exprString("aws_api_gateway_rest_api.api.name"), Stage: exprString("aws_api_gateway_stage.api_stage.stage_name") };
  const withoutAccessLogs = new Set(alarmSpecs(api, settings, false).map((spec) => spec.id));
  const specs = alarmSpecs(api, settings, true, exprString("local.throttled_metric_namespace"));
  const alarms = Object.fromEntries(
    specs.map((spec) => {
      const extended = isExtendedStatistic(spec.statistic);
      return [
        spec.id,
        {
          description: spec.description,
          namespace: spec.namespace,
          metric_name: spec.metricName,
          dimensions: Object.keys(spec.dimensions).length > 0 ? spec.dimensions : null,
          statistic: extended ? null : spec.statistic,
          extended_statistic: extended ? spec.statistic : null,
          threshold: spec.threshold,
          needs_access_logs: !withoutAccessLogs.has(spec.id),
        },
      ];
    }),
  );
  const notify = expr("local.alarm_notifies ? [local.alarm_topic_arn] : null");
  return [
    locals({
      // The 429 metric's namespace: unchanged for the default prefix, OtlpProxy/<prefix> otherwise. A metric filter
      // cannot add a constant dimension, so two deployments in one region keep their counts apart by namespace.
      throttled_metric_namespace: expr(
        `var.name_prefix == ${oneLine(NAME_PREFIX_DEFAULTS.namePrefix)} ? ${oneLine(THROTTLED_METRIC.namespace)} : "${THROTTLED_METRIC.namespace}/\${var.name_prefix}"`,
      ),
      alarms: alarms,
      alarm_topic_arn: expr("var.alarms.enabled ? lookup(var.alarms.topic_arns, local.region, one(aws_sns_topic.alarms[*].arn)) : null"),
      [ALARMS_NOTIFY.local]: expr(ALARMS_NOTIFY.hcl),
    }),
    resource("aws_sns_topic", "alarms", {
      count: onlyIf("var.alarms.enabled && !contains(keys(var.alarms.topic_arns), local.region) && length(var.alarms.emails) > 0"),
      name: `${PREFIX}-alarms`,
      tags: TAGS,
    }),
    resource("aws_sns_topic_subscription", "alarm_email", {
      for_each: expr("var.alarms.enabled ? toset(var.alarms.emails) : toset([])"),
      topic_arn: expr("local.alarm_topic_arn"),
      protocol: "email",
      endpoint: expr("each.value"),
    }),
    resource("aws_cloudwatch_log_metric_filter", "throttled_filter", {
      count: onlyIf("var.alarms.enabled && var.access_logs"),
      name: `${PREFIX}-throttled`,
      log_group_name: expr("aws_cloudwatch_log_group.access_logs[0].name"),
      pattern: throttledFilterPattern(DEFAULT_ACCESS_LOG_FIELDS.status),
      metric_transformation: nested("metric_transformation", {
        namespace: expr("local.throttled_metric_namespace"),
        name: THROTTLED_METRIC.name,
        value: "1",
        default_value: "0",
        unit: "Count",
      }),
    }),
    resource("aws_cloudwatch_metric_alarm", "proxy", {
      for_each: expr("{ for id, alarm in local.alarms : id => alarm if var.alarms.enabled && (var.access_logs || !alarm.needs_access_logs) }"),
      alarm_name: `${PREFIX}-${exprString("aws_api_gateway_stage.api_stage.stage_name")}-${exprString("each.key")}`,
      alarm_description: expr("each.value.description"),
      namespace: expr("each.value.namespace"),
      metric_name: expr("each.value.metric_name"),
      dimensions: expr("each.value.dimensions"),
      statistic: expr("each.value.statistic"),
      extended_statistic: expr("each.value.extended_statistic"),
      period: expr("var.alarms.period_seconds"),
      evaluation_periods: expr("var.alarms.evaluation_periods"),
      threshold: expr("each.value.threshold"),
      comparison_operator: "GreaterThanOrEqualToThreshold",
      treat_missing_data: "notBreaching",
      alarm_actions: notify,
      ok_actions: notify,
      tags: TAGS,
    }),
  ];
}
