import { execFile } from "child_process";
import { join } from "path";
import { promisify } from "util";
import { clientSnippets } from "../../src/infra/clients/client-snippets";
import { INSIGHTS_ATTRIBUTES } from "../../src/infra/clients/insights-attributes";
import { CLAIM_MISMATCH_TITLE, claimMatchesKeyCondition, streamTeamExpression, teamStreamWidgets } from "../../src/infra/observability/widgets/team-stream-widgets";
import { decodeOtlpProtobuf } from "../../src/tools/local-gateway/otlp-protobuf";
import { LocalGateway, startLocalGateway } from "../../src/tools/local-gateway/server";
import { CloudWatchStandIn, CLOUDWATCH_SUCCESS, RecordedRequest, startCloudWatchStandIn } from "../../src/tools/local-gateway/stand-in/cloudwatch-stand-in";
import { TerraformRefs } from "../../src/tools/local-gateway/terraform-refs";
import { parseEnvLines } from "../clients/parse-env-lines";
import { runLogsInsights, storedLogEvents } from "../support/logs-insights-evaluator";
import { PROJECT_ROOT } from "../support/project";
import { teamsStack, TEST_CREDENTIALS, TEST_REGION } from "./helpers/test-stack";

// Issue 20: a client configured as docs/connecting-tools.md says (the `otel-sdk-env` snippet, the key and the
// attributes filled in) sends metrics and logs through the local gateway; the CloudWatch stand-in decodes them and
// finds every resource attribute Coding Agent Insights reads, as set. The stack is the teams stack the local gateway's
// tests share (teams platform and data-science, each with its own key and log stream).
const KEYS: Record<string, string> = { platform: "key-platform-0123456789", "data-science": "key-data-0123456789" };
const ATTRIBUTES = {
  "user.email": "dev.one+ai@example.com",
  department: "Research & Development, EMEA",
  cost_center: "CC=4711 (100%)",
  organization: "Acme Süd GmbH",
};

// Planned in beforeAll, never while Jest collects the tests.
let stack: ReturnType<typeof teamsStack>;
let refs: TerraformRefs;
const keyIdOf = (team: string) => refs.attribute("aws_api_gateway_api_key", `team_${team}`, "id") as string;

/** The snippet's variables with the key put in for `<API_KEY>`, as the guide says. */
function snippetEnvironment(endpoint: string, team: string, claimedTeam: string): Record<string, string> {
  const snippet = clientSnippets(endpoint, { teamId: claimedTeam, resourceAttributes: ATTRIBUTES })["otel-sdk-env"];
  return Object.fromEntries(parseEnvLines(snippet.split("<API_KEY>").join(KEYS[team])));
}

/** Runs the environment-configured application to completion with the snippet's variables and nothing else of OTel's. */
async function runConfiguredClient(environment: Record<string, string>): Promise<void> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("OTEL_")));
  const client = join(__dirname, "helpers", "env-configured-client.ts");
  await promisify(execFile)(process.execPath, ["-r", "ts-node/register/transpile-only", client], { cwd: PROJECT_ROOT, env: { ...inherited, ...environment } });
}

/** The resource attributes of every resource in a decoded export request, as name → string value. */
function resourceAttributes(decoded: Record<string, unknown>, resourcesKey: "resourceMetrics" | "resourceLogs"): Array<Record<string, unknown>> {
  return (decoded[resourcesKey] as Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> } }>).map((r) =>
    Object.fromEntries(r.resource.attributes.map((a) => [a.key, a.value.stringValue])),
  );
}

describe("a client configured from the OTel SDK snippet, through the local gateway", () => {
  let standIn: CloudWatchStandIn;
  let gateway: LocalGateway;
  const bySignal = (signal: string): RecordedRequest[] => standIn.requests.filter((r) => r.url === `/v1/${signal}`);

  beforeAll(async () => {
    stack = teamsStack();
    refs = new TerraformRefs(stack.doc);
    standIn = await startCloudWatchStandIn({ credentials: TEST_CREDENTIALS, region: TEST_REGION });
    standIn.setAnswer(CLOUDWATCH_SUCCESS);
    gateway = await startLocalGateway({
      stack: stack.doc,
      port: 0,
      apiKeys: Object.entries(KEYS).map(([team, key]) => `${team}=${key}`),
      upstream: standIn.url,
      credentials: TEST_CREDENTIALS,
      log: () => undefined,
    });
    // WHEN the platform team's developer runs a configured client, and a data-science developer runs one claiming platform
    await runConfiguredClient(snippetEnvironment(gateway.endpoint, "platform", "platform"));
    await runConfiguredClient(snippetEnvironment(gateway.endpoint, "data-science", "platform"));
  });

  afterAll(async () => {
    await gateway?.close();
    await standIn?.close();
  });

  test("delivers its metrics and logs as protobuf, signed, to CloudWatch's OTLP endpoints", () => {
    for (const signal of ["metrics", "logs"]) {
      expect(bySignal(signal)).toHaveLength(2);
      for (const request of bySignal(signal)) {
        expect(request.headers["content-type"]).toBe("application/x-protobuf");
        expect(request.signature.problems).toEqual([]);
      }
    }
  });

  test.each([
    ["metrics", "resourceMetrics"],
    ["logs", "resourceLogs"],
  ] as const)("carries in its %s every resource attribute Coding Agent Insights reads, decoded at CloudWatch exactly as set", (signal, key) => {
    const [platform] = bySignal(signal);
    const resources = resourceAttributes(decodeOtlpProtobuf(signal, platform.body), key);
    expect(resources.length).toBeGreaterThan(0);
    const expected: Record<string, string> = { ...ATTRIBUTES, "team.id": "platform" };
    for (const attributes of resources) {
      for (const name of INSIGHTS_ATTRIBUTES) expect({ name, value: attributes[name] }).toEqual({ name, value: expected[name] });
    }
  });

  test("keeps the tool's metric names as it sent them", () => {
    const decoded = decodeOtlpProtobuf("metrics", bySignal("metrics")[0].body) as { resourceMetrics: Array<{ scopeMetrics: Array<{ metrics: Array<{ name: string }> }> }> };
    const names = decoded.resourceMetrics.flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.name)));
    expect(names.sort()).toEqual(["claude_code.cost.usage", "claude_code.token.usage"]);
  });

  test("writes each team's log records to its key's stream, and the claim-mismatch widget flags the one whose claimed team is not its key's", () => {
    // GIVEN the events CloudWatch stores for the two log requests, each in the stream the gateway named
    const events = bySignal("logs").flatMap((r) => storedLogEvents(decodeOtlpProtobuf("logs", r.body), String(r.headers["x-aws-log-stream"])));
    expect(bySignal("logs").map((r) => r.headers["x-aws-log-stream"])).toEqual([keyIdOf("platform"), keyIdOf("data-science")]);
    const teamsByStream = { [keyIdOf("platform")]: "platform", [keyIdOf("data-science")]: "data-science" };
    const widget = teamStreamWidgets(
      { otlpLogGroupName: "otlp-logs", teamExpression: streamTeamExpression(teamsByStream), claimMatchesKey: claimMatchesKeyCondition(teamsByStream) },
      TEST_REGION,
    ).find((w) => w.properties.title === CLAIM_MISMATCH_TITLE);

    // WHEN the widget's query runs over them
    const rows = runLogsInsights(String(widget?.properties.query), events);

    // THEN only the data-science key's record claiming platform is flagged
    expect(rows).toEqual([{ keyTeam: "data-science", claimedTeam: "platform", records: 1 }]);
  });
});
