import { IntegrationSigner } from "../../src/tools/local-gateway/sigv4-signer";
import { parseAmzDate, ReceivedRequest, verifySigV4 } from "../../src/tools/local-gateway/stand-in/verify-sigv4";
import { TEST_CREDENTIALS } from "./helpers/test-stack";

const BODY = Buffer.from('{"resourceMetrics":[]}');
const DATE = new Date("2026-11-27T00:00:00Z");

async function signedRequest(): Promise<ReceivedRequest> {
  const headers = await new IntegrationSigner(TEST_CREDENTIALS).sign(
    {
      method: "POST",
      host: "monitoring.us-west-2.amazonaws.com",
      path: "/v1/metrics",
      query: {},
      headers: { "content-type": "application/json", accept: "application/json", "user-agent": "AmazonAPIGateway_abc" },
      body: BODY,
      service: "monitoring",
      region: "us-west-2",
    },
    DATE,
  );
  return { method: "POST", url: "/v1/metrics", headers: { ...headers, "content-length": String(BODY.length) }, body: BODY };
}

const EXPECTED = { credentials: TEST_CREDENTIALS, service: "monitoring", region: "us-west-2", now: DATE };

describe("SigV4 signing and verification", () => {
  test("signs host, date, token and mapped headers for the service and region", async () => {
    const request = await signedRequest();
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDLOCALGATEWAYTEST\/20261127\/us-west-2\/monitoring\/aws4_request, SignedHeaders=accept;content-type;host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
    expect(request.headers["x-amz-security-token"]).toBe(TEST_CREDENTIALS.sessionToken);
  });

  test("verifies an untouched request", async () => {
    expect(await verifySigV4(await signedRequest(), EXPECTED)).toMatchObject({ ok: true, problems: [], service: "monitoring", region: "us-west-2" });
  });

  test.each<[string, (r: ReceivedRequest) => ReceivedRequest, RegExp]>([
    ["a changed body", (r) => ({ ...r, body: Buffer.from("{}") }), /signature does not match/],
    ["a changed path", (r) => ({ ...r, url: "/v1/traces" }), /signature does not match/],
    ["a changed signed header", (r) => ({ ...r, headers: { ...r.headers, "content-type": "application/x-protobuf" } }), /signature does not match/],
    ["another host", (r) => ({ ...r, headers: { ...r.headers, host: "logs.us-west-2.amazonaws.com" } }), /Host is logs/],
    ["an unsigned x-amz header", (r) => ({ ...r, headers: { ...r.headers, "x-amz-extra": "1" } }), /x-amz-extra is not signed/],
    ["a wrong payload hash header", (r) => ({ ...r, headers: { ...r.headers, "x-amz-content-sha256": "00" } }), /x-amz-content-sha256 does not match/],
    ["no Authorization", (r) => ({ ...r, headers: { ...r.headers, authorization: undefined } }), /not an AWS4-HMAC-SHA256 header/],
  ])("rejects %s", async (_case, tamper, message) => {
    const check = await verifySigV4(tamper(await signedRequest()), EXPECTED);
    expect(check.ok).toBe(false);
    expect(check.problems.join("; ")).toMatch(message);
  });

  test.each([
    ["another service", { service: "xray" }, /signed for service monitoring, expected xray/],
    ["another region", { region: "eu-west-1" }, /signed for region us-west-2, expected eu-west-1/],
    ["other credentials", { credentials: { ...TEST_CREDENTIALS, accessKeyId: "AKIDOTHER" } }, /expected AKIDOTHER/],
    ["a clock 20 minutes off", { now: new Date(DATE.getTime() + 20 * 60_000) }, /x-amz-date is 1200 s off/],
  ])("rejects a request expected for %s", async (_case, override, message) => {
    const check = await verifySigV4(await signedRequest(), { ...EXPECTED, ...override });
    expect(check.problems.join("; ")).toMatch(message);
  });

  test("reads SigV4 dates", () => {
    expect(parseAmzDate("20261127T010203Z")).toEqual(new Date("2026-11-27T01:02:03Z"));
    expect(parseAmzDate("yesterday")).toBeUndefined();
  });
});
