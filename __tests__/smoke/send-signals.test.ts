import { encodeOtlpResponse } from "../../src/tools/local-gateway/otlp-protobuf";
import { SIGNALS } from "../../src/infra/otlp/signals";
import { SendOptions } from "../../src/tools/smoke/send-signals";
import { FakeProxy, refusedEndpoint, startFakeProxy } from "./fake-proxy";
import { NodeContext } from "./node-context";

const MARKER = "otlp-proxy-smoke-1700000000000-abc123";

function options(endpoint: string, overrides: Partial<SendOptions> = {}): SendOptions {
  return {
    endpoint,
    apiKey: "test-key",
    marker: MARKER,
    signals: SIGNALS,
    protocol: "http/protobuf",
    gzip: false,
    // Short enough that the exporters do not retry (their first backoff is about 1 s), so tests stay fast.
    exportTimeoutMillis: 500,
    ...overrides,
  };
}

describe("sendSmokeTelemetry", () => {
  const node = new NodeContext();
  const sendSmokeTelemetry = (sendOptions: SendOptions) => node.send(sendOptions);
  let proxy: FakeProxy | undefined;
  afterAll(() => node.close());
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  test.each(["http/protobuf", "http/json"] as const)("reports every route ok when the proxy answers 200 (%s)", async (protocol) => {
    proxy = await startFakeProxy();
    const results = await sendSmokeTelemetry(options(proxy.endpoint, { protocol }));
    expect(results.map((r) => [r.signal, r.ok, r.status])).toEqual([
      ["metrics", true, 200],
      ["traces", true, 200],
      ["logs", true, 200],
    ]);
  });

  test.each(["http/protobuf", "http/json"] as const)("carries the marker in the body of every signal (%s)", async (protocol) => {
    proxy = await startFakeProxy();
    await sendSmokeTelemetry(options(proxy.endpoint, { protocol }));
    const contentType = protocol === "http/json" ? "application/json" : "application/x-protobuf";
    expect(proxy.received.map((r) => r.signal).sort()).toEqual(["logs", "metrics", "traces"]);
    for (const request of proxy.received) {
      expect(request.headers["content-type"]).toBe(contentType);
      expect(request.body.toString("latin1")).toContain(MARKER);
    }
  });

  test("posts to <endpoint>/v1/<signal> with the key in x-api-key", async () => {
    proxy = await startFakeProxy();
    const results = await sendSmokeTelemetry(options(proxy.endpoint));
    expect(proxy.received.map((r) => r.path).sort()).toEqual(["/prod/v1/logs", "/prod/v1/metrics", "/prod/v1/traces"]);
    expect(proxy.received.every((r) => r.headers["x-api-key"] === "test-key")).toBe(true);
    expect(results.map((r) => r.url)).toEqual(SIGNALS.map((s) => `${proxy!.endpoint}/v1/${s}`));
  });

  test("calls only the routes asked for", async () => {
    proxy = await startFakeProxy();
    const results = await sendSmokeTelemetry(options(proxy.endpoint, { signals: ["logs"] }));
    expect(results.map((r) => r.signal)).toEqual(["logs"]);
    expect(proxy.received.map((r) => r.signal)).toEqual(["logs"]);
  });

  test("compresses bodies with gzip when asked", async () => {
    proxy = await startFakeProxy();
    await sendSmokeTelemetry(options(proxy.endpoint, { gzip: true, signals: ["logs"] }));
    expect(proxy.received[0].headers["content-encoding"]).toBe("gzip");
    expect(proxy.received[0].body.toString("latin1")).toContain(MARKER);
  });

  test("reports the status and body of a rejected route, leaving the others ok", async () => {
    proxy = await startFakeProxy({ logs: { status: 403, body: '{"message":"Forbidden"}' } });
    const results = await sendSmokeTelemetry(options(proxy.endpoint));
    const logs = results.find((r) => r.signal === "logs");
    expect(logs).toMatchObject({ ok: false, status: 403, detail: '{"message":"Forbidden"}' });
    expect(results.filter((r) => r.ok).map((r) => r.signal)).toEqual(["metrics", "traces"]);
  });

  test("reports the status of a retryable answer, which the exporter's own error leaves out", async () => {
    proxy = await startFakeProxy({ traces: { status: 503, body: '{"message":"Service Unavailable"}' } });
    const [traces] = await sendSmokeTelemetry(options(proxy.endpoint, { signals: ["traces"] }));
    expect(traces).toMatchObject({ ok: false, status: 503, detail: '{"message":"Service Unavailable"}' });
  });

  test("reports a 200 whose partialSuccess rejects log records as failed", async () => {
    const body = '{"partialSuccess":{"rejectedLogRecords":"1","errorMessage":"too old"}}';
    proxy = await startFakeProxy({ logs: { status: 200, body } });
    const [logs] = await sendSmokeTelemetry(options(proxy.endpoint, { signals: ["logs"] }));
    expect(logs).toMatchObject({ ok: false, status: 200, detail: body });
  });

  test("reports a protobuf run's 200 as failed when the base64 text of CloudWatch's protobuf answer rejects log records, showing it decoded", async () => {
    // GIVEN what the proxy hands a protobuf client: CloudWatch's ExportLogsServiceResponse, base64-encoded (CONVERT_TO_TEXT)
    const body = encodeOtlpResponse({ rejected: 1, errorMessage: "too old" }).toString("base64");
    proxy = await startFakeProxy({ logs: { status: 200, body } });

    // WHEN
    const [logs] = await sendSmokeTelemetry(options(proxy.endpoint, { signals: ["logs"], protocol: "http/protobuf" }));

    // THEN
    expect(logs).toMatchObject({ ok: false, status: 200 });
    expect(logs.detail).toBe('{"partialSuccess":{"rejectedLogRecords":"1","errorMessage":"too old"}} (the base64 text of a protobuf ExportLogsServiceResponse, decoded)');
  });

  test("reports a protobuf run ok when the answer is empty, the base64 of CloudWatch's empty protobuf answer", async () => {
    proxy = await startFakeProxy({ traces: { status: 200, body: "" } });
    const [traces] = await sendSmokeTelemetry(options(proxy.endpoint, { signals: ["traces"], protocol: "http/protobuf" }));
    expect(traces).toMatchObject({ ok: true, status: 200 });
  });

  test("reports a refused connection with Node's error code and no status", async () => {
    const endpoint = await refusedEndpoint();
    const [logs] = await sendSmokeTelemetry(options(endpoint, { signals: ["logs"] }));
    expect(logs.ok).toBe(false);
    expect(logs.status).toBeUndefined();
    expect(logs.errorCode).toBe("ECONNREFUSED");
  });
});
