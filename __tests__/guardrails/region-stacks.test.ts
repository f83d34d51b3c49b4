import { WILDCARD_REASONS } from "../../src/proxy/integration-policy";
import { resourcesOfType, synthesizeApp, TerraformJson } from "../support/synth";

// Rules every synthesized region stack must keep, checked on the artifact a user deploys. The extra configuration
// covers per-region signal lists, so rules hold for every route combination.
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

describe.each(stacks.map((s) => [s.name, s.json] as const))("%s", (_name, json: TerraformJson) => {
  test("grants no wildcard action, and a wildcard resource only with a written reason", () => {
    for (const policy of resourcesOfType(json, "aws_iam_role_policy")) {
      for (const statement of JSON.parse(policy.policy).Statement) {
        const actions: string[] = [statement.Action].flat();
        for (const action of actions) expect(action).not.toContain("*");
        if (statement.Resource === "*") for (const action of actions) expect(WILDCARD_REASONS).toHaveProperty([action]);
      }
    }
  });

  test("requires the API key on every method", () => {
    for (const method of resourcesOfType(json, "aws_api_gateway_method")) expect(method.api_key_required).toBe(true);
  });

  test("maps non-2xx statuses on every integration, with a default that is not a success", () => {
    const methods = Object.keys(json.resource.aws_api_gateway_method);
    for (const method of methods) {
      const responses = resourcesOfType(json, "aws_api_gateway_integration_response").filter((r) => r.http_method.includes(`.${method}.`));
      const defaults = responses.filter((r) => r.selection_pattern === undefined);
      expect(defaults).toHaveLength(1);
      expect(defaults[0].status_code).not.toMatch(/\$\{.*200_/);
      expect(responses.filter((r) => /\^\(4|\^\(5/.test(r.selection_pattern ?? "")).length).toBeGreaterThanOrEqual(9);
    }
  });

  test("never converts request bodies to text", () => {
    for (const integration of resourcesOfType(json, "aws_api_gateway_integration")) {
      expect(integration.content_handling).not.toBe("CONVERT_TO_TEXT");
    }
  });

  test("sends the log group and stream headers to the logs endpoint", () => {
    for (const integration of resourcesOfType(json, "aws_api_gateway_integration").filter((i) => i.uri.endsWith(":logs:path/v1/logs"))) {
      expect(Object.keys(integration.request_parameters)).toEqual(
        expect.arrayContaining(["integration.request.header.x-aws-log-group", "integration.request.header.x-aws-log-stream"]),
      );
    }
  });

  test("changes the REST API one resource at a time, in a single chain", () => {
    const apiTypes = Object.keys(json.resource).filter(
      (type) => type.startsWith("aws_api_gateway_") && !["aws_api_gateway_api_key", "aws_api_gateway_usage_plan", "aws_api_gateway_usage_plan_key"].includes(type),
    );
    const addresses = apiTypes.flatMap((type) => Object.keys(json.resource[type]).map((name) => `${type}.${name}`));
    const dependents = new Map<string, string>();
    for (const address of addresses) {
      const [type, name] = address.split(".");
      // The chain's link is the last entry (SerialApiChanges appends it); a change may also wait for something outside
      // the API first (the account setting waits for its role's policy).
      const dependsOn: string[] = (json.resource[type][name].depends_on ?? []).slice(-1);
      expect(dependsOn.length).toBeLessThanOrEqual(1);
      if (dependsOn[0]) {
        expect(dependents.has(dependsOn[0])).toBe(false);
        dependents.set(dependsOn[0], address);
      }
    }
    expect(dependents.size).toBe(addresses.length - 1);
  });
});
