import { resourcesOfType, synthesizeApp, SynthesizedStack } from "../support/synth";
import { initAndValidate } from "../support/terraform-cli";

// namePrefix starts every AWS resource name, so two deployments can share an account and region; the default keeps
// every name as it was, so existing stacks plan no changes. Stack names and construct ids never change.
const everything = {
  regions: ["ap-southeast-2"],
  teams: [{ name: "default" }, { name: "data" }],
  accessLogs: true,
  alarms: { emails: ["oncall@example.com"] },
  transactionSearch: { enabled: true },
};

/** Every name-bearing attribute of a stack, sorted, with the stage's name (a reference at synth) as `<stage>`. */
function names(stack: SynthesizedStack): Record<string, string[]> {
  const of = (type: string, attribute: string) =>
    resourcesOfType(stack.json, type)
      .map((resource) => (resource[attribute] as string).replace(/\$\{aws_api_gateway_stage\.[^}]+\.stage_name\}/, "<stage>"))
      .sort();
  return {
    "aws_iam_role.name": of("aws_iam_role", "name"),
    "aws_api_gateway_rest_api.name": of("aws_api_gateway_rest_api", "name"),
    "aws_api_gateway_api_key.name": of("aws_api_gateway_api_key", "name"),
    "aws_api_gateway_usage_plan.name": of("aws_api_gateway_usage_plan", "name"),
    "aws_cloudwatch_dashboard.dashboard_name": of("aws_cloudwatch_dashboard", "dashboard_name"),
    "aws_cloudwatch_metric_alarm.alarm_name": of("aws_cloudwatch_metric_alarm", "alarm_name"),
    "aws_sns_topic.name": of("aws_sns_topic", "name"),
    "aws_cloudformation_stack.name": of("aws_cloudformation_stack", "name"),
    "aws_cloudwatch_log_metric_filter.name": of("aws_cloudwatch_log_metric_filter", "name"),
    "aws_cloudwatch_log_group.name (access logs)": of("aws_cloudwatch_log_group", "name").filter((name) => name.endsWith("-access")),
  };
}

describe("namePrefix", () => {
  const [prefixed] = synthesizeApp({ ...everything, namePrefix: "staging-otlp" });
  const [unprefixed] = synthesizeApp(everything);

  test.each(Object.entries(names(prefixed)))("starts every %s with it", (_attribute, values) => {
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).toMatch(/^staging-otlp(-|$)/);
  });

  test("gives the expected names in full", () => {
    expect(names(prefixed)).toMatchObject({
      "aws_iam_role.name": ["staging-otlp-ap-southeast-2", "staging-otlp-apigw-logs-ap-southeast-2"],
      "aws_api_gateway_rest_api.name": ["staging-otlp"],
      "aws_api_gateway_api_key.name": ["staging-otlp-data-ap-southeast-2", "staging-otlp-default-ap-southeast-2"],
      "aws_cloudwatch_dashboard.dashboard_name": ["staging-otlp-ap-southeast-2"],
      "aws_sns_topic.name": ["staging-otlp-alarms"],
      "aws_cloudformation_stack.name": ["staging-otlp-transaction-search"],
      "aws_cloudwatch_log_metric_filter.name": ["staging-otlp-throttled"],
      "aws_cloudwatch_log_group.name (access logs)": ["staging-otlp-access"],
    });
    expect(names(prefixed)["aws_cloudwatch_metric_alarm.alarm_name"]).toContain("staging-otlp-<stage>-server-errors");
  });

  test("keeps the 429 metric of a prefixed deployment in its own namespace, and names the Transaction Search policy after it", () => {
    const [filter] = resourcesOfType(prefixed.json, "aws_cloudwatch_log_metric_filter");
    expect(filter.metric_transformation.namespace).toBe("OtlpProxy/staging-otlp");
    const throttled = resourcesOfType(prefixed.json, "aws_cloudwatch_metric_alarm").find((alarm) => alarm.alarm_name.endsWith("-throttled"))!;
    expect(throttled.namespace).toBe("OtlpProxy/staging-otlp");
    const [cfn] = resourcesOfType(prefixed.json, "aws_cloudformation_stack");
    expect(JSON.parse(cfn.template_body).Resources.LogsResourcePolicy.Properties.PolicyName).toBe("staging-otlp-transaction-search");
  });

  test("leaves the default deployment's names exactly as before", () => {
    expect(names(unprefixed)).toEqual({
      "aws_iam_role.name": ["otlp-proxy-ap-southeast-2", "otlp-proxy-apigw-logs-ap-southeast-2"],
      "aws_api_gateway_rest_api.name": ["otlp-proxy"],
      "aws_api_gateway_api_key.name": ["otlp-proxy-data-ap-southeast-2", "otlp-proxy-default-ap-southeast-2"],
      "aws_api_gateway_usage_plan.name": ["otlp-proxy-data-ap-southeast-2", "otlp-proxy-default-ap-southeast-2"],
      "aws_cloudwatch_dashboard.dashboard_name": ["otlp-proxy-ap-southeast-2"],
      "aws_cloudwatch_metric_alarm.alarm_name": [
        "otlp-proxy-<stage>-client-errors",
        "otlp-proxy-<stage>-integration-latency",
        "otlp-proxy-<stage>-server-errors",
        "otlp-proxy-<stage>-throttled",
      ],
      "aws_sns_topic.name": ["otlp-proxy-alarms"],
      "aws_cloudformation_stack.name": ["otlp-proxy-transaction-search"],
      "aws_cloudwatch_log_metric_filter.name": ["otlp-proxy-throttled"],
      "aws_cloudwatch_log_group.name (access logs)": ["otlp-proxy-access"],
    });
    const [filter] = resourcesOfType(unprefixed.json, "aws_cloudwatch_log_metric_filter");
    expect(filter.metric_transformation.namespace).toBe("OtlpProxy");
    const [cfn] = resourcesOfType(unprefixed.json, "aws_cloudformation_stack");
    expect(JSON.parse(cfn.template_body).Resources.LogsResourcePolicy.Properties.PolicyName).toBe("otlp-proxy-transaction-search");
  });

  test("changes neither the stack name nor any Terraform address", () => {
    expect(prefixed.name).toBe("otlp-proxy-ap-southeast-2");
    const addresses = (stack: SynthesizedStack) =>
      Object.entries(stack.json.resource).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`)).sort();
    expect(addresses(prefixed)).toEqual(addresses(unprefixed));
  });

  test("gives a stack that passes terraform validate", () => {
    expect(initAndValidate(prefixed.dir)).toContain("Success! The configuration is valid");
  }, 300_000);
});
