import { DEFAULT_GATEWAY_RESPONSES, GatewayResponseType, renderGatewayResponse } from "../../src/tools/local-gateway/local-gateway-responses";
import { buildGatewayModel, GatewayResponseConfig } from "../../src/tools/local-gateway/route-table";
import { resourcesOf, testStack } from "./helpers/test-stack";

const CONTEXT = { requestHeaders: { "x-trace": "t-1" }, requestId: "req-1", stage: "prod" };
const render = (type: GatewayResponseType, configured: Record<string, GatewayResponseConfig>) =>
  renderGatewayResponse(type, new Map(Object.entries(configured)), CONTEXT);
const body = (answer: { body: Buffer }) => JSON.parse(answer.body.toString()) as unknown;

describe("renderGatewayResponse", () => {
  test.each([
    ["MISSING_AUTHENTICATION_TOKEN", 403, "Missing Authentication Token"],
    ["INVALID_API_KEY", 403, "Forbidden"],
    ["REQUEST_TOO_LARGE", 413, "Request Too Long"],
    ["UNSUPPORTED_MEDIA_TYPE", 415, "Unsupported Media Type"],
    ["INTEGRATION_TIMEOUT", 504, "Endpoint request timed out"],
    ["API_CONFIGURATION_ERROR", 500, "Internal server error"],
  ] as Array<[GatewayResponseType, number, string]>)("answers %s by default with %s and API Gateway's message", (type, status, message) => {
    const answer = render(type, {});
    expect(answer.status).toBe(status);
    expect(body(answer)).toEqual({ message });
    expect(answer.headers["content-type"]).toBe("application/json");
  });

  test("uses a configured response's status, template and static and request-mapped headers", () => {
    const answer = render("INVALID_API_KEY", {
      INVALID_API_KEY: {
        statusCode: "401",
        templates: { "application/json": '{"error":$context.error.messageString,"type":"$context.error.responseType","id":"$context.requestId"}' },
        responseParameters: { "gatewayresponse.header.Retry-After": "'1'", "gatewayresponse.header.X-Trace": "method.request.header.x-trace" },
      },
    });
    expect(answer.status).toBe(401);
    expect(body(answer)).toEqual({ error: "Forbidden", type: "INVALID_API_KEY", id: "req-1" });
    expect(answer.headers).toMatchObject({ "Retry-After": "1", "X-Trace": "t-1" });
  });

  test("inherits a configured DEFAULT_4XX for a 4xx type left at its default", () => {
    const answer = render("UNSUPPORTED_MEDIA_TYPE", { DEFAULT_4XX: { statusCode: "400", templates: { "application/json": '{"m":$context.error.messageString}' }, responseParameters: {} } });
    expect(answer.status).toBe(400);
    expect(body(answer)).toEqual({ m: "Unsupported Media Type" });
  });

  test("keeps its own default status when DEFAULT_5XX only changes the template", () => {
    const answer = render("INTEGRATION_TIMEOUT", { DEFAULT_5XX: { templates: { "application/json": '{"x":1}' }, responseParameters: {} } });
    expect(answer.status).toBe(DEFAULT_GATEWAY_RESPONSES.INTEGRATION_TIMEOUT.status);
    expect(body(answer)).toEqual({ x: 1 });
  });

  test("renders each of the stack's gateway responses exactly as configured", () => {
    const { doc } = testStack();
    const model = buildGatewayModel(doc);
    const resources = resourcesOf(doc, "aws_api_gateway_gateway_response");
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) {
      const answer = renderGatewayResponse(resource.response_type as GatewayResponseType, model.gatewayResponses, CONTEXT);
      expect({ type: resource.response_type, status: answer.status }).toEqual({ type: resource.response_type, status: Number(resource.status_code) });
      expect(answer.body.toString()).toBe((resource.response_templates as Record<string, string>)["application/json"]);
      for (const [param, value] of Object.entries((resource.response_parameters as Record<string, string> | undefined) ?? {})) {
        expect(answer.headers[param.replace("gatewayresponse.header.", "")]).toBe(value.slice(1, -1));
      }
    }
  });
});
