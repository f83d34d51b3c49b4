import { ModulePlan } from "../support/plan-module";
import { modulePlansFor } from "../support/shared-module-plan";
import CALLS from "./name-prefix.module-calls";

// name_prefix starts every AWS resource name the module gives, so two deployments can share an account and region;
// the default keeps every name as it was, so existing stacks plan no changes. Terraform addresses never change.

/** Every name-bearing attribute the plan knows, sorted. */
function names(plan: ModulePlan): Record<string, string[]> {
  const of = (type: string, attribute: string) => plan.ofType(type).map((r) => r.values[attribute] as string).sort();
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
    "aws_cloudwatch_log_group.name (access logs)": plan.ofType("aws_cloudwatch_log_group").filter((g) => g.name === "access_logs").map((g) => g.values.name),
  };
}

const plan = modulePlansFor(CALLS);

describe("the module's name_prefix", () => {
  test("starts every name with it", () => {
    for (const [attribute, values] of Object.entries(names(plan.prefixed))) {
      expect([attribute, values.length > 0]).toEqual([attribute, true]);
      for (const value of values) expect([attribute, value]).toEqual([attribute, expect.stringMatching(/^staging-otlp(-|$)/)]);
    }
  });

  test("gives the expected names in full", () => {
    expect(names(plan.prefixed)).toMatchObject({
      "aws_iam_role.name": ["staging-otlp-ap-southeast-2", "staging-otlp-apigw-logs-ap-southeast-2"],
      "aws_api_gateway_rest_api.name": ["staging-otlp"],
      "aws_api_gateway_api_key.name": ["staging-otlp-data-ap-southeast-2", "staging-otlp-default-ap-southeast-2"],
      "aws_cloudwatch_dashboard.dashboard_name": ["staging-otlp-ap-southeast-2"],
      "aws_sns_topic.name": ["staging-otlp-alarms"],
      "aws_cloudformation_stack.name": ["staging-otlp-transaction-search"],
      "aws_cloudwatch_log_metric_filter.name": ["staging-otlp-throttled"],
      "aws_cloudwatch_log_group.name (access logs)": ["staging-otlp-access"],
    });
    expect(names(plan.prefixed)["aws_cloudwatch_metric_alarm.alarm_name"]).toContain("staging-otlp-prod-server-errors");
  });

  test("keeps the 429 metric of a prefixed deployment in its own namespace, and names the Transaction Search policy after it", () => {
    expect(plan.prefixed.at("aws_cloudwatch_log_metric_filter.throttled_filter[0]").metric_transformation[0].namespace).toBe("OtlpProxy/staging-otlp");
    expect(plan.prefixed.at('aws_cloudwatch_metric_alarm.proxy["throttled"]').namespace).toBe("OtlpProxy/staging-otlp");
    const cfn = plan.prefixed.at("aws_cloudformation_stack.transaction_search[0]");
    expect(JSON.parse(cfn.template_body).Resources.LogsResourcePolicy.Properties.PolicyName).toBe("staging-otlp-transaction-search");
  });

  test("leaves the default deployment's names exactly as before", () => {
    expect(names(plan.unprefixed)).toEqual({
      "aws_iam_role.name": ["otlp-proxy-ap-southeast-2", "otlp-proxy-apigw-logs-ap-southeast-2"],
      "aws_api_gateway_rest_api.name": ["otlp-proxy"],
      "aws_api_gateway_api_key.name": ["otlp-proxy-data-ap-southeast-2", "otlp-proxy-default-ap-southeast-2"],
      "aws_api_gateway_usage_plan.name": ["otlp-proxy-data-ap-southeast-2", "otlp-proxy-default-ap-southeast-2"],
      "aws_cloudwatch_dashboard.dashboard_name": ["otlp-proxy-ap-southeast-2"],
      "aws_cloudwatch_metric_alarm.alarm_name": [
        "otlp-proxy-prod-client-errors",
        "otlp-proxy-prod-integration-latency",
        "otlp-proxy-prod-server-errors",
        "otlp-proxy-prod-throttled",
      ],
      "aws_sns_topic.name": ["otlp-proxy-alarms"],
      "aws_cloudformation_stack.name": ["otlp-proxy-transaction-search"],
      "aws_cloudwatch_log_metric_filter.name": ["otlp-proxy-throttled"],
      "aws_cloudwatch_log_group.name (access logs)": ["otlp-proxy-access"],
    });
    expect(plan.unprefixed.at("aws_cloudwatch_log_metric_filter.throttled_filter[0]").metric_transformation[0].namespace).toBe("OtlpProxy");
    const cfn = plan.unprefixed.at("aws_cloudformation_stack.transaction_search[0]");
    expect(JSON.parse(cfn.template_body).Resources.LogsResourcePolicy.Properties.PolicyName).toBe("otlp-proxy-transaction-search");
  });

  test("changes no Terraform address", () => {
    const addresses = (plan: ModulePlan) => Object.values(plan.resources).map((r) => r.localAddress).sort();
    expect(addresses(plan.prefixed)).toEqual(addresses(plan.unprefixed));
  });
});
