import { Testing } from "../../src/cdktf";
import { ACCESS_LOG_FIELDS } from "../../src/proxy/access-log-format";
import { OtlpProxy, OtlpProxyProps } from "../../src/proxy/otlp-proxy";
import { resourcesOfType, TerraformJson } from "../support/synth";

function synthProxy(props: Partial<OtlpProxyProps> = {}): TerraformJson {
  return JSON.parse(Testing.synthScope((scope) => new OtlpProxy(scope, "otlp-proxy", { region: "us-west-2", ...props })));
}

const address = (json: TerraformJson, type: string, part: string) => `${type}.${Object.keys(json.resource[type]).find((n) => n.includes(part))}`;
const CERT = "arn:aws:acm:us-west-2:123456789012:certificate/12345678-1234-1234-1234-123456789012";
const ACL = "arn:aws:wafv2:us-west-2:123456789012:regional/webacl/otlp/12345678-1234-1234-1234-123456789012";

/** The API Gateway changes in chain order, from each one's depends_on. */
function chain(json: TerraformJson): string[] {
  const next = new Map<string, string>();
  for (const [type, resources] of Object.entries(json.resource)) {
    for (const [name, config] of Object.entries(resources)) {
      // The chain's link is the last entry: SerialApiChanges appends it.
      const previous = (config.depends_on ?? []).slice(-1)[0];
      if (previous) next.set(previous, `${type}.${name}`);
    }
  }
  const order = [address(json, "aws_api_gateway_rest_api", "api")];
  while (next.has(order[order.length - 1])) order.push(next.get(order[order.length - 1])!);
  return order;
}

describe("OtlpProxy teams", () => {
  const json = synthProxy({
    throttle: { rateLimit: 20, burstLimit: 40 },
    teams: [
      { name: "platform", rateLimit: 50, burstLimit: 100, enabled: true },
      { name: "data-science", quota: { limit: 1000, period: "DAY" }, enabled: true },
      { name: "contractors", rateLimit: 1, burstLimit: 2, enabled: false },
    ],
  });

  test("gives three teams three keys, plans and plan keys, each plan bound to the stage with the team's limits", () => {
    const keys = resourcesOfType(json, "aws_api_gateway_api_key");
    expect(keys.map((k) => k.name).sort()).toEqual(["otlp-proxy-contractors-us-west-2", "otlp-proxy-data-science-us-west-2", "otlp-proxy-platform-us-west-2"]);
    const plans = resourcesOfType(json, "aws_api_gateway_usage_plan");
    expect(plans.map((p) => [p.name, p.throttle_settings, p.quota_settings]).sort()).toEqual([
      ["otlp-proxy-contractors-us-west-2", { rate_limit: 1, burst_limit: 2 }, undefined],
      ["otlp-proxy-data-science-us-west-2", { rate_limit: 20, burst_limit: 40 }, { limit: 1000, period: "DAY" }],
      ["otlp-proxy-platform-us-west-2", { rate_limit: 50, burst_limit: 100 }, undefined],
    ]);
    const stage = Object.keys(json.resource.aws_api_gateway_stage)[0];
    for (const plan of plans) expect(plan.api_stages).toEqual([{ api_id: expect.stringContaining("aws_api_gateway_rest_api."), stage: `\${aws_api_gateway_stage.${stage}.stage_name}` }]);
    const planKeys = Object.entries(json.resource.aws_api_gateway_usage_plan_key);
    expect(planKeys).toHaveLength(3);
    for (const team of ["platform", "data-science", "contractors"]) {
      const [, planKey] = planKeys.find(([name]) => name.startsWith(`otlp-proxy_access-${team}_`))!;
      expect(planKey.key_id).toMatch(new RegExp(`^\\$\\{aws_api_gateway_api_key\\.otlp-proxy_access-${team}_key_[0-9A-F]{8}\\.id\\}$`));
      expect(planKey.usage_plan_id).toMatch(new RegExp(`^\\$\\{aws_api_gateway_usage_plan\\.otlp-proxy_access-${team}_plan_[0-9A-F]{8}\\.id\\}$`));
    }
  });

  test("disables only the disabled team's key, keeping it", () => {
    expect(resourcesOfType(json, "aws_api_gateway_api_key").map((k) => [k.tags["otlp-proxy:team"], k.enabled]).sort()).toEqual([
      ["contractors", false],
      ["data-science", true],
      ["platform", true],
    ]);
  });

  test("keeps the default team's Terraform addresses from before teams", () => {
    const plain = synthProxy();
    expect(Object.keys(plain.resource.aws_api_gateway_api_key)).toEqual(["otlp-proxy_access-default_key_3524D1EC"]);
    expect(Object.keys(plain.resource.aws_api_gateway_usage_plan)).toEqual(["otlp-proxy_access-default_plan_FF71AC5A"]);
    expect(Object.keys(plain.resource.aws_api_gateway_usage_plan_key)).toEqual(["otlp-proxy_access-default_plan-key_AA1671AD"]);
  });
});

describe("OtlpProxy logging", () => {
  const json = synthProxy({ accessLogGroupName: "/otlp/access", accessLogRetentionDays: 14 });

  test("writes one JSON line per request with every access-log field to its own log group", () => {
    const [stage] = resourcesOfType(json, "aws_api_gateway_stage");
    expect(stage.access_log_settings.destination_arn).toBe(`\${${address(json, "aws_cloudwatch_log_group", "access-log-group")}.arn}`);
    // $context.error.messageString arrives already quoted, so the template holds it bare.
    const format = JSON.parse(stage.access_log_settings.format.replace("$context.error.messageString", '"$context.error.messageString"'));
    expect(format).toEqual(ACCESS_LOG_FIELDS);
    for (const variable of [
      "$context.requestId", "$context.requestTime", "$context.identity.sourceIp", "$context.identity.apiKeyId", "$context.resourcePath",
      "$context.status", "$context.integration.status", "$context.integration.latency", "$context.responseLength", "$context.error.messageString",
      "$context.integrationErrorMessage",
    ]) {
      expect(Object.values(format)).toContain(variable);
    }
    expect(JSON.stringify(format)).not.toContain("$context.identity.apiKey\"");
    expect(resourcesOfType(json, "aws_cloudwatch_log_group")).toContainEqual(expect.objectContaining({ name: "/otlp/access", retention_in_days: 14 }));
  });

  test("stays valid JSON when an error message holds a quote", () => {
    const [stage] = resourcesOfType(json, "aws_api_gateway_stage");
    const line = (stage.access_log_settings.format as string)
      .replace("$context.error.messageString", JSON.stringify('Invalid "x-api-key"'))
      .replace(/\$context\.[A-Za-z.]+/g, "-");
    expect(JSON.parse(line).errorMessage).toBe('Invalid "x-api-key"');
  });

  test("sets the account logging role with AWS's push-to-CloudWatch policy, and creates the stage right after it", () => {
    const [account] = resourcesOfType(json, "aws_api_gateway_account");
    expect(account.cloudwatch_role_arn).toBe(`\${${address(json, "aws_iam_role", "account-logging-role")}.arn}`);
    expect(account.depends_on).toContain(address(json, "aws_iam_role_policy_attachment", "push-to-cloudwatch-logs"));
    expect(resourcesOfType(json, "aws_iam_role_policy_attachment")).toEqual([
      expect.objectContaining({ policy_arn: "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs" }),
    ]);
    const [stage] = resourcesOfType(json, "aws_api_gateway_stage");
    expect(stage.depends_on).toEqual([address(json, "aws_api_gateway_account", "account")]);
  });

  test("leaves an existing account logging role alone when told to", () => {
    const existing = synthProxy({ accountCloudWatchRole: "existing" });
    expect(existing.resource.aws_api_gateway_account).toBeUndefined();
    expect(resourcesOfType(existing, "aws_api_gateway_stage")[0].access_log_settings).toBeDefined();
  });

  test("needs no account role and writes no access logs when all logging is off", () => {
    const off = synthProxy({ accessLogs: false });
    expect(off.resource.aws_api_gateway_account).toBeUndefined();
    expect(resourcesOfType(off, "aws_api_gateway_stage")[0].access_log_settings).toBeUndefined();
    expect(resourcesOfType(off, "aws_cloudwatch_log_group")).toHaveLength(1);
  });

  test("keeps execution logs off, metrics off and data tracing off by default, in method settings for every method", () => {
    expect(resourcesOfType(json, "aws_api_gateway_method_settings")).toEqual([
      expect.objectContaining({ method_path: "*/*", settings: { logging_level: "OFF", metrics_enabled: false, data_trace_enabled: false } }),
    ]);
  });

  test("turns on execution logs and detailed metrics, owning the execution log group, but never data tracing", () => {
    const on = synthProxy({ executionLogLevel: "INFO", detailedMetrics: true });
    expect(resourcesOfType(on, "aws_api_gateway_method_settings")[0].settings).toEqual({ logging_level: "INFO", metrics_enabled: true, data_trace_enabled: false });
    expect(resourcesOfType(on, "aws_cloudwatch_log_group").map((g) => g.name)).toContain(`API-Gateway-Execution-Logs_\${${address(on, "aws_api_gateway_rest_api", "api")}.id}/prod`);
  });
});

describe("OtlpProxy network restrictions", () => {
  const json = synthProxy({
    allowedSourceCidrs: ["203.0.113.0/24", "2001:db8::/32"],
    webAclArn: ACL,
    domainName: "otlp.example.com",
    certificateArn: CERT,
    basePath: "otlp",
    hostedZoneId: "Z0123456789ABCDEFGHIJ",
    disableExecuteApiEndpoint: true,
  });

  test("denies every source outside the allowed ranges with a resource policy", () => {
    const [policy] = resourcesOfType(json, "aws_api_gateway_rest_api_policy");
    const resource = `\${${address(json, "aws_api_gateway_rest_api", "api")}.execution_arn}/*`;
    expect(JSON.parse(policy.policy).Statement).toEqual([
      { Sid: "AllowInvoke", Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: resource },
      {
        Sid: "DenyOtherSourceIps",
        Effect: "Deny",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: resource,
        Condition: { NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] } },
      },
    ]);
  });

  test("writes a bare address with its prefix, /32 for IPv4 and /128 for IPv6, since IAM reads a bare one as /32", () => {
    const bare = synthProxy({ allowedSourceCidrs: ["192.0.2.10", "2001:db8::1"] });
    const [policy] = resourcesOfType(bare, "aws_api_gateway_rest_api_policy");
    expect(JSON.parse(policy.policy).Statement[1].Condition.NotIpAddress["aws:SourceIp"]).toEqual(["192.0.2.10/32", "2001:db8::1/128"]);
  });

  test("redeploys when the policy changes, and explains a denied source", () => {
    const [deployment] = resourcesOfType(json, "aws_api_gateway_deployment");
    expect(deployment.triggers.redeployment).toContain(address(json, "aws_api_gateway_rest_api_policy", "source-ip-policy"));
    const denied = resourcesOfType(json, "aws_api_gateway_gateway_response").find((r) => r.response_type === "ACCESS_DENIED");
    expect(JSON.parse(denied!.response_templates["application/json"]).message).toContain("allowed source ranges");
  });

  test("creates no policy and no ACCESS_DENIED response without an allow-list", () => {
    const open = synthProxy();
    expect(open.resource.aws_api_gateway_rest_api_policy).toBeUndefined();
    expect(resourcesOfType(open, "aws_api_gateway_gateway_response").map((r) => r.response_type)).not.toContain("ACCESS_DENIED");
  });

  test("associates the web ACL with the stage", () => {
    expect(resourcesOfType(json, "aws_wafv2_web_acl_association")).toEqual([
      expect.objectContaining({ web_acl_arn: ACL, resource_arn: `\${${address(json, "aws_api_gateway_stage", "stage")}.arn}` }),
    ]);
  });

  test("serves a regional custom domain with TLS 1.2, a base path mapping and an alias record, without the execute-api endpoint", () => {
    expect(resourcesOfType(json, "aws_api_gateway_domain_name")).toEqual([
      expect.objectContaining({ domain_name: "otlp.example.com", regional_certificate_arn: CERT, security_policy: "TLS_1_2", endpoint_configuration: { types: ["REGIONAL"] } }),
    ]);
    const domain = address(json, "aws_api_gateway_domain_name", "custom-domain");
    expect(resourcesOfType(json, "aws_api_gateway_base_path_mapping")).toEqual([
      expect.objectContaining({ base_path: "otlp", domain_name: `\${${domain}.domain_name}`, stage_name: `\${${address(json, "aws_api_gateway_stage", "stage")}.stage_name}` }),
    ]);
    expect(resourcesOfType(json, "aws_route53_record")).toEqual([
      expect.objectContaining({
        zone_id: "Z0123456789ABCDEFGHIJ",
        type: "A",
        alias: { name: `\${${domain}.regional_domain_name}`, zone_id: `\${${domain}.regional_zone_id}`, evaluate_target_health: false },
      }),
    ]);
    expect(resourcesOfType(json, "aws_api_gateway_rest_api")[0].disable_execute_api_endpoint).toBe(true);
  });

  test("puts every REST API change in one chain: the policy before the deployment, stage-level changes after the stage", () => {
    const order = chain(json).map((a) => a.split(".")[0]);
    const at = (type: string) => order.indexOf(type);
    expect(at("aws_api_gateway_rest_api_policy")).toBeLessThan(at("aws_api_gateway_deployment"));
    expect(at("aws_api_gateway_account")).toBe(at("aws_api_gateway_stage") - 1);
    for (const type of ["aws_api_gateway_method_settings", "aws_wafv2_web_acl_association", "aws_api_gateway_domain_name", "aws_api_gateway_base_path_mapping"]) {
      expect(at(type)).toBeGreaterThan(at("aws_api_gateway_stage"));
    }
  });

  test.each<[string, Partial<OtlpProxyProps>, RegExp]>([
    ["a domain without a certificate", { domainName: "otlp.example.com" }, /'domainName' otlp.example.com needs 'certificateArn'/],
    ["no execute-api endpoint without a domain", { disableExecuteApiEndpoint: true }, /'disableExecuteApiEndpoint' needs 'domainName'/],
    ["no teams", { teams: [] }, /'teams' must name at least one team/],
  ])("fails on %s", (_case, props, message) => {
    expect(() => synthProxy(props)).toThrow(message);
  });
});
