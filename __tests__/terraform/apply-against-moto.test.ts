import {
  APIGatewayClient,
  GetIntegrationCommand,
  GetMethodCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStagesCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
} from "@aws-sdk/client-api-gateway";
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeLogStreamsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { GetRoleCommand, GetRolePolicyCommand, IAMClient } from "@aws-sdk/client-iam";
import { motoClientConfig, MotoServer, motoUnavailableReason, startMoto } from "../support/moto-server";
import { writeMotoOverride } from "../support/moto-terraform";
import { synthesizeApp, SynthesizedStack } from "../support/synth";
import { planDrift, terraformOk } from "../support/terraform-cli";

// terraform apply of a real region stack against moto, then a read-back with the AWS SDK for JavaScript.
// moto ignores binaryMediaTypes, does not enforce API keys and cannot execute the integrations
// (docs/aws-facts.md, "Terraform and CDK for Terraform on these machines"): those are proved by the local gateway tests.
const REGION = "us-west-2";
const skipReason = motoUnavailableReason();
if (skipReason) console.warn(`SKIPPED: terraform apply against moto: ${skipReason}`);
const describeWithMoto = skipReason ? describe.skip : describe;

describeWithMoto("terraform apply of a region stack against moto", () => {
  let moto: MotoServer;
  let stack: SynthesizedStack;
  let outputs: Record<string, { value: any }>;
  let apigateway: APIGatewayClient;
  let restApiId: string;

  beforeAll(async () => {
    // The stage's access logs need the account logging role, whose AWS managed policy moto loads only when asked.
    moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: "true" });
    [stack] = synthesizeApp({ regions: [REGION] });
    writeMotoOverride(stack.dir, moto.endpoint, REGION);
    terraformOk(stack.dir, ["init", "-input=false"]);
    terraformOk(stack.dir, ["apply", "-auto-approve", "-input=false"]);
    outputs = JSON.parse(terraformOk(stack.dir, ["output", "-json"]));
    apigateway = new APIGatewayClient(motoClientConfig(moto.endpoint, REGION));
    const apis = await apigateway.send(new GetRestApisCommand({}));
    expect(apis.items).toHaveLength(1);
    restApiId = apis.items![0].id!;
  }, 600_000);

  afterAll(async () => {
    await moto?.stop();
  });

  async function routes() {
    const { items } = await apigateway.send(new GetResourcesCommand({ restApiId }));
    return items!.filter((r) => /^\/v1\/[a-z]+$/.test(r.path!));
  }

  test("gives a value to every output the stack declares, so cdktf deploy can print them all", () => {
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(stack.json.output).sort());
  });

  test("plans no change right after the apply (a CI drift check passes)", () => {
    expect(planDrift(stack.dir)).toBeUndefined();
  });

  test("creates a regional REST API reading keys from the header", async () => {
    const { items } = await apigateway.send(new GetRestApisCommand({}));
    expect(items![0]).toMatchObject({
      apiKeySource: "HEADER",
      endpointConfiguration: { types: ["REGIONAL"] },
      binaryMediaTypes: ["application/x-protobuf"],
    });
  });

  test("creates the three routes, each POST requiring the API key", async () => {
    const found = await routes();
    expect(found.map((r) => r.path).sort()).toEqual(["/v1/logs", "/v1/metrics", "/v1/traces"]);
    for (const resource of found) {
      const method = await apigateway.send(new GetMethodCommand({ restApiId, resourceId: resource.id!, httpMethod: "POST" }));
      expect(method.apiKeyRequired).toBe(true);
    }
  });

  test("integrates each route with CloudWatch through the role, passing Content-Type and the status mappings", async () => {
    const role = await new IAMClient(motoClientConfig(moto.endpoint, REGION)).send(new GetRoleCommand({ RoleName: `otlp-proxy-${REGION}` }));
    const services: Record<string, string> = { "/v1/metrics": "monitoring", "/v1/traces": "xray", "/v1/logs": "logs" };
    for (const resource of await routes()) {
      const integration = await apigateway.send(new GetIntegrationCommand({ restApiId, resourceId: resource.id!, httpMethod: "POST" }));
      expect(integration).toMatchObject({
        type: "AWS",
        httpMethod: "POST",
        uri: `arn:aws:apigateway:${REGION}:${services[resource.path!]}:path${resource.path}`,
        credentials: role.Role!.Arn,
        passthroughBehavior: "WHEN_NO_MATCH",
      });
      expect(integration.requestParameters!["integration.request.header.Content-Type"]).toBe("method.request.header.Content-Type");
      expect(Object.keys(integration.integrationResponses!).sort()).toEqual(
        ["200", "400", "401", "403", "404", "413", "415", "429", "500", "502", "503", "504"],
      );
      expect(integration.integrationResponses!["500"].selectionPattern ?? "").toBe("");
      expect(integration.integrationResponses!["429"]).toMatchObject({
        selectionPattern: "^(429)$",
        responseParameters: { "method.response.header.Retry-After": "integration.response.header.Retry-After" },
      });
    }
  });

  test("sends the log group and stream as static headers on the logs route", async () => {
    const logs = (await routes()).find((r) => r.path === "/v1/logs")!;
    const integration = await apigateway.send(new GetIntegrationCommand({ restApiId, resourceId: logs.id!, httpMethod: "POST" }));
    expect(integration.requestParameters).toMatchObject({
      "integration.request.header.x-aws-log-group": "'otlp-logs'",
      "integration.request.header.x-aws-log-stream": "'otlp'",
    });
  });

  test("deploys the stage and binds the API key to it through a throttled usage plan", async () => {
    const stages = await apigateway.send(new GetStagesCommand({ restApiId }));
    expect(stages.item!.map((s) => s.stageName)).toEqual(["prod"]);
    const plans = await apigateway.send(new GetUsagePlansCommand({}));
    expect(plans.items).toHaveLength(1);
    expect(plans.items![0]).toMatchObject({ apiStages: [{ apiId: restApiId, stage: "prod" }], throttle: { rateLimit: 100, burstLimit: 200 } });
    const keys = await apigateway.send(new GetUsagePlanKeysCommand({ usagePlanId: plans.items![0].id! }));
    expect(keys.items!.map((k) => k.id)).toEqual([outputs.api_key_id.value]);
  });

  test("gives the role only API Gateway's trust, with no condition, and each signal's actions", async () => {
    const iam = new IAMClient(motoClientConfig(moto.endpoint, REGION));
    const role = await iam.send(new GetRoleCommand({ RoleName: `otlp-proxy-${REGION}` }));
    const trust = JSON.parse(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!));
    expect(trust.Statement).toEqual([{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }]);
    const policy = await iam.send(new GetRolePolicyCommand({ RoleName: role.Role!.RoleName!, PolicyName: "otlp-ingest" }));
    const statements = JSON.parse(decodeURIComponent(policy.PolicyDocument!)).Statement;
    expect(statements.map((s: { Action: string[] }) => s.Action)).toEqual([
      ["cloudwatch:PutMetricData"],
      ["xray:PutTraceSegments", "xray:PutSpans", "xray:PutSpansForIndexing"],
      ["logs:PutLogEvents"],
    ]);
    const logGroupArn = new RegExp(`^arn:aws:logs:${REGION}:\\d{12}:log-group:otlp-logs$`);
    expect(statements[2].Resource).toEqual([expect.stringMatching(logGroupArn), expect.stringMatching(/:log-group:otlp-logs:\*$/)]);
  });

  test("creates the OTLP log group with its retention and the stream", async () => {
    const logs = new CloudWatchLogsClient(motoClientConfig(moto.endpoint, REGION));
    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "otlp-logs" }));
    expect(groups.logGroups).toEqual([expect.objectContaining({ logGroupName: "otlp-logs", retentionInDays: 30 })]);
    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: "otlp-logs" }));
    expect(streams.logStreams!.map((s) => s.logStreamName)).toEqual(["otlp"]);
  });

  test("outputs the endpoint, the route URLs and the key command", () => {
    expect(outputs.otlp_endpoint.value).toMatch(new RegExp(`^https://${restApiId}\\.execute-api\\.${REGION}\\.amazonaws\\.com/prod$`));
    expect(outputs.logs_url.value).toBe(`${outputs.otlp_endpoint.value}/v1/logs`);
    expect(outputs.get_api_key_command.value).toContain(`--api-key ${outputs.api_key_id.value} --include-value --region ${REGION}`);
    expect(outputs.log_group_name.value).toBe("otlp-logs");
    expect(outputs.client_config.value["claude-code-env"]).toContain(`OTEL_EXPORTER_OTLP_ENDPOINT='${outputs.otlp_endpoint.value}'`);
  });

  test("destroys everything it created", async () => {
    terraformOk(stack.dir, ["destroy", "-auto-approve", "-input=false"]);
    expect((await apigateway.send(new GetRestApisCommand({}))).items ?? []).toEqual([]);
    const logs = new CloudWatchLogsClient(motoClientConfig(moto.endpoint, REGION));
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "otlp-logs" }))).logGroups).toEqual([]);
  }, 600_000);
});
