import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { AWS_ENDPOINT_ENV } from "../../src/tools/smoke/run-smoke";
import { MotoServer, motoClientConfig, motoUnavailableReason, startMoto } from "../support/moto-server";
import { FakeProxy, ReceivedRequest, refusedEndpoint, startFakeProxy } from "./fake-proxy";
import { NodeContext } from "./node-context";

const TRANSACTION_SEARCH_MISSING = '{"message":"The OTLP API is supported with CloudWatch Logs as a Trace Segment Destination."}';
const MARKER = /otlp-proxy-smoke-\d+-[0-9a-f]{6}/;

describe("npm run smoke against a local HTTP server", () => {
  const node = new NodeContext();
  let proxy: FakeProxy | undefined;
  afterAll(() => node.close());
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  function routeLine(stdout: string, signal: string): string {
    return stdout.split("\n").find((line) => line.trimStart().startsWith(`${signal} `)) ?? "";
  }

  test("reports every route ok and exits 0 when every route answers 200", async () => {
    proxy = await startFakeProxy();
    const run = await node.cli(["--endpoint", proxy.endpoint, "--api-key", "k"]);
    expect(run.code).toBe(0);
    for (const signal of ["metrics", "traces", "logs"]) {
      expect(routeLine(run.stdout, signal)).toMatch(new RegExp(`POST ${proxy.endpoint}/v1/${signal}  200  ok$`));
    }
    expect(run.stdout).toContain("Result: ok");
    expect(run.stderr).toBe("");
  });

  test("sends the marker it prints in the body of all three signals", async () => {
    proxy = await startFakeProxy();
    const run = await node.cli(["--endpoint", proxy.endpoint, "--api-key", "k"]);
    const marker = MARKER.exec(run.stdout)?.[0];
    expect(marker).toBeDefined();
    expect(proxy.received.map((r) => r.signal).sort()).toEqual(["logs", "metrics", "traces"]);
    for (const request of proxy.received) expect(request.body.toString("latin1")).toContain(marker);
  });

  test("reports a 403 on one route with its cause and exits 1", async () => {
    proxy = await startFakeProxy({ logs: { status: 403, body: '{"message":"Forbidden"}' } });
    const run = await node.cli(["--endpoint", proxy.endpoint, "--api-key", "wrong"]);
    expect(run.code).toBe(1);
    expect(routeLine(run.stdout, "logs")).toMatch(/ 403  FAILED$/);
    expect(run.stdout).toContain('answer: {"message":"Forbidden"}');
    expect(run.stdout).toContain("cause:  API Gateway rejected the API key");
    expect(routeLine(run.stdout, "metrics")).toMatch(/ 200  ok$/);
    expect(run.stdout).toContain("Result: FAILED");
  });

  test("names Transaction Search when the traces route answers 400 for it", async () => {
    proxy = await startFakeProxy({ traces: { status: 400, body: TRANSACTION_SEARCH_MISSING } });
    const run = await node.cli(["--endpoint", proxy.endpoint, "--api-key", "k", "--signals", "traces"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("cause:  X-Ray Transaction Search is not enabled");
    expect(run.stdout).toContain("aws xray get-trace-segment-destination --region <region>");
    expect(run.stdout).toContain("aws xray update-trace-segment-destination");
  });

  test("names the endpoint when the connection is refused", async () => {
    const endpoint = await refusedEndpoint();
    const run = await node.cli(["--endpoint", endpoint, "--api-key", "k", "--signals", "logs"]);
    expect(run.code).toBe(1);
    expect(routeLine(run.stdout, "logs")).toMatch(/no answer  FAILED$/);
    expect(run.stdout).toContain(`cause:  Nothing is listening at ${endpoint}`);
  });

  test("prints usage on stderr and exits 2 for bad arguments", async () => {
    const run = await node.cli(["--endpoint", "http://127.0.0.1:1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: --api-key \(or OTLP_PROXY_API_KEY\) is required\n\nUsage: npm run smoke/);
    expect(run.stdout).toBe("");
  });
});

const skipReason = motoUnavailableReason();
if (skipReason) console.warn(`SKIPPED: npm run smoke --verify against moto: ${skipReason}`);
const describeWithMoto = skipReason ? describe.skip : describe;

describeWithMoto("npm run smoke --verify against moto's CloudWatch Logs", () => {
  const REGION = "us-west-2";
  let moto: MotoServer;
  let logs: CloudWatchLogsClient;
  let node: NodeContext;
  let proxy: FakeProxy | undefined;

  beforeAll(async () => {
    moto = await startMoto();
    logs = new CloudWatchLogsClient(motoClientConfig(moto.endpoint, REGION));
    for (const [logGroupName, logStreamName] of [["otlp-logs", "otlp"], ["aws/spans", "default"]]) {
      await logs.send(new CreateLogGroupCommand({ logGroupName }));
      await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
    }
    // The CLI reads credentials from the default chain, in the worker's environment.
    node = new NodeContext({ ...process.env, AWS_ACCESS_KEY_ID: "testing", AWS_SECRET_ACCESS_KEY: "testing", AWS_EC2_METADATA_DISABLED: "true" });
  }, 30_000);

  afterAll(async () => {
    await proxy?.close();
    await node?.close();
    logs?.destroy();
    await moto?.stop();
  });

  /** Stores the marker of a logs or traces request where CloudWatch would, as the real integration does. */
  async function storeLikeCloudWatch(request: ReceivedRequest): Promise<void> {
    const marker = MARKER.exec(request.body.toString("latin1"))?.[0];
    if (!marker || request.signal === "metrics") return;
    const [logGroupName, logStreamName] = request.signal === "logs" ? ["otlp-logs", "otlp"] : ["aws/spans", "default"];
    const message = JSON.stringify({ body: `OTLP proxy smoke test ${marker}`, resource: { "smoke.marker": marker } });
    await logs.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents: [{ timestamp: Date.now(), message }] }));
  }

  test("reports logs and traces arrived, metrics not checked, and exits 0", async () => {
    proxy = await startFakeProxy({}, storeLikeCloudWatch);
    const run = await node.cli(["--endpoint", proxy.endpoint, "--api-key", "k", "--verify", "--region", REGION, "--timeout", "5"], {
      env: { [AWS_ENDPOINT_ENV]: moto.endpoint },
    });
    expect(run.stdout).toMatch(/traces {3}arrived in aws\/spans after \d+ s/);
    expect(run.stdout).toMatch(/logs {5}arrived in otlp-logs after \d+ s/);
    expect(run.stdout).toContain("metrics  not checked");
    expect(run.code).toBe(0);
    await proxy.close();
    proxy = undefined;
  });

  test("reports the signals that never arrived and exits 1", async () => {
    proxy = await startFakeProxy();
    const run = await node.cli(["--endpoint", proxy.endpoint, "--api-key", "k", "--verify", "--region", REGION, "--timeout", "1", "--signals", "logs"], {
      env: { [AWS_ENDPOINT_ENV]: moto.endpoint },
    });
    expect(run.stdout).toContain("logs     MISSING in otlp-logs: no event with the marker after 1 s");
    expect(run.code).toBe(1);
    await proxy.close();
    proxy = undefined;
  });

  test("does not look for a signal whose route failed", async () => {
    proxy = await startFakeProxy({ traces: { status: 400, body: TRANSACTION_SEARCH_MISSING } }, storeLikeCloudWatch);
    const run = await node.cli(["--endpoint", proxy.endpoint, "--api-key", "k", "--verify", "--region", REGION, "--timeout", "5", "--signals", "traces,logs"], {
      env: { [AWS_ENDPOINT_ENV]: moto.endpoint },
    });
    expect(run.stdout).toContain("traces   not checked: its route failed");
    expect(run.stdout).toMatch(/logs {5}arrived in otlp-logs/);
    expect(run.code).toBe(1);
    await proxy.close();
    proxy = undefined;
  });
});
