import { readFileSync } from "fs";
import { join } from "path";
import { deflateSync, gzipSync } from "zlib";
import { ApiKeyStore, makeApiKey } from "../../src/tools/local-gateway/api-keys";
import { asUtf8Text } from "../../src/tools/local-gateway/payload-conversion";
import { LocalGateway, LocalGatewayOptions, startLocalGateway } from "../../src/tools/local-gateway/server";
import { CloudWatchStandIn, startCloudWatchStandIn, StandInAnswer } from "../../src/tools/local-gateway/stand-in/cloudwatch-stand-in";
import { TerraformJson } from "../../src/tools/local-gateway/terraform-refs";
import { RawResponse, send } from "./helpers/raw-http";
import { editedStack, resourceIdOf, resourcesOf, TEST_API_KEY, TEST_CREDENTIALS, TEST_REGION, testStack } from "./helpers/test-stack";
import { OTLP_CAPTURES_DIR } from "../support/project";

/** The `{"message": ...}` body the stack configures for a gateway response type. */
function configuredMessage(doc: TerraformJson, type: string): string {
  const response = resourcesOf(doc, "aws_api_gateway_gateway_response").find((r) => r.response_type === type);
  return (JSON.parse((response?.response_templates as Record<string, string>)["application/json"]) as { message: string }).message;
}

const json = (response: RawResponse) => JSON.parse(response.body.toString("utf8")) as Record<string, unknown>;
const PROTO_BODY = readFileSync(join(OTLP_CAPTURES_DIR, "010-sdk-proto-none-traces-proto.bin"));
const JSON_BODY = readFileSync(join(OTLP_CAPTURES_DIR, "002-sdk-json-none-traces-json.bin"));

describe("the local gateway under faults and bad input", () => {
  let standIn: CloudWatchStandIn;
  const gateways: LocalGateway[] = [];
  let gateway: LocalGateway;
  let doc: TerraformJson;

  const start = async (options: Partial<LocalGatewayOptions> = {}) => {
    const started = await startLocalGateway({ stack: doc, port: 0, apiKeys: [TEST_API_KEY], upstream: standIn.url, credentials: TEST_CREDENTIALS, log: () => undefined, ...options });
    gateways.push(started);
    return started;
  };
  const post = (target: LocalGateway, path: string, headers: Record<string, string> = {}, body: Buffer | string = JSON_BODY) =>
    send(`${target.endpoint}${path}`, { headers: { "x-api-key": TEST_API_KEY, "content-type": "application/json", ...headers }, body });

  beforeAll(async () => {
    doc = testStack().doc;
    standIn = await startCloudWatchStandIn({ credentials: TEST_CREDENTIALS, region: TEST_REGION });
    gateway = await start({
      apiKeys: new ApiKeyStore([makeApiKey(TEST_API_KEY, "team-a"), makeApiKey("disabled-key", "team-b", false)]),
    });
  });

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    await standIn.close();
  });

  beforeEach(() => {
    standIn.requests.splice(0);
    standIn.setAnswer({ status: 200, body: "{}" });
  });

  describe("API keys", () => {
    test.each([
      ["no x-api-key header", {}],
      ["an unknown key", { "x-api-key": "not-a-key" }],
      ["a disabled key", { "x-api-key": "disabled-key" }],
      ["an empty key", { "x-api-key": "" }],
    ])("refuses %s with the stack's INVALID_API_KEY response, 403", async (_case, headers) => {
      // WHEN
      const response = await send(`${gateway.endpoint}/v1/metrics`, { headers: { "content-type": "application/json", ...headers }, body: "{}" });

      // THEN
      expect(response.status).toBe(403);
      expect(json(response)).toEqual({ message: configuredMessage(doc, "INVALID_API_KEY") });
      expect(standIn.requests).toHaveLength(0);
    });

    test("accepts the key header in any letter case", async () => {
      const response = await send(`${gateway.endpoint}/v1/metrics`, { headers: { "X-Api-KEY": TEST_API_KEY, "content-type": "application/json" }, body: "{}" });
      expect(response.status).toBe(200);
    });
  });

  describe("routes", () => {
    test.each([
      ["POST", "/prod/v1/profiles"],
      ["POST", "/dev/v1/metrics"],
      ["POST", "/prod/v1"],
      ["POST", "/"],
      ["GET", "/prod/v1/metrics"],
      ["PUT", "/prod/v1/traces"],
    ])("answers %s %s with the stack's MISSING_AUTHENTICATION_TOKEN response, 404", async (method, path) => {
      const response = await send(`${gateway.url}${path}`, { method, headers: { "x-api-key": TEST_API_KEY }, body: method === "GET" ? undefined : "{}" });
      expect(response.status).toBe(404);
      expect(json(response)).toEqual({ message: configuredMessage(doc, "MISSING_AUTHENTICATION_TOKEN") });
    });
  });

  describe("request bodies", () => {
    test.each([
      ["a broken gzip body", { "content-encoding": "gzip" }, Buffer.from("not gzip at all")],
      ["a truncated gzip body", { "content-encoding": "gzip" }, gzipSync(JSON_BODY).subarray(0, 20)],
      ["an unsupported coding (br)", { "content-encoding": "br" }, JSON_BODY],
      ["stacked codings", { "content-encoding": "gzip, gzip" }, gzipSync(gzipSync(JSON_BODY))],
    ])("answers %s with the stack's UNSUPPORTED_MEDIA_TYPE response, 415", async (_case, headers, body) => {
      const response = await post(gateway, "/v1/traces", headers, body);
      expect(response.status).toBe(415);
      expect(json(response)).toEqual({ message: configuredMessage(doc, "UNSUPPORTED_MEDIA_TYPE") });
      expect(standIn.requests).toHaveLength(0);
    });

    test.each([
      ["gzip", gzipSync(JSON_BODY)],
      ["deflate", deflateSync(JSON_BODY)],
      ["identity", JSON_BODY],
    ])("decompresses %s before the integration", async (coding, body) => {
      const response = await post(gateway, "/v1/traces", { "content-encoding": coding }, body);
      expect(response.status).toBe(200);
      expect(standIn.requests[0].body.equals(JSON_BODY)).toBe(true);
    });

    test.each([
      ["an 11 MB body", {}, Buffer.alloc(11 * 1024 * 1024, 0x20)],
      ["a 1 MB gzip body that decompresses to 11 MB", { "content-encoding": "gzip" }, gzipSync(Buffer.alloc(11 * 1024 * 1024, 0x20))],
    ])("refuses %s with the stack's REQUEST_TOO_LARGE response, 413", async (_case, headers, body) => {
      const response = await post(gateway, "/v1/logs", headers, body);
      expect(response.status).toBe(413);
      expect(json(response)).toEqual({ message: configuredMessage(doc, "REQUEST_TOO_LARGE") });
      expect(standIn.requests).toHaveLength(0);
    });

    test("accepts a chunked body", async () => {
      const response = await send(`${gateway.endpoint}/v1/traces`, {
        headers: { "x-api-key": TEST_API_KEY, "content-type": "application/x-protobuf" },
        body: PROTO_BODY,
        chunked: true,
      });
      expect(response.status).toBe(200);
      expect(standIn.requests[0].body.equals(PROTO_BODY)).toBe(true);
    });
  });

  describe("CloudWatch's answers", () => {
    test.each<[number, number, StandInAnswer["headers"], string | undefined]>([
      [400, 400, {}, undefined],
      [401, 401, {}, undefined],
      [403, 403, {}, undefined],
      [404, 404, {}, undefined],
      [413, 413, {}, undefined],
      [415, 415, {}, undefined],
      [429, 429, { "retry-after": "7" }, "7"],
      [500, 500, {}, undefined],
      [502, 502, {}, undefined],
      [503, 503, { "retry-after": "3" }, "3"],
      [504, 504, {}, undefined],
      [418, 400, {}, undefined],
      [451, 400, {}, undefined],
      [507, 500, {}, undefined],
      [599, 500, {}, undefined],
      [400, 400, { "retry-after": "9" }, undefined],
    ])("passes CloudWatch's %s on as %s, with Retry-After only where mapped", async (upstreamStatus, clientStatus, headers, retryAfter) => {
      // GIVEN
      standIn.setAnswer({ status: upstreamStatus, headers, body: JSON.stringify({ message: "from CloudWatch" }) });

      // WHEN
      const response = await post(gateway, "/v1/metrics");

      // THEN
      expect(response.status).toBe(clientStatus);
      expect(response.headers["retry-after"]).toBe(retryAfter);
      expect(json(response)).toEqual({ message: "from CloudWatch" });
    });

    test("passes a 2xx partial success on as 200 with its body", async () => {
      const body = JSON.stringify({ partialSuccess: { rejectedLogRecords: "2", errorMessage: "2 records too old" } });
      standIn.setAnswer({ status: 200, body });
      const response = await post(gateway, "/v1/logs");
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe(body);
    });

    test("passes a 202 on as 200", async () => {
      standIn.setAnswer({ status: 202, body: "{}" });
      expect((await post(gateway, "/v1/logs")).status).toBe(200);
    });

    const protobufAnswer: StandInAnswer = { status: 200, headers: { "content-type": "application/x-protobuf" }, body: Buffer.from([0x0a, 0x00, 0xff]) };
    const jsonAnswer: StandInAnswer = { status: 200, headers: { "content-type": "application/json" }, body: "{}" };
    test.each([
      ["no Accept", undefined, jsonAnswer],
      ["Accept */*", "*/*", jsonAnswer],
      ["Accept application/json", "application/json", jsonAnswer],
      ["Accept application/x-protobuf", "application/x-protobuf", jsonAnswer],
      ["no Accept", undefined, protobufAnswer],
      ["Accept */*", "*/*", protobufAnswer],
      ["Accept application/json", "application/json", protobufAnswer],
      ["Accept application/x-protobuf", "application/x-protobuf", protobufAnswer],
    ])("answers a client sending %s with success whatever CloudWatch answers in (%#)", async (_case, accept, answer) => {
      standIn.setAnswer(answer);
      const response = await post(gateway, "/v1/traces", accept ? { accept } : {});
      expect(response.status).toBe(200);
    });
  });

  describe("integration failures", () => {
    test("answers 504 with the stack's INTEGRATION_TIMEOUT response when CloudWatch is slower than the integration timeout", async () => {
      // GIVEN a stack whose integrations time out after 200 ms
      const { doc: slowDoc } = editedStack((d) => {
        for (const integration of Object.values(d.resource.aws_api_gateway_integration)) integration.timeout_milliseconds = 200;
      });
      const slow = await start({ stack: slowDoc });
      standIn.setAnswer({ status: 200, body: "{}", delayMs: 1000 });

      // WHEN
      const response = await post(slow, "/v1/metrics");

      // THEN
      expect(response.status).toBe(504);
      expect(json(response)).toEqual({ message: configuredMessage(doc, "INTEGRATION_TIMEOUT") });
    });

    test("answers 500 Internal server error when CloudWatch cannot be reached", async () => {
      const unreachable = await start({ upstream: "http://127.0.0.1:1" });
      const response = await post(unreachable, "/v1/metrics");
      expect(response.status).toBe(500);
      expect(json(response)).toEqual({ message: "Internal server error" });
    });

    test("answers 500 Internal server error when no credentials can sign", async () => {
      const unsigned = await start({ credentials: async () => Promise.reject(new Error("no credentials")) });
      const response = await post(unsigned, "/v1/metrics");
      expect(response.status).toBe(500);
      expect(json(response)).toEqual({ message: "Internal server error" });
      expect(standIn.requests).toHaveLength(0);
    });
  });

  describe("following the stack", () => {
    test("corrupts protobuf bodies exactly as AWS does when protobuf is not a binary media type", async () => {
      // GIVEN
      const { doc: noBinary } = editedStack((d) => {
        for (const api of Object.values(d.resource.aws_api_gateway_rest_api)) delete api.binary_media_types;
      });
      const textOnly = await start({ stack: noBinary });

      // WHEN
      const response = await post(textOnly, "/v1/traces", { "content-type": "application/x-protobuf" }, PROTO_BODY);

      // THEN
      expect(response.status).toBe(200);
      expect(standIn.requests[0].body.equals(PROTO_BODY)).toBe(false);
      expect(standIn.requests[0].body.equals(asUtf8Text(PROTO_BODY))).toBe(true);
      expect(standIn.requests[0].body.toString("utf8")).toContain("\uFFFD");
    });

    test("serves the stage and routes the stack defines, and nothing else", async () => {
      // GIVEN a stack with its stage renamed and the traces method (with its integration and responses) removed
      const traces = resourceIdOf(doc, "traces");
      const { doc: edited } = editedStack((d) => {
        for (const stage of Object.values(d.resource.aws_api_gateway_stage)) stage.stage_name = "dev";
        for (const type of ["aws_api_gateway_method", "aws_api_gateway_integration", "aws_api_gateway_method_response", "aws_api_gateway_integration_response"]) {
          for (const [name, config] of Object.entries(d.resource[type])) if (config.resource_id === traces) delete d.resource[type][name];
        }
      });
      const dev = await start({ stack: edited });

      // THEN
      expect(dev.endpoint).toBe(`${dev.url}/dev`);
      expect((await post(dev, "/v1/metrics")).status).toBe(200);
      expect((await post(dev, "/v1/traces")).status).toBe(404);
      expect((await send(`${dev.url}/prod/v1/metrics`, { headers: { "x-api-key": TEST_API_KEY }, body: "{}" })).status).toBe(404);
    });
  });
});
