import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { SPANS_LOG_GROUP, VerifyOptions, verifyArrival } from "../../src/tools/smoke/verify-arrival";
import { MotoServer, motoClientConfig, motoUnavailableReason, startMoto } from "../support/moto-server";

const REGION = "us-west-2";
const skipReason = motoUnavailableReason();
if (skipReason) console.warn(`SKIPPED: smoke --verify against moto's CloudWatch Logs: ${skipReason}`);
const describeWithMoto = skipReason ? describe.skip : describe;

describeWithMoto("verifyArrival against moto's CloudWatch Logs", () => {
  let moto: MotoServer;
  let logs: CloudWatchLogsClient;
  let runs = 0;

  beforeAll(async () => {
    moto = await startMoto();
    logs = new CloudWatchLogsClient(motoClientConfig(moto.endpoint, REGION));
    await createGroup("otlp-logs", "otlp");
    await createGroup(SPANS_LOG_GROUP, "default");
  }, 30_000);

  afterAll(async () => {
    logs?.destroy();
    await moto?.stop();
  });

  async function createGroup(logGroupName: string, logStreamName: string): Promise<void> {
    await logs.send(new CreateLogGroupCommand({ logGroupName }));
    await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
  }

  async function put(logGroupName: string, logStreamName: string, message: string): Promise<void> {
    await logs.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents: [{ timestamp: Date.now(), message }] }));
  }

  /** A marker of its own per test, so that events from one test never satisfy another. */
  function marker(): string {
    return `otlp-proxy-smoke-${Date.now()}-${(runs++).toString(16).padStart(6, "0")}`;
  }

  function verifyOptions(overrides: Partial<VerifyOptions> & { marker: string }): VerifyOptions {
    return {
      signals: ["metrics", "traces", "logs"],
      logGroupName: "otlp-logs",
      timeoutMillis: 600,
      pollIntervalMillis: 100,
      startTimeMillis: Date.now() - 60_000,
      ...overrides,
    };
  }

  test("reports logs and traces as arrived when their log groups hold the marker, and metrics as not checked", async () => {
    // GIVEN what CloudWatch stores for an OTLP log record and an OTLP span
    const id = marker();
    await put("otlp-logs", "otlp", JSON.stringify({ body: `OTLP proxy smoke test ${id}`, resource: { "smoke.marker": id } }));
    await put(SPANS_LOG_GROUP, "default", JSON.stringify({ name: `smoke ${id}`, resource: { attributes: { "smoke.marker": id } } }));
    // WHEN
    const results = await verifyArrival(logs, verifyOptions({ marker: id }));
    // THEN
    expect(results.map((r) => [r.signal, r.status, r.where])).toEqual([
      ["metrics", "not-checked", undefined],
      ["traces", "arrived", SPANS_LOG_GROUP],
      ["logs", "arrived", "otlp-logs"],
    ]);
  });

  test("reports logs and traces missing after the timeout when no event holds the marker", async () => {
    await put("otlp-logs", "otlp", "an unrelated event");
    const started = Date.now();
    const results = await verifyArrival(logs, verifyOptions({ marker: marker(), signals: ["traces", "logs"] }));
    expect(results.map((r) => [r.signal, r.status])).toEqual([
      ["traces", "missing"],
      ["logs", "missing"],
    ]);
    expect(results[0].detail).toBe("no event with the marker after 1 s");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("does not take an event holding only part of the marker for the marker", async () => {
    const id = marker();
    await put("otlp-logs", "otlp", id.slice(0, -1));
    const [result] = await verifyArrival(logs, verifyOptions({ marker: id, signals: ["logs"] }));
    expect(result.status).toBe("missing");
  });

  test("searches the log group given instead of otlp-logs", async () => {
    const id = marker();
    await createGroup("/team/otlp", "otlp");
    await put("/team/otlp", "otlp", `OTLP proxy smoke test ${id}`);
    const [result] = await verifyArrival(logs, verifyOptions({ marker: id, signals: ["logs"], logGroupName: "/team/otlp" }));
    expect(result).toMatchObject({ status: "arrived", where: "/team/otlp" });
  });

  test("says the log group does not exist when it never appears", async () => {
    const [result] = await verifyArrival(logs, verifyOptions({ marker: marker(), signals: ["logs"], logGroupName: "no-such-group" }));
    expect(result).toMatchObject({ status: "missing", detail: "log group no-such-group does not exist" });
  });

  test("ignores events from before the start time", async () => {
    const id = marker();
    await put("otlp-logs", "otlp", `OTLP proxy smoke test ${id}`);
    const [result] = await verifyArrival(logs, verifyOptions({ marker: id, signals: ["logs"], startTimeMillis: Date.now() + 60_000 }));
    expect(result.status).toBe("missing");
  });
});

describe("verifyArrival without AWS", () => {
  test("reports an error, not a throw, when CloudWatch Logs cannot be reached", async () => {
    const client = new CloudWatchLogsClient({ ...motoClientConfig("http://127.0.0.1:9", REGION), maxAttempts: 1 });
    const [result] = await verifyArrival(client, {
      marker: "m",
      signals: ["logs"],
      logGroupName: "otlp-logs",
      timeoutMillis: 100,
      pollIntervalMillis: 50,
      startTimeMillis: 0,
    });
    client.destroy();
    expect(result.status).toBe("error");
    expect(result.detail).toMatch(/ECONNREFUSED/);
  });
});
