import { LocalGateway, startLocalGateway } from "../../src/tools/local-gateway/server";
import { CloudWatchStandIn, CLOUDWATCH_SUCCESS, cloudWatchSuccess, startCloudWatchStandIn } from "../../src/tools/local-gateway/stand-in/cloudwatch-stand-in";
import { TEST_REGION, testStack } from "../local-gateway/helpers/test-stack";
import { terraformEnv } from "../support/terraform-cli";
import { NodeContext } from "./node-context";

// The smoke test against the local gateway serving a synthesized stack, which signs for a CloudWatch stand-in that
// verifies every signature: the same path a deployed proxy takes, end to end on this machine. The stack is the local
// gateway tests' us-west-2 stack, which they plan once for all of them (its plan is then read from the run's cache).
const CREDENTIALS = { accessKeyId: "AKIDSMOKETEST", secretAccessKey: "smoke-secret" };
const API_KEY = "smoke-key-0123456789";
const MARKER = /otlp-proxy-smoke-\d+-[0-9a-f]{6}/;

describe("npm run smoke through the local gateway", () => {
  const node = new NodeContext();
  let standIn: CloudWatchStandIn;
  let gateway: LocalGateway;

  beforeAll(async () => {
    const stack = testStack();
    standIn = await startCloudWatchStandIn({ credentials: CREDENTIALS, region: TEST_REGION });
    gateway = await startLocalGateway({
      stackFile: stack.file,
      terraformEnv: terraformEnv(),
      port: 0,
      apiKeys: [`default=${API_KEY}`],
      upstream: standIn.url,
      credentials: CREDENTIALS,
      log: () => undefined,
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await standIn?.close();
    await node.close();
  });

  beforeEach(() => {
    standIn.requests.length = 0;
    standIn.setAnswer(CLOUDWATCH_SUCCESS);
  });

  test.each([[["--protocol", "http/protobuf"]], [["--protocol", "http/json"]], [["--gzip"]]])(
    "reports every route ok with %j, and every request reaches CloudWatch signed and carrying the marker",
    async (flags) => {
      const run = await node.cli(["--endpoint", gateway.endpoint, "--api-key", API_KEY, ...flags]);
      expect(run.stdout).toContain("Result: ok");
      expect(run.code).toBe(0);
      const marker = MARKER.exec(run.stdout)![0];
      expect(standIn.requests.map((r) => r.url).sort()).toEqual(["/v1/logs", "/v1/metrics", "/v1/traces"]);
      for (const request of standIn.requests) {
        expect(request.signature.ok).toBe(true);
        expect(request.problems).toEqual([]);
        expect(request.body.toString("latin1")).toContain(marker);
      }
    },
  );

  test.each(["http/protobuf", "http/json"])(
    "reports a partial success CloudWatch answers in %s as a failed route, with the answer readable and its cause",
    async (protocol) => {
      // GIVEN CloudWatch rejecting one log record, answering in the request's encoding
      standIn.setAnswer((request) =>
        request.url === "/v1/logs" ? cloudWatchSuccess({ rejected: 1, errorMessage: "1 log record too old" })(request) : CLOUDWATCH_SUCCESS(request),
      );

      // WHEN
      const run = await node.cli(["--endpoint", gateway.endpoint, "--api-key", API_KEY, "--protocol", protocol, "--signals", "logs"]);

      // THEN
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/logs .* 200  FAILED/);
      expect(run.stdout).toContain('"rejectedLogRecords":"1","errorMessage":"1 log record too old"');
      expect(run.stdout).toContain("rejected some items");
    },
  );

  test("reports the wrong key with its cause, and nothing reaches CloudWatch", async () => {
    const run = await node.cli(["--endpoint", gateway.endpoint, "--api-key", "not-a-key"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/metrics .* 403  FAILED/);
    expect(run.stdout).toContain("x-api-key");
    expect(standIn.requests).toEqual([]);
  });
});
