import { apiGatewayTrustPolicy, integrationPolicyStatements } from "../../src/infra/proxy/integration-policy";

const LOG_GROUP_ARN = "arn:aws:logs:us-west-2:123456789012:log-group:otlp-logs";

describe("integrationPolicyStatements", () => {
  test("allows exactly the CloudWatch actions of each signal, one statement per signal", () => {
    expect(integrationPolicyStatements(["metrics", "traces", "logs"], LOG_GROUP_ARN).map((s) => s.Action)).toEqual([
      ["cloudwatch:PutMetricData"],
      ["xray:PutTraceSegments", "xray:PutSpans", "xray:PutSpansForIndexing"],
      ["logs:PutLogEvents"],
    ]);
  });

  test("grants all three X-Ray actions for traces, since AWS's pages disagree on which one the endpoint checks", () => {
    const [traces] = integrationPolicyStatements(["traces"], LOG_GROUP_ARN);
    expect(traces.Action).toEqual(expect.arrayContaining(["xray:PutTraceSegments", "xray:PutSpans", "xray:PutSpansForIndexing"]));
    expect(traces.Resource).toBe("*");
  });

  test("scopes log writes to the one OTLP log group, named as the group and as its streams", () => {
    const [logs] = integrationPolicyStatements(["logs"], LOG_GROUP_ARN);
    expect(logs).toEqual({ Sid: "OtlpLogs", Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: [LOG_GROUP_ARN, `${LOG_GROUP_ARN}:*`] });
  });

  test("leaves out the actions of signals without a route", () => {
    expect(integrationPolicyStatements(["metrics"], LOG_GROUP_ARN).flatMap((s) => s.Action)).toEqual(["cloudwatch:PutMetricData"]);
  });
});

describe("apiGatewayTrustPolicy", () => {
  test("lets only API Gateway assume the role", () => {
    expect(apiGatewayTrustPolicy()).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
  });

  test("has no aws:SourceAccount or aws:SourceArn condition, which API Gateway cannot satisfy", () => {
    expect(JSON.stringify(apiGatewayTrustPolicy())).not.toMatch(/Condition|SourceAccount|SourceArn/);
  });
});
