import { mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { makeApiKey } from "../../src/tools/local-gateway/api-keys";
import { LocalGateway, startLocalGateway } from "../../src/tools/local-gateway/server";
import { CloudWatchStandIn, CLOUDWATCH_SUCCESS, startCloudWatchStandIn } from "../../src/tools/local-gateway/stand-in/cloudwatch-stand-in";
import { TerraformRefs } from "../../src/tools/local-gateway/terraform-refs";
import { send } from "./helpers/raw-http";
import { EditableDoc, PlannedTestStack, teamsStack, TEST_CREDENTIALS, TEST_REGION } from "./helpers/test-stack";

// Issue 14: the stack maps x-aws-log-stream from context.identity.apiKeyId, so each team's log records land in the
// stream named by its key id, which the stack creates. A local key named after a team stands for that team's key.
// The stack is the teams stack the local gateway's tests share (teams platform, data-science, and contractors, disabled).
const KEYS = ["platform=key-platform-0123456789", "data-science=key-data-0123456789"];
const LOGS = JSON.stringify({
  resourceLogs: [
    {
      resource: { attributes: [{ key: "service.name", value: { stringValue: "claude-code" } }] },
      scopeLogs: [{ logRecords: [{ timeUnixNano: "1700000000000000000", body: { stringValue: "claude_code.api_request" } }] }],
    },
  ],
});

let stack: PlannedTestStack;
let refs: TerraformRefs;
beforeAll(() => {
  stack = teamsStack();
  refs = new TerraformRefs(stack.doc);
});
/** The name of the stream the stack creates for a team: its key's id as the plan reader resolves it. */
const streamOf = (team: string) => refs.resolveToString(refs.config("aws_cloudwatch_log_stream", `team_${team}`).name)!;
const keyIdOf = (team: string) => refs.attribute("aws_api_gateway_api_key", `team_${team}`, "id") as string;

const post = (gateway: LocalGateway, key: string, headers: Record<string, string> = {}) =>
  send(`${gateway.endpoint}/v1/logs`, { headers: { "x-api-key": key, "content-type": "application/json", ...headers }, body: LOGS });

describe("the local gateway with per-team log streams", () => {
  test("plans one stream per team, each named by its team's key id", () => {
    const streams = Object.keys((stack.doc as EditableDoc).resource.aws_cloudwatch_log_stream).sort();
    expect(streams).toEqual(["otlp_logs_stream", "team_contractors", "team_data-science", "team_platform"]);
    expect(streamOf("platform")).toBe(keyIdOf("platform"));
    expect(streamOf("data-science")).toBe(keyIdOf("data-science"));
    expect(streamOf("platform")).not.toBe(streamOf("data-science"));
  });

  describe("in front of the CloudWatch stand-in", () => {
    let standIn: CloudWatchStandIn;
    let gateway: LocalGateway;

    beforeAll(async () => {
      standIn = await startCloudWatchStandIn({ credentials: TEST_CREDENTIALS, region: TEST_REGION });
      gateway = await startLocalGateway({ stack: stack.doc, port: 0, apiKeys: [...KEYS, "unnamed-key-0123456789"], upstream: standIn.url, credentials: TEST_CREDENTIALS, log: () => undefined });
    });
    afterAll(async () => {
      await gateway.close();
      await standIn.close();
    });
    beforeEach(() => {
      standIn.requests.splice(0);
      standIn.setAnswer(CLOUDWATCH_SUCCESS);
    });

    test("sends as x-aws-log-stream the calling team key's id, the stream the stack creates for it, whatever the client sends", async () => {
      // WHEN each team sends logs, one of them naming the other's stream
      expect((await post(gateway, "key-platform-0123456789", { "x-aws-log-stream": streamOf("data-science") })).status).toBe(200);
      expect((await post(gateway, "key-data-0123456789")).status).toBe(200);

      // THEN
      expect(standIn.requests.map((r) => r.headers["x-aws-log-stream"])).toEqual([keyIdOf("platform"), keyIdOf("data-science")]);
      expect(standIn.requests.map((r) => r.headers["x-aws-log-group"])).toEqual(["otlp-logs", "otlp-logs"]);
      for (const request of standIn.requests) expect(request.signature.problems).toEqual([]);
    });

    test("sends a key that stands for no team of the stack with its own id", async () => {
      await post(gateway, "unnamed-key-0123456789");
      expect(standIn.requests[0].headers["x-aws-log-stream"]).toBe(makeApiKey("unnamed-key-0123456789").id);
    });
  });

  test("with --sink, writes each team's log records under its own stream", async () => {
    // GIVEN
    const dir = mkdtempSync(join(tmpdir(), "local-gateway-team-streams-"));
    const gateway = await startLocalGateway({ stack: stack.doc, port: 0, apiKeys: KEYS, sink: dir, log: () => undefined });
    try {
      // WHEN
      for (const key of ["key-platform-0123456789", "key-data-0123456789", "key-platform-0123456789"]) expect((await post(gateway, key)).status).toBe(200);
    } finally {
      await gateway.close();
    }

    // THEN
    const files = readdirSync(join(dir, "logs"));
    const byStream = (stream: string) => files.filter((f) => f.startsWith(`${stream}--`));
    expect(byStream(streamOf("platform"))).toHaveLength(2);
    expect(byStream(streamOf("data-science"))).toHaveLength(1);
    expect(files).toHaveLength(3);
    expect(JSON.parse(readFileSync(join(dir, "logs", byStream(streamOf("data-science"))[0]), "utf8"))).toEqual(JSON.parse(LOGS));
  });
});
