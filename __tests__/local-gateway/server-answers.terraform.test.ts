import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { gunzipSync } from "zlib";
import { decodeOtlpProtobuf, decodeOtlpResponse } from "../../src/tools/local-gateway/otlp-protobuf";
import { LocalGateway, startLocalGateway } from "../../src/tools/local-gateway/server";
import { CloudWatchStandIn, CLOUDWATCH_SUCCESS, cloudWatchSuccess, RecordedRequest, startCloudWatchStandIn, StandInAnswer } from "../../src/tools/local-gateway/stand-in/cloudwatch-stand-in";
import { send } from "./helpers/raw-http";
import { resourcesOf, TEST_API_KEY, TEST_CREDENTIALS, TEST_REGION, testStack } from "./helpers/test-stack";
import { OTLP_CAPTURES_DIR } from "../support/project";

type Signal = "traces" | "metrics" | "logs";
const capture = (name: string) => readFileSync(join(OTLP_CAPTURES_DIR, name));
/** Real exporters' bodies of each signal, in each encoding. */
const BODIES: Record<Signal, { protobuf: Buffer; json: Buffer }> = {
  traces: { protobuf: capture("010-sdk-proto-none-traces-proto.bin"), json: capture("002-sdk-json-none-traces-json.bin") },
  metrics: { protobuf: capture("011-sdk-proto-none-metrics-proto.bin"), json: capture("003-sdk-json-none-metrics-json.bin") },
  logs: { protobuf: capture("013-sdk-proto-none-logs-proto.bin"), json: capture("005-sdk-json-none-logs-json.bin") },
};
const REJECTED: Record<Signal, string> = { traces: "rejectedSpans", metrics: "rejectedDataPoints", logs: "rejectedLogRecords" };
const SIGNALS: Signal[] = ["traces", "metrics", "logs"];
/** No Accept (JavaScript exporters), `*∕*` (Rust exporters), and every other kind of first value. */
const ACCEPTS: Array<string | undefined> = [undefined, "*/*", "application/json", "application/x-protobuf", "application/x-protobuf, application/json", "text/plain"];
const PARTIAL = { rejected: 2, errorMessage: "2 items too old" };

describe("the local gateway handing on CloudWatch's answers (stack: CONVERT_TO_TEXT, Content-Type not mapped)", () => {
  let standIn: CloudWatchStandIn;
  let gateway: LocalGateway;
  /** The bodies the stand-in answered with, in order. */
  const answered: Buffer[] = [];
  const recording = (answer: (request: RecordedRequest) => StandInAnswer) => (request: RecordedRequest) => {
    const chosen = answer(request);
    answered.push(Buffer.from(chosen.body ?? ""));
    return chosen;
  };
  const post = (signal: Signal, encoding: "protobuf" | "json", accept?: string, extra: Record<string, string> = {}) =>
    send(`${gateway.endpoint}/v1/${signal}`, {
      headers: {
        "x-api-key": TEST_API_KEY,
        "content-type": encoding === "protobuf" ? "application/x-protobuf" : "application/json",
        ...(accept === undefined ? {} : { accept }),
        ...extra,
      },
      body: BODIES[signal][encoding],
    });

  beforeAll(async () => {
    standIn = await startCloudWatchStandIn({ credentials: TEST_CREDENTIALS, region: TEST_REGION });
    gateway = await startLocalGateway({ stack: testStack().doc, port: 0, apiKeys: [TEST_API_KEY], upstream: standIn.url, credentials: TEST_CREDENTIALS, log: () => undefined });
  });

  afterAll(async () => {
    await gateway.close();
    await standIn.close();
  });

  beforeEach(() => {
    standIn.requests.splice(0);
    answered.splice(0);
  });

  test("serves a stack whose integration responses convert to text and whose method responses leave Content-Type unmapped", () => {
    // Held here because every expectation below depends on it; the construct's own tests own the choice.
    const integrationResponses = resourcesOf(testStack().doc, "aws_api_gateway_integration_response");
    expect(integrationResponses.length).toBeGreaterThan(0);
    for (const response of integrationResponses) {
      expect(response.content_handling).toBe("CONVERT_TO_TEXT");
      expect(Object.keys((response.response_parameters as Record<string, string> | undefined) ?? {}).map((k) => k.toLowerCase())).not.toContain("method.response.header.content-type");
    }
  });

  describe.each(ACCEPTS.map((accept) => [accept ?? "(none)", accept]))("for a client sending Accept: %s", (_label, accept) => {
    test.each(SIGNALS)("a protobuf %s export that fully succeeds gets 200, application/json and an empty body", async (signal) => {
      // GIVEN CloudWatch's answer: an empty Export*ServiceResponse, no bytes, as application/x-protobuf
      standIn.setAnswer(recording(CLOUDWATCH_SUCCESS));

      // WHEN
      const response = await post(signal, "protobuf", accept);

      // THEN
      expect(standIn.requests[0].body.equals(BODIES[signal].protobuf)).toBe(true);
      expect(answered).toEqual([Buffer.alloc(0)]);
      expect(response.status).toBe(200);
      expect(response.headers["content-type"]).toBe("application/json");
      expect(response.body).toHaveLength(0);
    });

    test.each(SIGNALS)("a protobuf %s export with a partial success gets 200, application/json and the base64 of CloudWatch's protobuf answer", async (signal) => {
      // GIVEN
      standIn.setAnswer(recording(cloudWatchSuccess(PARTIAL)));

      // WHEN
      const response = await post(signal, "protobuf", accept);

      // THEN the client cannot read partialSuccess: it gets text, which only decodes back to the answer
      expect(answered).toHaveLength(1);
      expect(decodeOtlpResponse(signal, answered[0])).toEqual({ partialSuccess: { [REJECTED[signal]]: "2", errorMessage: PARTIAL.errorMessage } });
      expect(response.status).toBe(200);
      expect(response.headers["content-type"]).toBe("application/json");
      expect(response.body.toString("latin1")).toBe(answered[0].toString("base64"));
      expect(() => JSON.parse(response.body.toString())).toThrow();
    });

    test.each(SIGNALS)("a JSON %s export with a partial success gets 200 and CloudWatch's JSON answer unchanged", async (signal) => {
      // GIVEN
      standIn.setAnswer(recording(cloudWatchSuccess(PARTIAL)));

      // WHEN
      const response = await post(signal, "json", accept);

      // THEN
      expect(response.status).toBe(200);
      expect(response.headers["content-type"]).toBe("application/json");
      expect(response.body.equals(answered[0])).toBe(true);
      expect(JSON.parse(response.body.toString())).toEqual({ partialSuccess: { [REJECTED[signal]]: "2", errorMessage: PARTIAL.errorMessage } });
    });

    test("a JSON export that fully succeeds gets 200 {}", async () => {
      standIn.setAnswer(CLOUDWATCH_SUCCESS);
      const response = await post("logs", "json", accept);
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe("{}");
    });
  });

  test("never lets CloudWatch's Content-Type or other headers reach the client", async () => {
    standIn.setAnswer((request) => ({ ...cloudWatchSuccess(PARTIAL)(request), headers: { "content-type": "application/x-protobuf", "x-amzn-requestid": "cw-1" } }));
    const response = await post("logs", "protobuf", "application/x-protobuf");
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.headers["x-amzn-requestid"]).not.toBe("cw-1");
  });

  test("gzips the base64 text for a client that accepts gzip (minimum_compression_size = 0), which decompresses to the same text", async () => {
    standIn.setAnswer(recording(cloudWatchSuccess(PARTIAL)));
    const response = await post("metrics", "protobuf", "*/*", { "accept-encoding": "zstd,gzip,deflate,br" });
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(response.body).toString("latin1")).toBe(answered[0].toString("base64"));
  });
});

describe("the local gateway with --sink answering as CloudWatch does", () => {
  let gateway: LocalGateway;

  beforeAll(async () => {
    gateway = await startLocalGateway({ stack: testStack().doc, port: 0, apiKeys: [TEST_API_KEY], sink: mkdtempSync(join(tmpdir(), "local-gateway-answers-")), log: () => undefined });
  });

  afterAll(() => gateway.close());

  test.each(SIGNALS)("answers a protobuf %s export 200 with an empty body, the base64 of an empty export response", async (signal) => {
    expect(() => decodeOtlpProtobuf(signal, BODIES[signal].protobuf)).not.toThrow();
    const response = await send(`${gateway.endpoint}/v1/${signal}`, { headers: { "x-api-key": TEST_API_KEY, "content-type": "application/x-protobuf" }, body: BODIES[signal].protobuf });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.body).toHaveLength(0);
  });

  test.each(SIGNALS)("answers a JSON %s export 200 {}", async (signal) => {
    const response = await send(`${gateway.endpoint}/v1/${signal}`, { headers: { "x-api-key": TEST_API_KEY, "content-type": "application/json" }, body: BODIES[signal].json });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("{}");
  });
});
