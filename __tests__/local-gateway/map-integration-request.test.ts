import { makeApiKey } from "../../src/tools/local-gateway/api-keys";
import { mapIntegrationRequest, MethodRequest, SecretMappingError } from "../../src/tools/local-gateway/map-integration-request";

const METHOD: MethodRequest = {
  headers: { "content-type": "application/x-protobuf", "x-api-key": "k", authorization: "Bearer t", "content-encoding": "gzip", accept: "*/*", "user-agent": "OTel" },
  query: new URLSearchParams("team=a"),
  stage: "prod",
  requestId: "req-1",
  apiKey: makeApiKey("k", "team-a"),
};

describe("mapIntegrationRequest", () => {
  test("forwards only mapped headers, plus API Gateway's Accept and User-Agent", () => {
    const mapped = mapIntegrationRequest({ "integration.request.header.Content-Type": "method.request.header.Content-Type" }, METHOD, "abc123defg");
    expect(mapped).toEqual({ headers: { "content-type": "application/x-protobuf", accept: "application/json", "user-agent": "AmazonAPIGateway_abc123defg" }, query: {} });
  });

  test.each([
    ["a static value, without its quotes", "'otlp-logs'", "otlp-logs"],
    ["a static value with spaces", "'a b'", "a b"],
    ["a client header, case-insensitively", "method.request.header.CONTENT-TYPE", "application/x-protobuf"],
    ["a query string parameter", "method.request.querystring.team", "a"],
    ["the API key's id", "context.identity.apiKeyId", makeApiKey("k").id],
    ["the stage", "context.stage", "prod"],
  ])("maps %s", (_case, source, value) => {
    expect(mapIntegrationRequest({ "integration.request.header.x-target": source }, METHOD, "id").headers["x-target"]).toBe(value);
  });

  test.each([
    ["a header the client did not send", "method.request.header.x-missing"],
    ["an unknown source", "stageVariables.nope"],
  ])("leaves out %s", (_case, source) => {
    expect(mapIntegrationRequest({ "integration.request.header.x-target": source }, METHOD, "id").headers).not.toHaveProperty("x-target");
  });

  test("lets a mapped Accept replace API Gateway's default", () => {
    expect(mapIntegrationRequest({ "integration.request.header.Accept": "method.request.header.Accept" }, METHOD, "id").headers.accept).toBe("*/*");
  });

  test("maps integration query string parameters", () => {
    expect(mapIntegrationRequest({ "integration.request.querystring.x": "'1'" }, METHOD, "id").query).toEqual({ x: "1" });
  });
});

describe("context variables as mapping sources", () => {
  test("the key's id comes from API Gateway's context, whatever the client sends as x-aws-log-stream", () => {
    const method = { ...METHOD, headers: { ...METHOD.headers, "x-aws-log-stream": "someone-elses-stream" } };
    const mapped = mapIntegrationRequest({ "integration.request.header.x-aws-log-stream": "context.identity.apiKeyId" }, method, "id");
    expect(mapped.headers["x-aws-log-stream"]).toBe(METHOD.apiKey!.id);
  });

  test("the key's secret value is refused, never sent on", () => {
    expect(() => mapIntegrationRequest({ "integration.request.header.x-aws-log-stream": "context.identity.apiKey" }, METHOD, "id")).toThrow(SecretMappingError);
    expect(() => mapIntegrationRequest({ "integration.request.header.x-aws-log-stream": "context.identity.apiKey" }, METHOD, "id")).toThrow(
      /context\.identity\.apiKey, the API key's secret value.*map context\.identity\.apiKeyId instead/,
    );
  });
});
