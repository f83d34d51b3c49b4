import { LocalGateway, startLocalGateway } from "../../src/tools/local-gateway/server";
import { CloudWatchStandIn, CLOUDWATCH_SUCCESS, cloudWatchSuccess, startCloudWatchStandIn } from "../../src/tools/local-gateway/stand-in/cloudwatch-stand-in";
import { ExporterClient } from "./helpers/exporter-client";
import { TEST_API_KEY, TEST_CREDENTIALS, TEST_REGION, testStack } from "./helpers/test-stack";
import type { Protocol, Signal } from "./helpers/telemetry";

const SERVICES: Record<Signal, string> = { traces: "xray", metrics: "monitoring", logs: "logs" };
const CASES: Array<[Signal, Protocol, boolean]> = (["traces", "metrics", "logs"] as Signal[]).flatMap((signal) =>
  (["http/json", "http/protobuf"] as Protocol[]).flatMap((protocol) => [true, false].map((gzip) => [signal, protocol, gzip] as [Signal, Protocol, boolean])),
);

describe("the local gateway with real OpenTelemetry exporters", () => {
  let standIn: CloudWatchStandIn;
  let gateway: LocalGateway;
  let exporters: ExporterClient;

  beforeAll(async () => {
    exporters = new ExporterClient();
    standIn = await startCloudWatchStandIn({ credentials: TEST_CREDENTIALS, region: TEST_REGION });
    gateway = await startLocalGateway({
      stack: testStack().doc,
      port: 0,
      apiKeys: [TEST_API_KEY],
      upstream: standIn.url,
      credentials: TEST_CREDENTIALS,
      log: () => undefined,
    });
  });

  afterAll(async () => {
    await exporters.close();
    await gateway.close();
    await standIn.close();
  });

  beforeEach(() => {
    standIn.requests.splice(0);
    standIn.setAnswer(CLOUDWATCH_SUCCESS);
  });

  test.each(CASES)("delivers %s over %s (gzip: %s) signed and byte-identical, and the exporter sees success", async (signal, protocol, gzip) => {
    // WHEN
    const reply = await exporters.export({ signal, protocol, gzip, endpoint: gateway.endpoint, apiKey: TEST_API_KEY });

    // THEN
    expect(reply.error).toBeUndefined();
    expect(reply.success).toBe(true);
    expect(reply.warnings).toEqual([]);
    expect(standIn.requests).toHaveLength(1);
    const [received] = standIn.requests;
    expect(received.signature).toMatchObject({ ok: true, problems: [], service: SERVICES[signal], region: TEST_REGION });
    expect(received.problems).toEqual([]);
    expect(received.url).toBe(`/v1/${signal}`);
    expect(received.headers.host).toBe(`${SERVICES[signal]}.${TEST_REGION}.amazonaws.com`);
    expect(received.headers["content-encoding"]).toBeUndefined();
    expect(received.body.equals(Buffer.from(reply.encodedBase64, "base64"))).toBe(true);
  });

  describe("when CloudWatch answers with a partial success (in the request's encoding)", () => {
    beforeEach(() => standIn.setAnswer(cloudWatchSuccess({ rejected: 1, errorMessage: "1 item too old" })));

    test.each(["traces", "metrics", "logs"] as Signal[])("the JSON %s exporter reports success and warns with CloudWatch's partialSuccess", async (signal) => {
      const reply = await exporters.export({ signal, protocol: "http/json", gzip: false, endpoint: gateway.endpoint, apiKey: TEST_API_KEY });
      expect(reply.success).toBe(true);
      expect(reply.warnings).toEqual([expect.stringMatching(/^Received Partial Success response: .*"errorMessage":"1 item too old"/)]);
    });

    test.each(["traces", "metrics", "logs"] as Signal[])(
      "the protobuf %s exporter reports success but cannot read the base64 text the proxy hands it, so never sees the partial success",
      async (signal) => {
        const reply = await exporters.export({ signal, protocol: "http/protobuf", gzip: false, endpoint: gateway.endpoint, apiKey: TEST_API_KEY });
        expect(reply.success).toBe(true);
        expect(reply.warnings).toEqual([expect.stringContaining("Export succeeded but could not deserialize response")]);
        expect(reply.warnings.join("\n")).not.toContain("1 item too old");
      },
    );
  });
});
