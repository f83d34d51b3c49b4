import { LocalGatewayError } from "../../src/tools/local-gateway/local-gateway-error";
import { buildGatewayModel, DEFAULT_INTEGRATION_TIMEOUT_MS, GatewayModel, matchRoute } from "../../src/tools/local-gateway/route-table";
import { TerraformJson } from "../../src/tools/local-gateway/terraform-refs";
import { editedStack, resourceIdOf, resourcesOf, testStack } from "./helpers/test-stack";

describe("buildGatewayModel on the synthesized stack, as terraform plan evaluates it", () => {
  let doc: TerraformJson;
  let model: GatewayModel;
  let api: Record<string, any>;
  beforeAll(() => {
    doc = testStack().doc;
    model = buildGatewayModel(doc);
    [api] = resourcesOf(doc, "aws_api_gateway_rest_api");
  });

  test("reads the REST API's binary media types, key source and compression threshold", () => {
    expect(model.binaryMediaTypes).toEqual(api.binary_media_types);
    expect(model.apiKeySource).toBe(api.api_key_source);
    expect(model.minimumCompressionSize).toBe(Number(api.minimum_compression_size));
  });

  test("serves one route per method, at the full resource path", () => {
    expect(model.routes.map((r) => `${r.httpMethod} ${r.path}`).sort()).toEqual(["POST /v1/logs", "POST /v1/metrics", "POST /v1/traces"]);
    expect(model.stageNames).toEqual(resourcesOf(doc, "aws_api_gateway_stage").map((s) => s.stage_name));
  });

  test.each(["metrics", "traces", "logs"])("joins the %s method with its integration and every response", (signal) => {
    const route = model.routes.find((r) => r.path === `/v1/${signal}`)!;
    expect(route.apiKeyRequired).toBe(true);
    expect(route.integration).toMatchObject({ type: "AWS", httpMethod: "POST", timeoutMs: DEFAULT_INTEGRATION_TIMEOUT_MS });
    expect(route.integration!.uri).toMatch(new RegExp(`:path/v1/${signal}$`));
    const responses = resourcesOf(doc, "aws_api_gateway_integration_response").filter((r) => r.resource_id === resourceIdOf(doc, signal));
    expect(responses.length).toBeGreaterThan(0);
    expect(route.integrationResponses).toHaveLength(responses.length);
    expect(route.methodResponses.size).toBe(responses.length);
    expect(route.integrationResponses.every((r) => /^\d{3}$/.test(r.statusCode))).toBe(true);
  });

  test("resolves the logs route's static headers to the log group and stream names", () => {
    const logs = model.routes.find((r) => r.path === "/v1/logs")!;
    // The OTLP log group, not the access-log group the stack also has.
    const group = resourcesOf(doc, "aws_cloudwatch_log_group").find((g) => g.name === "otlp-logs")!;
    expect(logs.integration!.requestParameters["integration.request.header.x-aws-log-group"]).toBe(`'${group.name}'`);
  });

  test("reads every gateway response the stack configures", () => {
    expect([...model.gatewayResponses.keys()].sort()).toEqual(resourcesOf(doc, "aws_api_gateway_gateway_response").map((r) => r.response_type).sort());
  });

  test("reports nothing it cannot emulate", () => {
    expect(model.warnings).toEqual([]);
  });

  test.each([
    ["POST", "/prod/v1/metrics", "/v1/metrics"],
    ["POST", "/prod/v1/logs", "/v1/logs"],
    ["GET", "/prod/v1/logs", undefined],
    ["POST", "/staging/v1/logs", undefined],
    ["POST", "/prod/v1/logs/extra", undefined],
    ["POST", "/prod", undefined],
  ])("matches %s %s to %s", (method, path, routePath) => {
    expect(matchRoute(model, method, path).route?.path).toBe(routePath);
  });
});

describe("buildGatewayModel on edited stacks", () => {
  test("fails naming the count when the stack has no REST API", () => {
    const { doc } = editedStack((d) => delete (d.resource as Record<string, unknown>).aws_api_gateway_rest_api);
    expect(() => buildGatewayModel(doc)).toThrow(LocalGatewayError);
    expect(() => buildGatewayModel(doc)).toThrow("Expected one aws_api_gateway_rest_api in the stack, found 0");
  });

  test("warns about request templates, which it does not emulate", () => {
    const { doc } = editedStack((d) => {
      for (const i of Object.values(d.resource.aws_api_gateway_integration)) i.request_templates = { "application/json": "$input.body" };
    });
    expect(buildGatewayModel(doc).warnings).toContainEqual(expect.stringContaining("request templates are not emulated"));
  });

  test("matches `{param}` and greedy `{proxy+}` path parts, and ANY methods", () => {
    const { doc } = editedStack((d) => {
      for (const r of Object.values(d.resource.aws_api_gateway_resource)) if (r.path_part === "logs") r.path_part = "{proxy+}";
      for (const m of Object.values(d.resource.aws_api_gateway_method)) m.http_method = "ANY";
    });
    const model = buildGatewayModel(doc);
    expect(matchRoute(model, "PUT", "/prod/v1/a/b").route?.path).toBe("/v1/{proxy+}");
  });
});
