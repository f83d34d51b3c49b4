import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkAgainstStack, policyAllows } from "../../src/tools/local-gateway/access-control";
import { makeApiKey } from "../../src/tools/local-gateway/api-keys";
import { buildGatewayModel } from "../../src/tools/local-gateway/route-table";
import { LocalGateway, startLocalGateway } from "../../src/tools/local-gateway/server";
import { TerraformJson } from "../../src/tools/local-gateway/terraform-refs";
import { send } from "./helpers/raw-http";
import { plannedStackWith } from "./helpers/test-stack";

const planned = new Map<string, TerraformJson>();

/**
 * A synthesized us-west-2 stack with the given settings, as the local gateway reads it (planned by Terraform). Each
 * distinct stack costs a plan on a cold cache, so the tests share a few.
 */
function stackWith(settings: Record<string, unknown>): TerraformJson {
  const key = JSON.stringify(settings);
  if (!planned.has(key)) planned.set(key, plannedStackWith(settings).doc);
  return planned.get(key)!;
}

const LOOPBACK_V4 = ["127.0.0.0/8"];
const DOCUMENTATION_RANGES = ["203.0.113.0/24", "::1"];

const TEAMS = [{ name: "platform" }, { name: "data-science", rateLimit: 5, burstLimit: 10 }, { name: "contractors", enabled: false }];
const OTLP_JSON = { "content-type": "application/json" };
/** Minimal OTLP/JSON export requests the sink can decode. */
const LOGS_BODY = JSON.stringify({ resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ logRecords: [{ body: { stringValue: "hi" } }] }] }] });
const TRACES_BODY = JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans: [{ traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174", name: "s", kind: 1, startTimeUnixNano: "1", endTimeUnixNano: "2" }] }] }] });

describe("the local gateway's model of who may call", () => {
  test("reads each team's key, its enabled flag and the stage its plan binds it to from the stack", () => {
    const model = buildGatewayModel(stackWith({ teams: TEAMS }));
    expect([...model.access.apiKeys].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { id: expect.stringMatching(/^[a-z0-9]{10}$/), name: "otlp-proxy-contractors-us-west-2", team: "contractors", enabled: false, stages: ["prod"] },
      { id: expect.stringMatching(/^[a-z0-9]{10}$/), name: "otlp-proxy-data-science-us-west-2", team: "data-science", enabled: true, stages: ["prod"] },
      { id: expect.stringMatching(/^[a-z0-9]{10}$/), name: "otlp-proxy-platform-us-west-2", team: "platform", enabled: true, stages: ["prod"] },
    ]);
    expect(model.access.policy).toBeUndefined();
  });

  test.each([
    ["a key named after an enabled team", makeApiKey("k", "platform"), "prod", { ok: true }],
    ["a key named with a key's full name", makeApiKey("k", "otlp-proxy-platform-us-west-2"), "prod", { ok: true }],
    ["a key named after a disabled team", makeApiKey("k", "contractors"), "prod", { ok: false, reason: "disabled in the stack (otlp-proxy-contractors-us-west-2)" }],
    ["a team key on a stage its plan is not bound to", makeApiKey("k", "platform"), "dev", { ok: false, reason: "no usage plan binds otlp-proxy-platform-us-west-2 to stage dev" }],
    ["an unnamed key", makeApiKey("k"), "prod", { ok: true }],
    ["a key named after no team", makeApiKey("k", "someone"), "prod", { ok: true }],
  ])("checks %s", (_case, key, stage, expected) => {
    expect(checkAgainstStack(buildGatewayModel(stackWith({ teams: TEAMS })).access, key, stage)).toMatchObject(expected);
  });

  test.each([
    [LOOPBACK_V4, "127.0.0.1", true],
    [LOOPBACK_V4, "::ffff:127.0.0.1", true],
    [DOCUMENTATION_RANGES, "127.0.0.1", false],
    [DOCUMENTATION_RANGES, "::1", true],
    [["2001:db8::/32"], "127.0.0.1", false],
  ])("evaluates the synthesized policy allowing %j for a caller at %s: %s", (cidrs, address, allowed) => {
    const model = buildGatewayModel(stackWith({ allowedSourceCidrs: cidrs }));
    expect(model.access.policy).toHaveLength(2);
    expect(policyAllows(model.access, address)).toBe(allowed);
  });

  test("lets every caller in when the stack has no policy", () => {
    expect(policyAllows(buildGatewayModel(stackWith({ teams: TEAMS })).access, "198.51.100.1")).toBe(true);
  });
});

describe("the local gateway serving a stack with teams and an IP allow-list", () => {
  const gateways: LocalGateway[] = [];
  const lines: string[] = [];

  async function serve(settings: Record<string, unknown>, apiKeys: string[]): Promise<LocalGateway> {
    const gateway = await startLocalGateway({
      stack: stackWith(settings),
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
    const gateway = await serve({ teams: TEAMS }, ["platform=key-p", "data-science=key-d", "contractors=key-c"]);
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
    const gateway = await serve({ allowedSourceCidrs: DOCUMENTATION_RANGES }, ["default=key"]);
    const response = await send(`${gateway.endpoint}/v1/traces`, { headers: { ...OTLP_JSON, "x-api-key": "key" }, body: "{}" });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body.toString()).message).toBe("Forbidden: your network address is not in this OTLP proxy's allowed source ranges.");
    const noKey = await send(`${gateway.endpoint}/v1/traces`, { headers: OTLP_JSON, body: "{}" });
    expect(JSON.parse(noKey.body.toString()).message).toContain("allowed source ranges");
  });

  test("serves a caller inside the allowed ranges", async () => {
    const gateway = await serve({ allowedSourceCidrs: LOOPBACK_V4 }, ["default=key"]);
    const response = await send(`${gateway.endpoint}/v1/traces`, { headers: { ...OTLP_JSON, "x-api-key": "key" }, body: TRACES_BODY });
    expect(response.status).toBe(200);
  });
});
