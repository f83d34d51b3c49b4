import { Testing } from "../../src/cdktf";
import { OtlpProxy, OtlpProxyProps } from "../../src/proxy/otlp-proxy";
import { STATUS_MAPPINGS } from "../../src/proxy/status-mapping";
import { resourcesOfType, TerraformJson } from "../support/synth";

function synthProxy(props: Partial<OtlpProxyProps> = {}): TerraformJson {
  return JSON.parse(Testing.synthScope((scope) => new OtlpProxy(scope, "otlp-proxy", { region: "us-west-2", ...props })));
}

function only(json: TerraformJson, type: string): Record<string, any> {
  const resources = resourcesOfType(json, type);
  expect(resources).toHaveLength(1);
  return resources[0];
}

const ref = (type: string, json: TerraformJson, attribute: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{${type}\\.(${Object.keys(json.resource[type]).join("|")})\\.${attribute}\\}$`));

describe("OtlpProxy", () => {
  const json = synthProxy();

  test("creates a regional REST API that reads API keys from the header and passes protobuf as binary", () => {
    // GIVEN default props / WHEN synthesized / THEN
    expect(only(json, "aws_api_gateway_rest_api")).toMatchObject({
      endpoint_configuration: { types: ["REGIONAL"] },
      api_key_source: "HEADER",
      binary_media_types: ["application/x-protobuf"],
    });
  });

  test("decompresses request bodies of every size, so no gzip body reaches CloudWatch still compressed", () => {
    expect(only(json, "aws_api_gateway_rest_api").minimum_compression_size).toBe("0");
  });

  test("keeps JSON out of the binary media types so JSON bodies stay text", () => {
    expect(only(json, "aws_api_gateway_rest_api").binary_media_types).not.toContain("application/json");
    expect(only(json, "aws_api_gateway_rest_api").binary_media_types).not.toContain("*/*");
  });

  test("creates POST /v1/metrics, /v1/traces and /v1/logs, each requiring the API key", () => {
    const paths = resourcesOfType(json, "aws_api_gateway_resource").map((r) => r.path_part);
    expect(paths.sort()).toEqual(["logs", "metrics", "traces", "v1"]);
    const methods = resourcesOfType(json, "aws_api_gateway_method");
    expect(methods).toHaveLength(3);
    for (const method of methods) {
      expect(method).toMatchObject({ http_method: "POST", authorization: "NONE", api_key_required: true });
    }
  });

  test.each([
    ["metrics", "monitoring"],
    ["traces", "xray"],
    ["logs", "logs"],
  ])("signs /v1/%s for the %s service in the stack's region with the integration role", (signal, service) => {
    const integration = resourcesOfType(json, "aws_api_gateway_integration").find((i) => i.uri.endsWith(`/v1/${signal}`));
    expect(integration).toMatchObject({
      type: "AWS",
      integration_http_method: "POST",
      uri: `arn:aws:apigateway:us-west-2:${service}:path/v1/${signal}`,
      credentials: ref("aws_iam_role", json, "arn"),
      passthrough_behavior: "WHEN_NO_MATCH",
    });
    expect(integration!.request_templates).toBeUndefined();
    expect(integration!.content_handling).toBeUndefined();
    expect(integration!.request_parameters["integration.request.header.Content-Type"]).toBe("method.request.header.Content-Type");
  });

  test("declares the Content-Type header it maps on every method", () => {
    for (const method of resourcesOfType(json, "aws_api_gateway_method")) {
      expect(method.request_parameters).toEqual({ "method.request.header.Content-Type": false });
    }
  });

  test("sends the log group and stream as static headers on the logs route only", () => {
    const integrations = resourcesOfType(json, "aws_api_gateway_integration");
    const logs = integrations.find((i) => i.uri.endsWith("/v1/logs"))!;
    const others = integrations.filter((i) => i !== logs);
    expect(logs.request_parameters).toEqual({
      "integration.request.header.Content-Type": "method.request.header.Content-Type",
      "integration.request.header.x-aws-log-group": expect.stringMatching(/^'\$\{aws_cloudwatch_log_group\..+\.name\}'$/),
      "integration.request.header.x-aws-log-stream": expect.stringMatching(/^'\$\{aws_cloudwatch_log_stream\..+\.name\}'$/),
    });
    for (const other of others) expect(Object.keys(other.request_parameters)).toEqual(["integration.request.header.Content-Type"]);
  });

  test("never forwards Content-Encoding or the client's Accept", () => {
    for (const integration of resourcesOfType(json, "aws_api_gateway_integration")) {
      const mapped = Object.keys(integration.request_parameters).map((k) => k.toLowerCase());
      expect(mapped).not.toContain("integration.request.header.content-encoding");
      expect(mapped).not.toContain("integration.request.header.accept");
    }
  });

  test("gives every route a method response and an integration response for every status mapping", () => {
    const expected = STATUS_MAPPINGS.map((m) => m.statusCode).sort();
    for (const method of ["metrics", "traces", "logs"]) {
      const forRoute = (type: string) =>
        Object.entries(json.resource[type])
          .filter(([name]) => name.startsWith(`otlp-proxy_${method}_`))
          .map(([, r]) => r);
      expect(forRoute("aws_api_gateway_method_response").map((r) => r.status_code).sort()).toEqual(expected);
      expect(forRoute("aws_api_gateway_integration_response")).toHaveLength(expected.length);
    }
  });

  test("converts every integration response to text, so no Accept value can make a 500 of CloudWatch's answer", () => {
    for (const response of resourcesOfType(json, "aws_api_gateway_integration_response")) {
      expect(response.content_handling).toBe("CONVERT_TO_TEXT");
    }
  });

  test("copies Retry-After from CloudWatch to the client on 429 and 503", () => {
    const withRetryAfter = resourcesOfType(json, "aws_api_gateway_integration_response").filter(
      (r) => r.response_parameters?.["method.response.header.Retry-After"] === "integration.response.header.Retry-After",
    );
    expect(withRetryAfter.map((r) => r.selection_pattern).sort()).toEqual([
      "^(429)$", "^(429)$", "^(429)$", "^(503)$", "^(503)$", "^(503)$",
    ]);
    const declared = resourcesOfType(json, "aws_api_gateway_method_response").filter(
      (r) => r.response_parameters?.["method.response.header.Retry-After"] === false,
    );
    expect(declared.map((r) => r.status_code).sort()).toEqual(["429", "429", "429", "503", "503", "503"]);
  });

  test.each<[string, string, string]>([
    ["INVALID_API_KEY", "403", "x-api-key header"],
    ["MISSING_AUTHENTICATION_TOKEN", "404", "POST /prod/v1/metrics, POST /prod/v1/traces, POST /prod/v1/logs"],
    ["THROTTLED", "429", "rate limit"],
    ["QUOTA_EXCEEDED", "429", "quota"],
    ["REQUEST_TOO_LARGE", "413", "10 MB"],
    ["UNSUPPORTED_MEDIA_TYPE", "415", "Content-Encoding"],
  ])("answers API Gateway's own %s with %s and a readable JSON message", (type, status, text) => {
    const response = resourcesOfType(json, "aws_api_gateway_gateway_response").find((r) => r.response_type === type);
    expect(response).toMatchObject({ status_code: status });
    expect(JSON.parse(response!.response_templates["application/json"]).message).toContain(text);
  });

  test("tells throttled clients when to retry", () => {
    const throttled = resourcesOfType(json, "aws_api_gateway_gateway_response").find((r) => r.response_type === "THROTTLED");
    expect(throttled!.response_parameters).toEqual({ "gatewayresponse.header.Retry-After": "'1'" });
  });

  test("redeploys whenever any route, integration or response changes", () => {
    const deployment = only(json, "aws_api_gateway_deployment");
    expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
    const trigger: string = deployment.triggers.redeployment;
    for (const type of [
      "aws_api_gateway_resource",
      "aws_api_gateway_method",
      "aws_api_gateway_integration",
      "aws_api_gateway_method_response",
      "aws_api_gateway_integration_response",
      "aws_api_gateway_gateway_response",
    ]) {
      for (const name of Object.keys(json.resource[type])) expect(trigger).toContain(`"${type}.${name}" = {`);
    }
    expect(trigger).toMatch(/^\$\{sha1\(jsonencode\(\{.+\}\)\)\}$/);
  });

  test("hashes what the configuration decides, never whole resource objects that the provider reads back changed", () => {
    const trigger: string = only(json, "aws_api_gateway_deployment").triggers.redeployment;
    // A reference to a whole resource, with no attribute, is what made the first plan after every apply replace the deployment.
    expect(trigger).not.toMatch(/\(aws_[a-z0-9_]+\.[A-Za-z0-9_-]+\)/);
    for (const response of resourcesOfType(json, "aws_api_gateway_integration_response")) {
      if (response.selection_pattern) expect(trigger).toContain(`"selection_pattern" = ${JSON.stringify(response.selection_pattern)}`);
    }
    expect(trigger).toContain(`"binary_media_types" = ["application/x-protobuf"]`);
  });

  test("creates the stage from the stage name on the deployment", () => {
    expect(only(synthProxy({ stageName: "otlp" }), "aws_api_gateway_stage")).toMatchObject({
      stage_name: "otlp",
      deployment_id: ref("aws_api_gateway_deployment", json, "id"),
    });
  });

  test("binds one API key to the stage through a usage plan with the throttle", () => {
    const plan = only(synthProxy({ throttle: { rateLimit: 7, burstLimit: 9 } }), "aws_api_gateway_usage_plan");
    expect(plan.throttle_settings).toEqual({ rate_limit: 7, burst_limit: 9 });
    expect(plan.api_stages).toEqual([
      { api_id: ref("aws_api_gateway_rest_api", json, "id"), stage: ref("aws_api_gateway_stage", json, "stage_name") },
    ]);
    expect(only(json, "aws_api_gateway_api_key")).toMatchObject({ name: "otlp-proxy-default-us-west-2", enabled: true });
    expect(only(json, "aws_api_gateway_usage_plan_key")).toMatchObject({
      key_type: "API_KEY",
      key_id: ref("aws_api_gateway_api_key", json, "id"),
      usage_plan_id: ref("aws_api_gateway_usage_plan", json, "id"),
    });
  });

  test("creates the OTLP log group with its retention and the log stream in it", () => {
    const custom = synthProxy({ logGroupName: "ai/otlp", logStreamName: "clients", logRetentionDays: 90 });
    const group = Object.entries(custom.resource.aws_cloudwatch_log_group).find(([name]) => name.includes("log-destination"))!;
    expect(group[1]).toMatchObject({ name: "ai/otlp", retention_in_days: 90 });
    expect(only(custom, "aws_cloudwatch_log_stream")).toMatchObject({
      name: "clients",
      log_group_name: `\${aws_cloudwatch_log_group.${group[0]}.name}`,
    });
  });

  test("names the integration role after the region, since IAM names are global", () => {
    expect(resourcesOfType(json, "aws_iam_role").map((role) => role.name).sort()).toEqual(["otlp-proxy-apigw-logs-us-west-2", "otlp-proxy-us-west-2"]);
  });

  describe("with only some signals", () => {
    const partial = synthProxy({ signals: ["traces", "logs"] });

    test("creates only their routes", () => {
      expect(resourcesOfType(partial, "aws_api_gateway_integration").map((i) => i.uri).sort()).toEqual([
        "arn:aws:apigateway:us-west-2:logs:path/v1/logs",
        "arn:aws:apigateway:us-west-2:xray:path/v1/traces",
      ]);
    });

    test("grants only their actions", () => {
      const policy = JSON.parse(only(partial, "aws_iam_role_policy").policy);
      expect(policy.Statement.map((s: any) => s.Action)).toEqual([["xray:PutTraceSegments", "xray:PutSpans", "xray:PutSpansForIndexing"], ["logs:PutLogEvents"]]);
    });

    test("lists only their routes in the not-found message", () => {
      const notFound = resourcesOfType(partial, "aws_api_gateway_gateway_response").find(
        (r) => r.response_type === "MISSING_AUTHENTICATION_TOKEN",
      );
      expect(JSON.parse(notFound!.response_templates["application/json"]).message).toBe(
        "Not found: this OTLP proxy serves only POST /prod/v1/traces, POST /prod/v1/logs.",
      );
    });
  });

  test("never creates a provider or a backend", () => {
    expect(json.provider).toBeUndefined();
    expect(json.terraform?.backend).toBeUndefined();
  });

  test("keeps the Terraform addresses of its main resources, which are state keys", () => {
    const addresses = (type: string) => Object.keys(json.resource[type]);
    expect(addresses("aws_api_gateway_rest_api")).toEqual(["otlp-proxy_api_9E0FE713"]);
    expect(addresses("aws_api_gateway_stage")).toEqual(["otlp-proxy_stage_A0ADDE30"]);
    expect(addresses("aws_api_gateway_api_key")).toEqual(["otlp-proxy_access-default_key_3524D1EC"]);
    expect(addresses("aws_cloudwatch_log_group")).toContain("otlp-proxy_log-destination_group_7931C198");
    expect(addresses("aws_iam_role")).toContain("otlp-proxy_integration-role_5F0CDC4C");
  });
});
