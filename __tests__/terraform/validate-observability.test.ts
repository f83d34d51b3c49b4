import { initAndValidate } from "../support/terraform-cli";
import { resourcesOfType, synthesizeApp } from "../support/synth";

// terraform init + validate (hashicorp/aws 5.100.0, offline) of a stack with every observability option on:
// dashboard with per-route and AI usage widgets, alarms with a topic and emails, and Transaction Search.
describe("a region stack with every observability option on", () => {
  const [stack] = synthesizeApp({
    regions: ["us-east-1"],
    detailedMetrics: true,
    teams: [{ name: "platform" }, { name: "data" }],
    dashboard: { enabled: true, aiUsageWidgets: true },
    alarms: { periodSeconds: 60, evaluationPeriods: 3, emails: ["oncall@example.com"] },
    transactionSearch: { enabled: true, indexingPercentage: 5 },
  });

  test("holds the dashboard, alarms, 429 filter, topic, subscription and CloudFormation stack", () => {
    for (const type of ["aws_cloudwatch_dashboard", "aws_cloudwatch_metric_alarm", "aws_cloudwatch_log_metric_filter", "aws_sns_topic", "aws_sns_topic_subscription", "aws_cloudformation_stack"]) {
      expect(resourcesOfType(stack.json, type).length).toBeGreaterThan(0);
    }
  });

  test("passes terraform validate", () => {
    expect(initAndValidate(stack.dir)).toContain("Success! The configuration is valid");
  });

  test("with an existing topic per region passes terraform validate", () => {
    const [withTopic] = synthesizeApp({ regions: ["eu-west-1"], alarms: { topicArns: { "eu-west-1": "arn:aws:sns:eu-west-1:123456789012:ops" } } });
    expect(initAndValidate(withTopic.dir)).toContain("Success! The configuration is valid");
  });
});
