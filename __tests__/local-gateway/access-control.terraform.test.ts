import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkAgainstStack, policyAllows } from "../../src/tools/local-gateway/access-control";
import { makeApiKey } from "../../src/tools/local-gateway/api-keys";
import { buildGatewayModel } from "../../src/tools/local-gateway/route-table";
import { LocalGateway, startLocalGateway } from "../../src/tools/local-gateway/server";
import { TerraformJson } from "../../src/tools/local-gateway/terraform-refs";
import { send } from "./helpers/raw-http";
import { EditableDoc, editedStack, TEST_ALLOWED_SOURCE_CIDRS, teamsStack, testStack } from "./helpers/test-stack";

// Each distinct stack costs a Terraform plan, so these tests read two: the project's stack (no teams, no allow-list)
// and the shared stack with teams and an allow-list. Other ranges are the latter's planned policy with its ranges
// swapped: what is tested here is the gateway's evaluation of the policy, while the policy the module writes for given
// ranges is proven by the module's own tests (otlp-proxy-module-access).

/**
 * The teams stack's planned document with the ranges of its resource policy's `aws:SourceIp` condition replaced by
 * `cidrs`, each written as the module writes it (with its prefix length); the plan as is for {@link LOOPBACK_V4}.
 */
function withAllowedRanges(cidrs: readonly string[]): TerraformJson {
  return editedStack((doc: EditableDoc) => {
    for (const policy of Object.values(doc.resource.aws_api_gateway_rest_api_policy)) {
      const document = JSON.parse(policy.policy as string);
      const deny = document.Statement.find((statement: { Condition?: unknown }) => statement.Condition);
      deny.Condition.NotIpAddress["aws:SourceIp"] = cidrs;
      policy.policy = JSON.stringify(document);
    }
  }, teamsStack()).doc;
}

const LOOPBACK_V4 = TEST_ALLOWED_SOURCE_CIDRS;
const DOCUMENTATION_RANGES = ["203.0.113.0/24", "::1/128"];

const OTLP_JSON = { "content-type": "application/json" };
/** Minimal OTLP/JSON export requests the sink can decode. */
const LOGS_BODY = JSON.stringify({ resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ logRecords: [{ body: { stringValue: "hi" } }] }] }] });
const TRACES_BODY = JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans: [{ traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174", name: "s", kind: 1, startTimeUnixNano: "1", endTimeUnixNano: "2" }] }] }] });

describe("the local gateway's model of who may call", () => {
  test("reads each team's key, its enabled flag and the stage its plan binds it to from the stack", () => {
    const model = buildGatewayModel(teamsStack().doc);
    expect([...model.access.apiKeys].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { id: expect.stringMatching(/^[a-z0-9]{10}$/), name: "otlp-proxy-contractors-us-west-2", team: "contractors", enabled: false, stages: ["prod"] },
      { id: expect.stringMatching(/^[a-z0-9]{10}$/), name: "otlp-proxy-data-science-us-west-2", team: "data-science", enabled: true, stages: ["prod"] },
      { id: expect.stringMatching(/^[a-z0-9]{10}$/), name: "otlp-proxy-platform-us-west-2", team: "platform", enabled: true, stages: ["prod"] },
    ]);
  });

  test.each([
    ["a key named after an enabled team", makeApiKey("k", "platform"), "prod", { ok: true }],
    ["a key named with a key's full name", makeApiKey("k", "otlp-proxy-platform-us-west-2"), "prod", { ok: true }],
    ["a key named after a disabled team", makeApiKey("k", "contractors"), "prod", { ok: false, reason: "disabled in the stack (otlp-proxy-contractors-us-west-2)" }],
    ["a team key on a stage its plan is not bound to", makeApiKey("k", "platform"), "dev", { ok: false, reason: "no usage plan binds otlp-proxy-platform-us-west-2 to stage dev" }],
    ["an unnamed key", makeApiKey("k"), "prod", { ok: true }],
    ["a key named after no team", makeApiKey("k", "someone"), "prod", { ok: true }],
  ])("checks %s", (_case, key, stage, expected) => {
    expect(checkAgainstStack(buildGatewayModel(teamsStack().doc).access, key, stage)).toMatchObject(expected);
  });

  test.each([
    [LOOPBACK_V4, "127.0.0.1", true],
    [LOOPBACK_V4, "::ffff:127.0.0.1", true],
    [DOCUMENTATION_RANGES, "127.0.0.1", false],
    [DOCUMENTATION_RANGES, "::1", true],
    [["2001:db8::/32"], "127.0.0.1", false],
  ])("evaluates the stack's planned policy allowing %j for a caller at %s: %s", (cidrs, address, allowed) => {
    const model = buildGatewayModel(withAllowedRanges(cidrs));
    expect(model.access.policy).toHaveLength(2);
    expect(policyAllows(model.access, address)).toBe(allowed);
  });

  test("lets every caller in when the stack has no policy (no allow-list)", () => {
    const model = buildGatewayModel(testStack().doc);
    expect(model.access.policy).toBeUndefined();
    expect(policyAllows(model.access, "198.51.100.1")).toBe(true);
  });
});

describe("the local gateway serving a stack with teams and an IP allow-list", () => {
  const gateways: LocalGateway[] = [];
  const lines: string[] = [];

  async function serve(stack: TerraformJson, apiKeys: string[]): Promise<LocalGateway> {
    const gateway = await startLocalGateway({
      stack,
      port: 0,
      apiKeys,
      sink: mkdtempSync(join(tmpdir(), "local-gateway-teams-")),
      log: (line) => lines.push(line),
    });
    gateways.push(gateway);
    return gateway;
  }

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
  });

  test("accepts each enabled team's key and refuses the disabled team's with 403", async () => {
    // GIVEN three teams, one disabled, and a local key for each
    const gateway = await serve(teamsStack().doc, ["platform=key-p", "data-science=key-d", "contractors=key-c"]);
    const post = (key: string) => send(`${gateway.endpoint}/v1/logs`, { headers: { ...OTLP_JSON, "x-api-key": key }, body: LOGS_BODY });

    // WHEN / THEN
    expect((await post("key-p")).status).toBe(200);
    expect((await post("key-d")).status).toBe(200);
    const refused = await post("key-c");
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body.toString()).message).toContain("disabled API key");
    expect(lines.join("\n")).toContain("INVALID_API_KEY (disabled in the stack (otlp-proxy-contractors-us-west-2))");
  });

  test("refuses a caller outside the allowed ranges with the stack's ACCESS_DENIED response, before checking the key", async () => {
    const gateway = await serve(withAllowedRanges(DOCUMENTATION_RANGES), ["default=key"]);
    const response = await send(`${gateway.endpoint}/v1/traces`, { headers: { ...OTLP_JSON, "x-api-key": "key" }, body: "{}" });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body.toString()).message).toBe("Forbidden: your network address is not in this OTLP proxy's allowed source ranges.");
    const noKey = await send(`${gateway.endpoint}/v1/traces`, { headers: OTLP_JSON, body: "{}" });
    expect(JSON.parse(noKey.body.toString()).message).toContain("allowed source ranges");
  });

  test("serves a caller inside the allowed ranges", async () => {
    const gateway = await serve(teamsStack().doc, ["default=key"]);
    const response = await send(`${gateway.endpoint}/v1/traces`, { headers: { ...OTLP_JSON, "x-api-key": "key" }, body: TRACES_BODY });
    expect(response.status).toBe(200);
  });
});
