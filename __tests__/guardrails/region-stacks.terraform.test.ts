import { WILDCARD_REASONS } from "../../src/infra/proxy/integration-policy";
import { cleanPlannedRoots, committedModule, evaluateExpression } from "../support/plan-module";
import { moduleCalls, synthesizeApp } from "../support/synth";

// Rules the deployed artifact must keep. The proxy's resources exist only in the committed module, so the rules are
// checked on its Terraform JSON, for every resource it can create whatever its inputs; every region stack, for every
// kind of configuration, must hold nothing but one call of that module.
const { main } = committedModule();
const resources = (type: string): [string, Record<string, any>][] => Object.entries(main.resource[type] ?? {});
const PROXY_TYPES = Object.keys(main.resource);
afterAll(cleanPlannedRoots);

const stacks = [
  ...synthesizeApp(),
  ...synthesizeApp({ regions: ["ca-central-1", "eu-central-1"], signals: { default: ["logs"], "eu-central-1": ["traces", "metrics"] } }),
  ...synthesizeApp({
    regions: ["eu-west-2"],
    teams: [{ name: "a" }, { name: "b", enabled: false }],
    executionLogLevel: "error",
    allowedSourceCidrs: ["10.0.0.0/8"],
    webAclArn: "arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/otlp/12345678-1234-1234-1234-123456789012",
    domainName: "otlp.example.com",
    certificateArn: "arn:aws:acm:eu-west-2:123456789012:certificate/12345678-1234-1234-1234-123456789012",
    hostedZoneId: "Z0123456789ABCDEFGHIJ",
  }),
];

describe.each(stacks.map((s) => [s.name, s] as const))("%s", (_name, stack) => {
  test("calls the module exactly once and creates none of the proxy's resources itself", () => {
    expect(Object.keys(moduleCalls(stack.json))).toEqual(["otlp_proxy"]);
    for (const type of PROXY_TYPES) expect(stack.json.resource?.[type]).toBeUndefined();
    expect(stack.json.resource).toBeUndefined();
  });
});

describe("the module", () => {
  test("grants no wildcard action, and a wildcard resource only with a written reason", () => {
    const [[, policy]] = resources("aws_iam_role_policy");
    expect(resources("aws_iam_role_policy")).toHaveLength(1);
    // The policy is jsonencode over a table of statements by signal; every statement of the table is checked.
    const table = /Statement = \[for s in local\.signals : (\{.*\})\[s\]\] \}\)\}$/.exec(policy.policy)![1];
    const statements = evaluateExpression(`\${${table}}`, {
      standIns: { "aws_cloudwatch_log_group.otlp_logs.arn": "arn:aws:logs:eu-west-2:123456789012:log-group:otlp-logs" },
    });
    expect(Object.keys(statements).sort()).toEqual(["logs", "metrics", "traces"]);
    for (const statement of Object.values(statements) as any[]) {
      expect(statement.Effect).toBe("Allow");
      const actions: string[] = [statement.Action].flat();
      for (const action of actions) expect(action).not.toContain("*");
      if ([statement.Resource].flat().includes("*")) for (const action of actions) expect(WILDCARD_REASONS).toHaveProperty([action]);
    }
  });

  test("requires the API key on every method", () => {
    expect(resources("aws_api_gateway_method").length).toBeGreaterThan(0);
    for (const [, method] of resources("aws_api_gateway_method")) expect(method.api_key_required).toBe(true);
  });

  test("maps non-2xx statuses on every integration, with a default that is not a success", () => {
    for (const [name] of resources("aws_api_gateway_method")) {
      const signal = name.replace(/_post$/, "");
      const responses = resources("aws_api_gateway_integration_response").filter(([n]) => n.startsWith(`${signal}_`)).map(([, r]) => r);
      const defaults = responses.filter((r) => r.selection_pattern === undefined);
      expect(defaults).toHaveLength(1);
      expect(defaults[0].status_code).not.toMatch(/^2/);
      expect(responses.filter((r) => /\^\(4|\^\(5/.test(r.selection_pattern ?? "")).length).toBeGreaterThanOrEqual(9);
      for (const r of responses) expect(r.resource_id).toBe(`\${aws_api_gateway_resource.${signal}[0].id}`);
    }
  });

  test("never converts request bodies to text", () => {
    for (const [, integration] of resources("aws_api_gateway_integration")) expect(integration.content_handling).not.toBe("CONVERT_TO_TEXT");
  });

  test("sends the log group and stream headers to the logs endpoint", () => {
    const logs = resources("aws_api_gateway_integration").filter(([, i]) => i.uri.endsWith(':logs:path/v1/logs"}'));
    expect(logs).toHaveLength(1);
    expect(Object.keys(logs[0][1].request_parameters)).toEqual(
      expect.arrayContaining(["integration.request.header.x-aws-log-group", "integration.request.header.x-aws-log-stream"]),
    );
  });

  test("changes the REST API one resource at a time, in a single chain", () => {
    // Every change to the REST API or its stage, the web ACL association included (a stage-level change).
    const apiTypes = PROXY_TYPES.filter(
      (type) =>
        (type.startsWith("aws_api_gateway_") || type === "aws_wafv2_web_acl_association") &&
        !["aws_api_gateway_api_key", "aws_api_gateway_usage_plan", "aws_api_gateway_usage_plan_key"].includes(type),
    );
    const addresses = apiTypes.flatMap((type) => Object.keys(main.resource[type]).map((name) => `${type}.${name}`));
    const dependents = new Map<string, string>();
    for (const address of addresses) {
      const [type, name] = address.split(".");
      // The chain's link is the last entry; a change may also wait for something outside the API first (the account
      // setting waits for its role's policy, the deployment for the integration role's policy).
      const dependsOn: string[] = (main.resource[type][name].depends_on ?? []).slice(-1);
      if (dependsOn[0]) {
        expect(addresses).toContain(dependsOn[0]);
        expect(dependents.has(dependsOn[0])).toBe(false);
        dependents.set(dependsOn[0], address);
      }
    }
    expect(dependents.size).toBe(addresses.length - 1);
  });
});
