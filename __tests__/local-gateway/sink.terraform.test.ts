import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { summarizeOtlp } from "../../src/tools/local-gateway/otlp-summary";
import { LocalGateway, startLocalGateway } from "../../src/tools/local-gateway/server";
import { OtlpSink, prepareSinkDir } from "../../src/tools/local-gateway/sink";
import { LocalGatewayError } from "../../src/tools/local-gateway/local-gateway-error";
import { ExporterClient } from "./helpers/exporter-client";
import { TEST_API_KEY, testStack } from "./helpers/test-stack";
import type { Protocol, Signal } from "./helpers/telemetry";

const ITEM_NAMES: Record<Signal, string> = { traces: "spans", metrics: "data points", logs: "log records" };

describe("the local gateway with --sink", () => {
  let gateway: LocalGateway;
  let exporters: ExporterClient;
  let dir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "local-gateway-sink-"));
    exporters = new ExporterClient();
    gateway = await startLocalGateway({ stack: testStack().doc, port: 0, apiKeys: [TEST_API_KEY], sink: dir, log: (line) => lines.push(line) });
  });

  afterAll(async () => {
    await exporters.close();
    await gateway.close();
  });

  beforeEach(() => lines.splice(0));

  test.each<[Signal, Protocol]>([
    ["traces", "http/protobuf"],
    ["traces", "http/json"],
    ["metrics", "http/protobuf"],
    ["metrics", "http/json"],
    ["logs", "http/protobuf"],
    ["logs", "http/json"],
  ])("writes every one of a real exporter's %s (%s) as OTLP/JSON, counts them and answers 200", async (signal, protocol) => {
    // GIVEN
    const before = new Set(readdirSafe(join(dir, signal)));

    // WHEN
    const reply = await exporters.export({ signal, protocol, gzip: true, endpoint: gateway.endpoint, apiKey: TEST_API_KEY });

    // THEN
    expect(reply.success).toBe(true);
    const written = readdirSafe(join(dir, signal)).filter((name) => !before.has(name));
    expect(written).toHaveLength(1);
    const decoded = JSON.parse(readFileSync(join(dir, signal, written[0]), "utf8")) as Record<string, unknown>;
    expect(summarizeOtlp(decoded)).toMatchObject({ signal, count: reply.itemCount, serviceNames: ["local-gateway-test"] });
    expect(reply.itemCount).toBeGreaterThan(1);
    expect(lines).toContainEqual(expect.stringContaining(`sink ${signal} service.name=local-gateway-test ${reply.itemCount} ${ITEM_NAMES[signal]}`));
    // The access log says what the sink answered, and claims no upstream: none was called.
    const accessLine = lines.find((line) => line.includes(`POST /prod/v1/${signal} `));
    expect(accessLine).toMatch(new RegExp(`POST /prod/v1/${signal} key=\\w+ status=200 sink=200 \\d+ms$`));
    expect(accessLine).not.toContain("upstream=");
  });

  test("answers 400 for a body it cannot decode, like CloudWatch", () => {
    const sink = new OtlpSink(mkdtempSync(join(tmpdir(), "local-gateway-sink-")));
    const result = sink.receive("/v1/traces", "application/x-protobuf", Buffer.from([0xff, 0xff, 0xff]));
    expect(result.response.status).toBe(400);
    expect(result.error).toMatch(/cannot decode the traces request/);
  });
});

describe("the sink folder", () => {
  test("is created at start when missing", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "local-gateway-sink-")), "new", "sink");
    new OtlpSink(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  test("that is a file fails at start with one line", () => {
    const file = join(mkdtempSync(join(tmpdir(), "local-gateway-sink-")), "notes.txt");
    writeFileSync(file, "not a folder");
    expect(() => prepareSinkDir(file)).toThrow(new LocalGatewayError(`--sink ${file} is a file; give a folder (created if missing)`));
    expect(() => new OtlpSink(file)).toThrow(LocalGatewayError);
  });

  test("under a file fails at start with one line", () => {
    const file = join(mkdtempSync(join(tmpdir(), "local-gateway-sink-")), "notes.txt");
    writeFileSync(file, "not a folder");
    expect(() => prepareSinkDir(join(file, "sink"))).toThrow(`--sink ${join(file, "sink")} cannot be created (ENOTDIR)`);
  });
});

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
