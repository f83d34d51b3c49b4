import { countByType, initAndValidate, offlinePlannedResources } from "../support/terraform-cli";
import { synthesizeApp } from "../support/synth";

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

  test("passes terraform validate", () => {
    expect(initAndValidate(stack.dir)).toContain("Success! The configuration is valid");
  });

  test("plans the module's dashboard, alarms, 429 filter, topic, subscription and CloudFormation stack", () => {
    const planned = offlinePlannedResources(stack.dir, "us-east-1");
    expect(planned.every((r) => r.address.startsWith("module.otlp_proxy."))).toBe(true);
    expect(countByType(planned)).toMatchObject({
      aws_cloudwatch_dashboard: 1,
      aws_cloudwatch_metric_alarm: 4,
      aws_cloudwatch_log_metric_filter: 1,
      aws_sns_topic: 1,
      aws_sns_topic_subscription: 1,
      aws_cloudformation_stack: 1,
    });
  }, 300_000);

  test("with an existing topic per region passes terraform validate", () => {
    const [withTopic] = synthesizeApp({ regions: ["eu-west-1"], alarms: { topicArns: { "eu-west-1": "arn:aws:sns:eu-west-1:123456789012:ops" } } });
    expect(initAndValidate(withTopic.dir)).toContain("Success! The configuration is valid");
  });
});
