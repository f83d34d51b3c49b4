import { API_GATEWAY_DIMENSION_SETS, API_GATEWAY_METRICS, API_GATEWAY_NAMESPACE } from "../../src/observability/api-gateway-metrics";
import { THROTTLED_METRIC, throttledFilterPattern } from "../../src/observability/alarm-specs";
import { resourcesOfType, synthesizeApp } from "../support/synth";
import { refersToStackResource } from "../support/terraform-refs";

describe("ProxyAlarms in a region stack", () => {
  const [stack] = synthesizeApp({ regions: ["us-west-2"], alarms: { emails: ["oncall@example.com", "lead@example.com"] } });
  const alarms = resourcesOfType(stack.json, "aws_cloudwatch_metric_alarm");
  const byId = (id: string) => alarms.find((a) => a["//"].metadata.path.endsWith(`/alarms/${id}`))!;

  test("creates the 5XX, 4XX-spike, integration-latency and (with access logs) 429 alarms by default", () => {
    expect(alarms.map((a) => a["//"].metadata.path.split("/").pop()).sort()).toEqual(["client-errors", "integration-latency", "server-errors", "throttled"]);
  });

  test("watches only documented AWS/ApiGateway metrics of the stack's own API and stage", () => {
    for (const alarm of alarms.filter((a) => a.namespace === API_GATEWAY_NAMESPACE)) {
      expect(Object.keys(API_GATEWAY_METRICS)).toContain(alarm.metric_name);
      expect(API_GATEWAY_DIMENSION_SETS.map((s) => s.join())).toContain(Object.keys(alarm.dimensions).sort().join());
      expect(refersToStackResource(stack.json, alarm.dimensions.ApiName, "aws_api_gateway_rest_api")).toBe(true);
      expect(refersToStackResource(stack.json, alarm.dimensions.Stage, "aws_api_gateway_stage")).toBe(true);
    }
  });

  test("uses the thresholds and statistics from the defaults", () => {
    expect(byId("server-errors")).toMatchObject({ metric_name: "5XXError", statistic: "Sum", threshold: 5, period: 300, evaluation_periods: 1 });
    expect(byId("client-errors")).toMatchObject({ metric_name: "4XXError", statistic: "Sum", threshold: 100 });
    expect(byId("integration-latency")).toMatchObject({ metric_name: "IntegrationLatency", extended_statistic: "p99", threshold: 5000 });
    expect(byId("integration-latency").statistic).toBeUndefined();
    for (const alarm of alarms) expect(alarm).toMatchObject({ comparison_operator: "GreaterThanOrEqualToThreshold", treat_missing_data: "notBreaching" });
  });

  test("counts 429 answers with a metric filter on the stack's access-log group, and alarms on that metric", () => {
    const [filter] = resourcesOfType(stack.json, "aws_cloudwatch_log_metric_filter");
    expect(refersToStackResource(stack.json, filter.log_group_name, "aws_cloudwatch_log_group")).toBe(true);
    expect(filter.pattern).toBe(throttledFilterPattern("status"));
    expect(filter.metric_transformation).toMatchObject({ namespace: THROTTLED_METRIC.namespace, name: THROTTLED_METRIC.name, value: "1" });
    expect(byId("throttled")).toMatchObject({ namespace: THROTTLED_METRIC.namespace, metric_name: THROTTLED_METRIC.name, statistic: "Sum", threshold: 10 });
    expect(byId("throttled").dimensions).toBeUndefined();
  });

  test("has no 429 alarm without access logs: AWS/ApiGateway has no 429 metric", () => {
    const [noLogs] = synthesizeApp({ regions: ["us-west-2"], accessLogs: false });
    expect(resourcesOfType(noLogs.json, "aws_cloudwatch_log_metric_filter")).toEqual([]);
    expect(resourcesOfType(noLogs.json, "aws_cloudwatch_metric_alarm").map((a) => a.metric_name).sort()).toEqual(["4XXError", "5XXError", "IntegrationLatency"]);
  });

  test("notifies a topic it creates, with one email subscription per address", () => {
    const [topic] = resourcesOfType(stack.json, "aws_sns_topic");
    expect(topic.name).toBe("otlp-proxy-alarms");
    const subscriptions = resourcesOfType(stack.json, "aws_sns_topic_subscription");
    expect(subscriptions.map((s) => s.endpoint).sort()).toEqual(["lead@example.com", "oncall@example.com"]);
    for (const s of subscriptions) expect(s).toMatchObject({ protocol: "email", topic_arn: expect.stringMatching(/^\$\{aws_sns_topic\./) });
    for (const alarm of alarms) {
      expect(alarm.alarm_actions).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\..+\.arn\}$/)]);
      expect(alarm.ok_actions).toEqual(alarm.alarm_actions);
    }
    expect(stack.json.output.alarm_topic_arn.value).toMatch(/^\$\{aws_sns_topic\./);
  });

  test("notifies an existing topic of its region instead of creating one", () => {
    const arn = "arn:aws:sns:us-west-2:123456789012:ops";
    const [withTopic] = synthesizeApp({ regions: ["us-west-2"], alarms: { topicArns: { "us-west-2": arn }, emails: ["a@example.com"] } });
    expect(resourcesOfType(withTopic.json, "aws_sns_topic")).toEqual([]);
    expect(resourcesOfType(withTopic.json, "aws_sns_topic_subscription")).toEqual([expect.objectContaining({ topic_arn: arn })]);
    for (const alarm of resourcesOfType(withTopic.json, "aws_cloudwatch_metric_alarm")) expect(alarm.alarm_actions).toEqual([arn]);
  });

  test("creates no topic and no actions when nobody is to be notified", () => {
    const [quiet] = synthesizeApp({ regions: ["us-west-2"] });
    expect(resourcesOfType(quiet.json, "aws_sns_topic")).toEqual([]);
    for (const alarm of resourcesOfType(quiet.json, "aws_cloudwatch_metric_alarm")) expect(alarm.alarm_actions).toBeUndefined();
    expect(quiet.json.output.alarm_topic_arn).toBeUndefined();
  });

  test("follows the thresholds and periods from settings", () => {
    const [custom] = synthesizeApp({ regions: ["us-west-2"], alarms: { periodSeconds: 60, evaluationPeriods: 5, serverErrorsPerPeriod: 1, integrationLatencyP99Millis: 2000 } });
    const list = resourcesOfType(custom.json, "aws_cloudwatch_metric_alarm");
    for (const alarm of list) expect(alarm).toMatchObject({ period: 60, evaluation_periods: 5 });
    expect(list.find((a) => a.metric_name === "5XXError")!.threshold).toBe(1);
    expect(list.find((a) => a.metric_name === "IntegrationLatency")!.threshold).toBe(2000);
  });

  test("are all removed, with the filter, topic and subscriptions, when turned off", () => {
    const [off] = synthesizeApp({ regions: ["us-west-2"], alarms: { enabled: false, emails: ["a@example.com"] } });
    for (const type of ["aws_cloudwatch_metric_alarm", "aws_cloudwatch_log_metric_filter", "aws_sns_topic", "aws_sns_topic_subscription"]) {
      expect(resourcesOfType(off.json, type)).toEqual([]);
    }
    const alarmWidgets = JSON.parse(resourcesOfType(off.json, "aws_cloudwatch_dashboard")[0].dashboard_body).widgets.filter((w: any) => w.type === "alarm");
    expect(alarmWidgets).toEqual([]);
  });
});
