import { ACCESS_LOG_FIELDS } from "../../src/infra/proxy/access-log-format";
import { committedModule, evaluateExpression } from "../support/plan-module";
import { modulePlansFor } from "../support/shared-module-plan";
import CALLS, { ACL, CERT } from "./otlp-proxy-module-access.module-calls";

// Teams, logging and network restrictions of the module: what every call shares from its committed JSON, what the
// inputs decide from one `terraform plan` of the module called once per case.
const { main } = committedModule();
const resource = (type: string, name: string): Record<string, any> => main.resource[type][name];
const EXECUTION_ARN = "arn:aws:execute-api:us-west-2:123456789012:abcdef1234";

/** The source-IP policy the module writes for the given allow-list, with the API's execution ARN filled in. */
function sourceIpPolicy(allowed: string[]): any {
  const text = evaluateExpression(resource("aws_api_gateway_rest_api_policy", "source_ip_policy").policy, {
    vars: { allowed_source_cidrs: allowed },
    locals: { allowed_source_cidrs: main.locals.allowed_source_cidrs },
    standIns: { "aws_api_gateway_rest_api.api.execution_arn": EXECUTION_ARN },
  });
  return JSON.parse(text);
}

/** The REST API changes in chain order, from each one's depends_on (the chain's link is the last entry). */
function chain(): string[] {
  const next = new Map<string, string>();
  for (const [type, resources] of Object.entries(main.resource as Record<string, Record<string, any>>)) {
    for (const [name, config] of Object.entries(resources)) {
      const previous = (config.depends_on ?? []).slice(-1)[0];
      if (previous) next.set(previous, `${type}.${name}`);
    }
  }
  const order = ["aws_api_gateway_rest_api.api"];
  while (next.has(order[order.length - 1])) order.push(next.get(order[order.length - 1])!);
  return order;
}

const plan = modulePlansFor(CALLS);

describe("the module's teams", () => {
  test("gives three teams three keys, plans and plan keys, each plan bound to the stage with the team's limits", () => {
    const teams = plan.teams;
    expect(teams.ofType("aws_api_gateway_api_key").map((k) => k.values.name).sort()).toEqual([
      "otlp-proxy-contractors-us-west-2",
      "otlp-proxy-data-science-us-west-2",
      "otlp-proxy-platform-us-west-2",
    ]);
    const plans = teams.ofType("aws_api_gateway_usage_plan").map((p) => p.values);
    expect(plans.map((p) => [p.name, p.throttle_settings, p.quota_settings]).sort()).toEqual([
      ["otlp-proxy-contractors-us-west-2", [{ rate_limit: 1, burst_limit: 2 }], []],
      ["otlp-proxy-data-science-us-west-2", [{ rate_limit: 20, burst_limit: 40 }], [{ limit: 1000, offset: 0, period: "DAY" }]],
      ["otlp-proxy-platform-us-west-2", [{ rate_limit: 50, burst_limit: 100 }], []],
    ]);
    for (const p of plans) expect(p.api_stages).toEqual([expect.objectContaining({ stage: "prod" })]);
    // A nested block in Terraform's JSON syntax: one object, or a list of them.
    expect([resource("aws_api_gateway_usage_plan", "team_plan").api_stages].flat()).toEqual([
      { api_id: "${aws_api_gateway_rest_api.api.id}", stage: "${aws_api_gateway_stage.api_stage.stage_name}" },
    ]);
    expect(teams.ofType("aws_api_gateway_usage_plan_key").map((k) => k.index).sort()).toEqual(["contractors", "data-science", "platform"]);
    for (const type of ["aws_api_gateway_api_key", "aws_api_gateway_usage_plan", "aws_api_gateway_usage_plan_key"]) {
      expect(resource(type, Object.keys(main.resource[type])[0]).for_each).toBe("${local.teams}");
    }
    expect(main.locals.teams).toBe("${{ for t in var.teams : t.name => t }}");
    expect(resource("aws_api_gateway_usage_plan_key", "team_plan_key")).toMatchObject({
      key_id: "${aws_api_gateway_api_key.team[each.key].id}",
      usage_plan_id: "${aws_api_gateway_usage_plan.team_plan[each.key].id}",
    });
  });

  test("disables only the disabled team's key, keeping it", () => {
    expect(plan.teams.ofType("aws_api_gateway_api_key").map((k) => [k.values.tags["otlp-proxy:team"], k.values.enabled]).sort()).toEqual([
      ["contractors", false],
      ["data-science", true],
      ["platform", true],
    ]);
  });

  test("keys the default team's key, plan and plan key by its name", () => {
    expect(plan.open.ofType("aws_api_gateway_api_key").map((r) => r.localAddress)).toEqual(['aws_api_gateway_api_key.team["default"]']);
    expect(plan.open.ofType("aws_api_gateway_usage_plan").map((r) => r.localAddress)).toEqual(['aws_api_gateway_usage_plan.team_plan["default"]']);
    expect(plan.open.ofType("aws_api_gateway_usage_plan_key").map((r) => r.localAddress)).toEqual(['aws_api_gateway_usage_plan_key.team_plan_key["default"]']);
  });
});

describe("the module's logging", () => {
  test("writes one JSON line per request with every access-log field to its own log group", () => {
    const [settings] = plan.teams.at("aws_api_gateway_stage.api_stage").access_log_settings;
    expect(resource("aws_api_gateway_stage", "api_stage").dynamic.access_log_settings.content.destination_arn).toBe("${aws_cloudwatch_log_group.access_logs[0].arn}");
    // $context.error.messageString arrives already quoted, so the template holds it bare.
    const format = JSON.parse(settings.format.replace("$context.error.messageString", '"$context.error.messageString"'));
    expect(format).toEqual(ACCESS_LOG_FIELDS);
    for (const variable of [
      "$context.requestId", "$context.requestTime", "$context.identity.sourceIp", "$context.identity.apiKeyId", "$context.resourcePath",
      "$context.status", "$context.integration.status", "$context.integration.latency", "$context.responseLength", "$context.error.messageString",
      "$context.integrationErrorMessage",
    ]) {
      expect(Object.values(format)).toContain(variable);
    }
    expect(JSON.stringify(format)).not.toContain('$context.identity.apiKey"');
    expect(plan.teams.at("aws_cloudwatch_log_group.access_logs[0]")).toMatchObject({ name: "/otlp/access", retention_in_days: 14 });
  });

  test("stays valid JSON when an error message holds a quote", () => {
    const [settings] = plan.teams.at("aws_api_gateway_stage.api_stage").access_log_settings;
    const line = (settings.format as string).replace("$context.error.messageString", JSON.stringify('Invalid "x-api-key"')).replace(/\$context\.[A-Za-z.]+/g, "-");
    expect(JSON.parse(line).errorMessage).toBe('Invalid "x-api-key"');
  });

  test("sets the account logging role with AWS's push-to-CloudWatch policy, and creates the stage right after it", () => {
    expect(plan.open.has("aws_api_gateway_account.account[0]")).toBe(true);
    expect(resource("aws_api_gateway_account", "account").cloudwatch_role_arn).toBe("${aws_iam_role.account_logging[0].arn}");
    expect(resource("aws_api_gateway_account", "account").depends_on).toContain("aws_iam_role_policy_attachment.account_logging_push_to_cloudwatch_logs");
    expect(plan.open.ofType("aws_iam_role_policy_attachment").map((a) => a.values)).toEqual([
      expect.objectContaining({ policy_arn: "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs", role: "otlp-proxy-apigw-logs-us-west-2" }),
    ]);
    expect(resource("aws_api_gateway_stage", "api_stage").depends_on).toEqual(["aws_api_gateway_account.account"]);
  });

  test("leaves an existing account logging role alone when told to", () => {
    expect(plan.existing.ofType("aws_api_gateway_account")).toEqual([]);
    expect(plan.existing.ofType("aws_iam_role").map((r) => r.values.name)).toEqual(["otlp-proxy-us-west-2"]);
    expect(plan.existing.at("aws_api_gateway_stage.api_stage").access_log_settings).toHaveLength(1);
  });

  test("needs no account role and writes no access logs when all logging is off", () => {
    expect(plan.off.ofType("aws_api_gateway_account")).toEqual([]);
    expect(plan.off.ofType("aws_iam_role_policy_attachment")).toEqual([]);
    expect(plan.off.at("aws_api_gateway_stage.api_stage").access_log_settings).toEqual([]);
    expect(plan.off.ofType("aws_cloudwatch_log_group").map((g) => g.localAddress)).toEqual(["aws_cloudwatch_log_group.otlp_logs"]);
  });

  test("keeps execution logs off, metrics off and data tracing off by default, in method settings for every method", () => {
    expect(plan.open.ofType("aws_api_gateway_method_settings").map((s) => s.values)).toEqual([
      expect.objectContaining({ method_path: "*/*", settings: [expect.objectContaining({ logging_level: "OFF", metrics_enabled: false, data_trace_enabled: false })] }),
      expect.objectContaining({ method_path: "v1/metrics/POST", settings: [expect.objectContaining({ logging_level: "OFF", metrics_enabled: false, data_trace_enabled: false })] }),
    ]);
    expect(plan.open.ofType("aws_cloudwatch_log_group").map((g) => g.name).sort()).toEqual(["access_logs", "otlp_logs"]);
  });

  test("turns on execution logs and detailed metrics, owning the execution log group, but never data tracing", () => {
    expect(plan.execution.at("aws_api_gateway_method_settings.method_settings").settings).toEqual([
      expect.objectContaining({ logging_level: "INFO", metrics_enabled: true, data_trace_enabled: false }),
    ]);
    expect(plan.execution.has("aws_cloudwatch_log_group.execution_logs[0]")).toBe(true);
    expect(resource("aws_cloudwatch_log_group", "execution_logs").name).toBe("API-Gateway-Execution-Logs_${aws_api_gateway_rest_api.api.id}/${var.stage_name}");
    expect(resource("aws_api_gateway_method_settings", "method_settings").settings.data_trace_enabled).toBe(false);
  });
});

describe("the metrics route's stage throttle", () => {
  test("caps /v1/metrics for all teams together at the endpoint's 500 requests per second by default", () => {
    expect(plan.open.at("aws_api_gateway_method_settings.metrics_throttle[0]")).toMatchObject({
      method_path: "v1/metrics/POST",
      settings: [expect.objectContaining({ throttling_rate_limit: 500, throttling_burst_limit: 500 })],
    });
  });

  test("takes a lower rate, and repeats the stage-wide logging and metrics settings, which a method's own settings replace", () => {
    expect(plan.execution.at("aws_api_gateway_method_settings.metrics_throttle[0]").settings).toEqual([
      expect.objectContaining({ throttling_rate_limit: 200, throttling_burst_limit: 300, logging_level: "INFO", metrics_enabled: true, data_trace_enabled: false }),
    ]);
  });

  test("is left out when turned off, or where no metrics route exists", () => {
    expect(plan.off.ofType("aws_api_gateway_method_settings").map((s) => s.values.method_path)).toEqual(["*/*"]);
    expect(resource("aws_api_gateway_method_settings", "metrics_throttle").count).toBe('${var.metrics_throttle.enabled && contains(local.signals, "metrics") ? 1 : 0}');
  });
});

describe("the module's network restrictions", () => {
  test("denies every source outside the allowed ranges with a resource policy", () => {
    expect(plan.network.has("aws_api_gateway_rest_api_policy.source_ip_policy[0]")).toBe(true);
    const resourceArn = `${EXECUTION_ARN}/*`;
    expect(sourceIpPolicy(["203.0.113.0/24", "2001:db8::/32"]).Statement).toEqual([
      { Sid: "AllowInvoke", Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: resourceArn },
      {
        Sid: "DenyOtherSourceIps",
        Effect: "Deny",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: resourceArn,
        Condition: { NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] } },
      },
    ]);
  });

  test("writes a bare address with its prefix, /32 for IPv4 and /128 for IPv6, since IAM reads a bare one as /32", () => {
    expect(sourceIpPolicy(["192.0.2.10", "2001:db8::1"]).Statement[1].Condition.NotIpAddress["aws:SourceIp"]).toEqual(["192.0.2.10/32", "2001:db8::1/128"]);
  });

  test("redeploys when the policy changes, and explains a denied source", () => {
    // The trigger hashes local.deployment_serves, which holds the policy while it exists.
    expect(resource("aws_api_gateway_deployment", "api_deployment").triggers.redeployment).toBe("${sha1(jsonencode(local.deployment_serves))}");
    expect(main.locals.deployment_serves).toContain('"aws_api_gateway_rest_api_policy.source_ip_policy" = (local.source_ip_restricted ? 1 : 0) > 0 ? { for name, value in { rest_api_id = aws_api_gateway_rest_api.api.id, policy = jsonencode(');
    const denied = plan.network.ofType("aws_api_gateway_gateway_response").find((r) => r.values.response_type === "ACCESS_DENIED")!;
    expect(JSON.parse(denied.values.response_templates["application/json"]).message).toContain("allowed source ranges");
  });

  test("serves IPv6 clients only with ipAddressType dualstack: the REST API and its custom domain follow the setting", () => {
    expect(plan.network.at("aws_api_gateway_rest_api.api").endpoint_configuration).toEqual([expect.objectContaining({ types: ["REGIONAL"], ip_address_type: "dualstack" })]);
    expect(plan.open.at("aws_api_gateway_rest_api.api").endpoint_configuration).toEqual([expect.objectContaining({ types: ["REGIONAL"], ip_address_type: "ipv4" })]);
    expect(resource("aws_api_gateway_domain_name", "custom_domain").endpoint_configuration.ip_address_type).toBe("${var.ip_address_type}");
  });

  test("creates no policy and no ACCESS_DENIED response without an allow-list", () => {
    expect(plan.open.ofType("aws_api_gateway_rest_api_policy")).toEqual([]);
    expect(plan.open.ofType("aws_api_gateway_gateway_response").map((r) => r.values.response_type)).not.toContain("ACCESS_DENIED");
  });

  test("associates the web ACL with the stage, and none without one", () => {
    expect(plan.network.ofType("aws_wafv2_web_acl_association").map((a) => a.values)).toEqual([expect.objectContaining({ web_acl_arn: ACL })]);
    expect(resource("aws_wafv2_web_acl_association", "web_acl").resource_arn).toBe("${aws_api_gateway_stage.api_stage.arn}");
    expect(plan.open.ofType("aws_wafv2_web_acl_association")).toEqual([]);
  });

  test("serves a regional custom domain with TLS 1.2, a base path mapping and an alias record, without the execute-api endpoint", () => {
    expect(plan.network.ofType("aws_api_gateway_domain_name").map((d) => d.values)).toEqual([
      expect.objectContaining({
        domain_name: "otlp.example.com",
        regional_certificate_arn: CERT,
        security_policy: "TLS_1_2",
        endpoint_configuration: [expect.objectContaining({ types: ["REGIONAL"], ip_address_type: "dualstack" })],
      }),
    ]);
    expect(plan.network.ofType("aws_api_gateway_base_path_mapping").map((m) => m.values)).toEqual([expect.objectContaining({ base_path: "otlp" })]);
    expect(resource("aws_api_gateway_base_path_mapping", "custom_domain_mapping")).toMatchObject({
      domain_name: "${aws_api_gateway_domain_name.custom_domain[0].domain_name}",
      stage_name: "${aws_api_gateway_stage.api_stage.stage_name}",
    });
    expect(plan.network.ofType("aws_route53_record").map((r) => r.values)).toEqual([
      expect.objectContaining({ zone_id: "Z0123456789ABCDEFGHIJ", type: "A", alias: [expect.objectContaining({ evaluate_target_health: false })] }),
    ]);
    expect(resource("aws_route53_record", "custom_domain_alias").alias).toEqual({
      name: "${aws_api_gateway_domain_name.custom_domain[0].regional_domain_name}",
      zone_id: "${aws_api_gateway_domain_name.custom_domain[0].regional_zone_id}",
      evaluate_target_health: false,
    });
    expect(plan.network.at("aws_api_gateway_rest_api.api").disable_execute_api_endpoint).toBe(true);
    for (const type of ["aws_api_gateway_domain_name", "aws_api_gateway_base_path_mapping", "aws_route53_record"]) expect(plan.open.ofType(type)).toEqual([]);
    expect(plan.open.at("aws_api_gateway_rest_api.api").disable_execute_api_endpoint).toBe(false);
  });

  test("puts every REST API change in one chain: the policy before the deployment, stage-level changes after the stage", () => {
    const order = chain().map((a) => a.split(".")[0]);
    const at = (type: string) => order.indexOf(type);
    expect(at("aws_api_gateway_rest_api_policy")).toBeGreaterThan(0);
    expect(at("aws_api_gateway_rest_api_policy")).toBeLessThan(at("aws_api_gateway_deployment"));
    expect(at("aws_api_gateway_account")).toBe(at("aws_api_gateway_stage") - 1);
    for (const type of ["aws_api_gateway_method_settings", "aws_wafv2_web_acl_association", "aws_api_gateway_domain_name", "aws_api_gateway_base_path_mapping"]) {
      expect(at(type)).toBeGreaterThan(at("aws_api_gateway_stage"));
    }
  });
});
