import { WILDCARD_REASONS } from "../../src/infra/proxy/integration-policy";
import { cleanPlannedRoots, committedModule, evaluateExpression } from "../support/plan-module";
import { moduleCalls, SynthesizedStack, synthesizeApp } from "../support/synth";

// Rules the deployed artifact must keep. The proxy's resources exist only in the committed module, so the rules are
// checked on its Terraform JSON, for every resource it can create whatever its inputs; every region stack, for every
// kind of configuration, must hold nothing but one call of that module. The module's methods, integrations and their
// responses are checked once, on its plan (__tests__/module/otlp-proxy-module.terraform.test.ts).
const { main } = committedModule();
const resources = (type: string): [string, Record<string, any>][] => Object.entries(main.resource[type] ?? {});
const PROXY_TYPES = Object.keys(main.resource);
afterAll(cleanPlannedRoots);

/** Every kind of configuration: the project's own settings, two regions with signals by region, one with every setting. */
const CONFIGURATIONS: Record<string, unknown>[] = [
  {},
  { regions: ["ca-central-1", "eu-central-1"], signals: { default: ["logs"], "eu-central-1": ["traces", "metrics"] } },
  {
    regions: ["eu-west-2"],
    teams: [{ name: "a" }, { name: "b", enabled: false }],
    executionLogLevel: "error",
    allowedSourceCidrs: ["10.0.0.0/8"],
    webAclArn: "arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/otlp/12345678-1234-1234-1234-123456789012",
    domainName: "otlp.example.com",
    certificateArn: "arn:aws:acm:eu-west-2:123456789012:certificate/12345678-1234-1234-1234-123456789012",
    hostedZoneId: "Z0123456789ABCDEFGHIJ",
  },
];

describe("every region stack, for every kind of configuration", () => {
  let stacks: SynthesizedStack[];
  beforeAll(() => {
    stacks = CONFIGURATIONS.flatMap((changes) => synthesizeApp(Object.keys(changes).length === 0 ? undefined : changes));
  });

  test("calls the module exactly once and creates none of the proxy's resources itself", () => {
    expect(stacks.length).toBeGreaterThanOrEqual(4);
    for (const stack of stacks) {
      expect({ stack: stack.name, calls: Object.keys(moduleCalls(stack.json)) }).toEqual({ stack: stack.name, calls: ["otlp_proxy"] });
      for (const type of PROXY_TYPES) expect(stack.json.resource?.[type]).toBeUndefined();
      expect(stack.json.resource).toBeUndefined();
    }
  });
});

describe("the module", () => {
  test("grants no wildcard action, and a wildcard resource only with a written reason", () => {
    const [[, policy]] = resources("aws_iam_role_policy");
    expect(resources("aws_iam_role_policy")).toHaveLength(1);
    // The policy is jsonencode over the module's table of statements by signal (local.integration_statements), and
    // nothing else; every statement of the table is checked.
    expect(policy.policy).toBe('${jsonencode({ Version = "2012-10-17", Statement = [for s in local.signals : local.integration_statements[s]] })}');
    const statements = evaluateExpression(main.locals.integration_statements, {
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
