import { API_GATEWAY_DIMENSION_SETS, API_GATEWAY_METRICS, API_GATEWAY_NAMESPACE } from "../../src/infra/observability/api-gateway-metrics";
import { THROTTLED_METRIC, throttledFilterPattern } from "../../src/infra/observability/alarm-specs";
import { committedModule, evaluateExpression, localsReadBy, ModulePlan } from "../support/plan-module";
import { modulePlansFor } from "../support/shared-module-plan";
import CALLS, { TOPIC } from "./proxy-alarms.module-calls";

// The proxy's alarms, as the module plans them for the alarm inputs a region stack passes (proxy-alarms.module-calls.ts).
const { main } = committedModule();
const alarmsOf = (plan: ModulePlan) => plan.ofType("aws_cloudwatch_metric_alarm");
/** The alarms are one block, for_each over local.alarms: an alarm is the instance of its id. */
const byName = (plan: ModulePlan, id: string) => plan.at(`aws_cloudwatch_metric_alarm.proxy["${id}"]`);
const API_NAME = "<aws_api_gateway_rest_api.api.name>";
const STAGE_NAME = "<aws_api_gateway_stage.api_stage.stage_name>";

/** The module's alarm table (local.alarms) for its default inputs, with the API's name and the stage's name stood in. */
function alarmTable(): Record<string, any> {
  return evaluateExpression(main.locals.alarms, {
    locals: localsReadBy(main.locals.alarms, main.locals),
    moduleVariables: true,
    standIns: { "aws_api_gateway_rest_api.api.name": API_NAME, "aws_api_gateway_stage.api_stage.stage_name": STAGE_NAME },
  });
}

const plan = modulePlansFor(CALLS);

describe("the module's alarms", () => {
  test("creates the 5XX, 4XX-spike, integration-latency and (with access logs) 429 alarms by default", () => {
    expect(alarmsOf(plan.quiet).map((a) => a.localAddress).sort()).toEqual(
      ["client-errors", "integration-latency", "server-errors", "throttled"].map((id) => `aws_cloudwatch_metric_alarm.proxy["${id}"]`),
    );
    expect(alarmsOf(plan.quiet).map((a) => a.values.alarm_name).sort()).toEqual([
      "otlp-proxy-prod-client-errors",
      "otlp-proxy-prod-integration-latency",
      "otlp-proxy-prod-server-errors",
      "otlp-proxy-prod-throttled",
    ]);
  });

  test("watches only documented AWS/ApiGateway metrics of the module's own API and stage", () => {
    const watched = alarmsOf(plan.quiet).filter((a) => a.values.namespace === API_GATEWAY_NAMESPACE);
    expect(watched).toHaveLength(3);
    // Each alarm takes its dimensions from its entry in local.alarms, which names the module's own API and stage.
    expect(main.resource.aws_cloudwatch_metric_alarm.proxy.dimensions).toBe("${each.value.dimensions}");
    const table = alarmTable();
    for (const { index, values } of watched) {
      expect(Object.keys(API_GATEWAY_METRICS)).toContain(values.metric_name);
      expect(API_GATEWAY_DIMENSION_SETS.map((s) => s.join())).toContain(Object.keys(values.dimensions).sort().join());
      expect(values.dimensions).toEqual({ ApiName: "otlp-proxy", Stage: "prod" });
      expect(table[index as string].dimensions).toEqual({ ApiName: API_NAME, Stage: STAGE_NAME });
    }
  });

  test("uses the thresholds and statistics from the defaults", () => {
    expect(byName(plan.quiet, "server-errors")).toMatchObject({ metric_name: "5XXError", statistic: "Sum", threshold: 5, period: 300, evaluation_periods: 1 });
    expect(byName(plan.quiet, "client-errors")).toMatchObject({ metric_name: "4XXError", statistic: "Sum", threshold: 100 });
    expect(byName(plan.quiet, "integration-latency")).toMatchObject({ metric_name: "IntegrationLatency", extended_statistic: "p99", threshold: 5000, statistic: null });
    for (const alarm of alarmsOf(plan.quiet)) expect(alarm.values).toMatchObject({ comparison_operator: "GreaterThanOrEqualToThreshold", treat_missing_data: "notBreaching" });
  });

  test("counts 429 answers with a metric filter on the access-log group, and alarms on that metric", () => {
    const filter = plan.quiet.at("aws_cloudwatch_log_metric_filter.throttled_filter[0]");
    expect(filter.log_group_name).toBe("otlp-proxy-access");
    expect(main.resource.aws_cloudwatch_log_metric_filter.throttled_filter.log_group_name).toBe("${aws_cloudwatch_log_group.access_logs[0].name}");
    expect(filter.pattern).toBe(throttledFilterPattern("status"));
    expect(filter.metric_transformation).toEqual([expect.objectContaining({ namespace: THROTTLED_METRIC.namespace, name: THROTTLED_METRIC.name, value: "1" })]);
    expect(byName(plan.quiet, "throttled")).toMatchObject({ namespace: THROTTLED_METRIC.namespace, metric_name: THROTTLED_METRIC.name, statistic: "Sum", threshold: 10, dimensions: null });
  });

  test("has no 429 alarm without access logs: AWS/ApiGateway has no 429 metric", () => {
    expect(plan.noLogs.ofType("aws_cloudwatch_log_metric_filter")).toEqual([]);
    expect(alarmsOf(plan.noLogs).map((a) => a.values.metric_name).sort()).toEqual(["4XXError", "5XXError", "IntegrationLatency"]);
  });

  test("notifies a topic it creates, with one email subscription per address", () => {
    expect(plan.notified.ofType("aws_sns_topic").map((t) => t.values.name)).toEqual(["otlp-proxy-alarms"]);
    const subscriptions = plan.notified.ofType("aws_sns_topic_subscription");
    expect(subscriptions.map((s) => s.values.endpoint).sort()).toEqual(["lead@example.com", "oncall@example.com"]);
    for (const s of subscriptions) {
      expect(s.values.protocol).toBe("email");
      expect(s.unknown.topic_arn).toBe(true);
    }
    // The topic's ARN is known only after apply: each alarm notifies local.alarm_topic_arn, the created topic here.
    expect(main.locals.alarm_topic_arn).toBe("${var.alarms.enabled ? lookup(var.alarms.topic_arns, local.region, one(aws_sns_topic.alarms[*].arn)) : null}");
    expect(main.resource.aws_sns_topic_subscription.alarm_email.topic_arn).toBe("${local.alarm_topic_arn}");
    for (const alarm of alarmsOf(plan.notified)) {
      expect(alarm.unknown.alarm_actions).toBeTruthy();
      expect(alarm.unknown.ok_actions).toBeTruthy();
      expect(main.resource.aws_cloudwatch_metric_alarm[alarm.name].ok_actions).toBe(main.resource.aws_cloudwatch_metric_alarm[alarm.name].alarm_actions);
    }
    expect(plan.notified.outputs.alarm_topic_arn.unknown).toBe(true);
  });

  test("notifies an existing topic of its region instead of creating one", () => {
    expect(plan.existing.ofType("aws_sns_topic")).toEqual([]);
    expect(plan.existing.ofType("aws_sns_topic_subscription").map((s) => s.values)).toEqual([expect.objectContaining({ topic_arn: TOPIC, endpoint: "a@example.com" })]);
    for (const alarm of alarmsOf(plan.existing)) expect(alarm.values).toMatchObject({ alarm_actions: [TOPIC], ok_actions: [TOPIC] });
    expect(plan.existing.outputs.alarm_topic_arn.value).toBe(TOPIC);
  });

  test("creates no topic and no actions when nobody is to be notified", () => {
    expect(plan.quiet.ofType("aws_sns_topic")).toEqual([]);
    expect(plan.quiet.ofType("aws_sns_topic_subscription")).toEqual([]);
    for (const alarm of alarmsOf(plan.quiet)) expect(alarm.values.alarm_actions).toBeNull();
    expect(plan.quiet.outputs.alarm_topic_arn).toEqual({ value: null, unknown: false });
  });

  test("follows the thresholds and periods from its inputs", () => {
    const list = alarmsOf(plan.custom);
    for (const alarm of list) expect(alarm.values).toMatchObject({ period: 60, evaluation_periods: 5 });
    expect(byName(plan.custom, "server-errors").threshold).toBe(1);
    expect(byName(plan.custom, "integration-latency").threshold).toBe(2000);
  });

  test("are all removed, with the filter, topic and subscriptions, when turned off", () => {
    for (const type of ["aws_cloudwatch_metric_alarm", "aws_cloudwatch_log_metric_filter", "aws_sns_topic", "aws_sns_topic_subscription"]) {
      expect(plan.off.ofType(type)).toEqual([]);
    }
    const alarmWidgets = JSON.parse(plan.off.at("aws_cloudwatch_dashboard.proxy[0]").dashboard_body).widgets.filter((w: any) => w.type === "alarm");
    expect(alarmWidgets).toEqual([]);
  });
});
