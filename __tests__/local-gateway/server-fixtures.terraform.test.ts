import { makeApiKey } from "../../src/tools/local-gateway/api-keys";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gunzipSync } from "zlib";
import { LocalGateway, startLocalGateway } from "../../src/tools/local-gateway/server";
import { CloudWatchStandIn, startCloudWatchStandIn } from "../../src/tools/local-gateway/stand-in/cloudwatch-stand-in";
import { send } from "./helpers/raw-http";
import { resourcesOf, TEST_CREDENTIALS, TEST_REGION, testStack } from "./helpers/test-stack";
import { OTLP_CAPTURES_DIR } from "../support/project";

interface Capture {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly bodyBytes: number;
}

const ALL_CAPTURES = readdirSync(OTLP_CAPTURES_DIR)
  .filter((name) => name.endsWith(".json") && !name.endsWith(".decoded.json"))
  .map((name) => name.replace(/\.json$/, ""))
  .sort();
/** Every capture that has its body recorded. */
const CAPTURES = ALL_CAPTURES.filter((base) => existsSync(join(OTLP_CAPTURES_DIR, `${base}.bin`)));

/** Headers the integration request may carry: the mapped ones plus API Gateway's own (docs/aws-facts.md). */
const ALLOWED_UPSTREAM_HEADERS = new Set([
  "host", "content-type", "accept", "user-agent", "content-length", "connection",
  "authorization", "x-amz-date", "x-amz-security-token", "x-aws-log-group", "x-aws-log-stream",
]);

describe("the local gateway replaying captured client requests", () => {
  let standIn: CloudWatchStandIn;
  let gateway: LocalGateway;

  beforeAll(async () => {
    standIn = await startCloudWatchStandIn({ credentials: TEST_CREDENTIALS, region: TEST_REGION });
    gateway = await startLocalGateway({ stack: testStack().doc, port: 0, apiKeys: ["test"], upstream: standIn.url, credentials: TEST_CREDENTIALS, log: () => undefined });
  });

  afterAll(async () => {
    await gateway.close();
    await standIn.close();
  });

  beforeEach(() => standIn.requests.splice(0));

  test("replays every capture except the two recorded without a body", () => {
    expect(ALL_CAPTURES.filter((base) => !CAPTURES.includes(base))).toEqual(["070-copilot-prefix-metrics-json", "071-copilot-prefix-traces-json"]);
    expect(CAPTURES.length).toBeGreaterThan(30);
  });

  test.each(CAPTURES)("%s arrives signed, decompressed and byte-identical, with only mapped headers", async (base) => {
    // GIVEN
    const capture = JSON.parse(readFileSync(join(OTLP_CAPTURES_DIR, `${base}.json`), "utf8")) as Capture;
    const raw = readFileSync(join(OTLP_CAPTURES_DIR, `${base}.bin`));
    const signal = /\/v1\/(traces|metrics|logs)$/.exec(capture.url)?.[1];
    const headers = Object.fromEntries(
      Object.entries(capture.headers).filter(([name]) => !["host", "connection", "transfer-encoding", "content-length"].includes(name)),
    );

    // WHEN
    const response = await send(`${gateway.endpoint}/v1/${signal}`, { headers, body: raw, chunked: capture.headers["transfer-encoding"] === "chunked" });

    // THEN
    expect(response.status).toBe(200);
    expect(standIn.requests).toHaveLength(1);
    const [received] = standIn.requests;
    expect(received.signature.problems).toEqual([]);
    expect(received.problems).toEqual([]);
    const expectedBody = capture.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
    expect(received.body.equals(expectedBody)).toBe(true);
    expect(received.headers["content-type"]).toBe(capture.headers["content-type"]);
    expect(received.headers.accept).toBe("application/json");
    expect(received.headers["user-agent"]).toBe(`AmazonAPIGateway_${gateway.model.apiId}`);
    expect(Object.keys(received.headers).filter((name) => !ALLOWED_UPSTREAM_HEADERS.has(name))).toEqual([]);
  });

  test("sends the logs route the log group of the stack's log resources, and as stream the calling key's id", async () => {
    // GIVEN
    // The OTLP log group, not the access-log group the stack also has.
    const group = resourcesOf(testStack().doc, "aws_cloudwatch_log_group").find((g) => g.name === "otlp-logs")!;
    // Per-team streams (the default): the integration maps context.identity.apiKeyId; an unnamed local key has its own id.
    const stream = { name: makeApiKey("test").id };

    // WHEN
    await send(`${gateway.endpoint}/v1/logs`, { headers: { "x-api-key": "test", "content-type": "application/json" }, body: "{}" });

    // THEN
    expect(standIn.requests[0].headers["x-aws-log-group"]).toBe(group.name);
    expect(standIn.requests[0].headers["x-aws-log-stream"]).toBe(stream.name);
  });
});
