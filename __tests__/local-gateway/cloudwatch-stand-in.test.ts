import { IntegrationSigner } from "../../src/tools/local-gateway/sigv4-signer";
import { decodeOtlpResponse } from "../../src/tools/local-gateway/otlp-protobuf";
import { CloudWatchStandIn, CLOUDWATCH_SUCCESS, cloudWatchSuccess, startCloudWatchStandIn } from "../../src/tools/local-gateway/stand-in/cloudwatch-stand-in";
import { send } from "./helpers/raw-http";
import { TEST_CREDENTIALS, TEST_REGION } from "./helpers/test-stack";

const BODY = Buffer.from("{}");

async function signed(path: string, service: string, extra: Record<string, string> = {}, body: Buffer = BODY): Promise<Record<string, string>> {
  const headers = { "content-type": "application/json", ...extra };
  const host = `${service}.${TEST_REGION}.amazonaws.com`;
  return new IntegrationSigner(TEST_CREDENTIALS).sign({ method: "POST", host, path, query: {}, headers, body, service, region: TEST_REGION });
}

const LOGS_HEADERS = { "x-aws-log-group": "g", "x-aws-log-stream": "s" };
/** A protobuf body: the stand-in answers by the request's Content-Type, not by what the body holds. */
const PROTO_BODY = Buffer.from([0x0a, 0x00]);

describe("the CloudWatch stand-in", () => {
  let standIn: CloudWatchStandIn;

  beforeAll(async () => {
    standIn = await startCloudWatchStandIn({ credentials: TEST_CREDENTIALS, region: TEST_REGION });
  });

  afterAll(() => standIn.close());

  beforeEach(() => {
    standIn.requests.splice(0);
    standIn.setAnswer({ status: 200, body: "{}" });
  });

  test.each([
    ["/v1/traces", "xray", {}],
    ["/v1/metrics", "monitoring", {}],
    ["/v1/logs", "logs", { "x-aws-log-group": "g", "x-aws-log-stream": "s" }],
  ])("accepts and records a request to %s signed for %s", async (path, service, extra) => {
    const response = await send(`${standIn.url}${path}`, { headers: await signed(path, service, extra), body: BODY });
    expect(response.status).toBe(200);
    expect(standIn.requests[0]).toMatchObject({ url: path, problems: [], signature: { ok: true } });
    expect(standIn.requests[0].body.equals(BODY)).toBe(true);
  });

  test("refuses with 403 a request signed for another service's endpoint", async () => {
    const response = await send(`${standIn.url}/v1/traces`, { headers: await signed("/v1/traces", "logs"), body: BODY });
    expect(response.status).toBe(403);
    expect(response.body.toString()).toContain("signed for service logs, expected xray");
  });

  test("refuses with 400 a logs request without the log group and stream headers", async () => {
    const response = await send(`${standIn.url}/v1/logs`, { headers: await signed("/v1/logs", "logs"), body: BODY });
    expect(response.status).toBe(400);
    expect(response.body.toString()).toContain("x-aws-log-group is missing; x-aws-log-stream is missing");
  });

  test("answers with the chosen status, headers and body", async () => {
    standIn.setAnswer({ status: 429, headers: { "retry-after": "2" }, body: '{"message":"slow down"}' });
    const response = await send(`${standIn.url}/v1/metrics`, { headers: await signed("/v1/metrics", "monitoring"), body: BODY });
    expect(response).toMatchObject({ status: 429, headers: { "retry-after": "2" } });
    expect(response.body.toString()).toBe('{"message":"slow down"}');
  });

  describe("CLOUDWATCH_SUCCESS, the default answer: each request answered in its own encoding, as CloudWatch does", () => {
    beforeEach(() => standIn.setAnswer(CLOUDWATCH_SUCCESS));

    test("answers a JSON request with 200 {} as application/json", async () => {
      const response = await send(`${standIn.url}/v1/logs`, { headers: await signed("/v1/logs", "logs", LOGS_HEADERS), body: BODY });
      expect(response).toMatchObject({ status: 200, headers: { "content-type": "application/json" } });
      expect(response.body.toString()).toBe("{}");
    });

    test("answers a protobuf request with 200 and an empty ExportLogsServiceResponse (no bytes) as application/x-protobuf", async () => {
      const headers = await signed("/v1/logs", "logs", { ...LOGS_HEADERS, "content-type": "application/x-protobuf" }, PROTO_BODY);
      const response = await send(`${standIn.url}/v1/logs`, { headers, body: PROTO_BODY });
      expect(response).toMatchObject({ status: 200, headers: { "content-type": "application/x-protobuf", "content-length": "0" } });
      expect(response.body).toHaveLength(0);
    });
  });

  describe("with a partial success", () => {
    beforeEach(() => standIn.setAnswer(cloudWatchSuccess({ rejected: 2, errorMessage: "2 records too old" })));

    test("answers a JSON request with partialSuccess in OTLP/JSON, the count as a string", async () => {
      const response = await send(`${standIn.url}/v1/logs`, { headers: await signed("/v1/logs", "logs", LOGS_HEADERS), body: BODY });
      expect(response).toMatchObject({ status: 200, headers: { "content-type": "application/json" } });
      expect(JSON.parse(response.body.toString())).toEqual({ partialSuccess: { rejectedLogRecords: "2", errorMessage: "2 records too old" } });
    });

    test.each([
      ["/v1/traces", "xray", {}, "traces", "rejectedSpans"],
      ["/v1/metrics", "monitoring", {}, "metrics", "rejectedDataPoints"],
      ["/v1/logs", "logs", LOGS_HEADERS, "logs", "rejectedLogRecords"],
    ] as const)("answers a protobuf request to %s with a serialized export response", async (path, service, extra, signal, field) => {
      const headers = await signed(path, service, { ...extra, "content-type": "application/x-protobuf" }, PROTO_BODY);
      const response = await send(`${standIn.url}${path}`, { headers, body: PROTO_BODY });
      expect(response).toMatchObject({ status: 200, headers: { "content-type": "application/x-protobuf" } });
      expect(decodeOtlpResponse(signal, response.body)).toEqual({ partialSuccess: { [field]: "2", errorMessage: "2 records too old" } });
    });
  });
});
