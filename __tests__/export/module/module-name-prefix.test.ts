import { committedModule } from "../../support/plan-module";

// The committed module's name_prefix variable (the region stacks pass namePrefix to it) starts every name it gives.
describe("the Terraform module's name_prefix", () => {
  const all = Object.assign({}, ...Object.values(committedModule())) as { resource: Record<string, Record<string, Record<string, any>>>; locals: Record<string, any>; variable: Record<string, any> };
  const resource = (type: string, name: string) => all.resource[type][name];

  test("is a variable defaulting to otlp-proxy, so the module's default names are unchanged", () => {
    expect(all.variable.name_prefix.default).toBe("otlp-proxy");
  });

  test.each<[string, string, string, string]>([
    ["aws_iam_role", "integration", "name", "${var.name_prefix}-${local.region}"],
    ["aws_iam_role", "account_logging", "name", "${var.name_prefix}-apigw-logs-${local.region}"],
    ["aws_api_gateway_rest_api", "api", "name", "${var.name_prefix}"],
    ["aws_api_gateway_api_key", "team", "name", "${var.name_prefix}-${each.key}-${local.region}"],
    ["aws_api_gateway_usage_plan", "team_plan", "name", "${var.name_prefix}-${each.key}-${local.region}"],
    ["aws_cloudwatch_dashboard", "proxy", "dashboard_name", "${var.name_prefix}-${local.region}"],
    ["aws_sns_topic", "alarms", "name", "${var.name_prefix}-alarms"],
    ["aws_cloudwatch_log_metric_filter", "throttled_filter", "name", "${var.name_prefix}-throttled"],
    ["aws_cloudformation_stack", "transaction_search", "name", "${var.name_prefix}-transaction-search"],
    ["aws_cloudwatch_log_group", "access_logs", "name", "${local.access_log_group_name}"],
  ])("names %s.%s from it", (type, name, attribute, expected) => {
    expect(resource(type, name)[attribute]).toBe(expected);
  });

  test("starts every alarm name with it", () => {
    const alarms = Object.values(all.resource.aws_cloudwatch_metric_alarm);
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(alarm.alarm_name).toMatch(/^\$\{var\.name_prefix\}-/);
  });

  test("derives the default access-log group and the 429 metric's namespace from it only when it is not the default", () => {
    expect(all.locals.access_log_group_name).toBe('${var.access_log_group_name == "otlp-proxy-access" ? "${var.name_prefix}-access" : var.access_log_group_name}');
    expect(all.locals.throttled_metric_namespace).toBe('${var.name_prefix == "otlp-proxy" ? "OtlpProxy" : "OtlpProxy/${var.name_prefix}"}');
    expect(resource("aws_cloudwatch_log_metric_filter", "throttled_filter").metric_transformation.namespace).toBe("${local.throttled_metric_namespace}");
    expect(all.locals.alarms).toContain("namespace = local.throttled_metric_namespace");
  });

  test("names the Transaction Search resource policy from it", () => {
    expect(resource("aws_cloudformation_stack", "transaction_search").template_body).toContain("PolicyName = \"${var.name_prefix}-transaction-search\"");
  });

  test("leaves no literal otlp-proxy name in any resource", () => {
    expect(JSON.stringify(all.resource)).not.toMatch(/"otlp-proxy-|\\"otlp-proxy\\"/);
  });
});
