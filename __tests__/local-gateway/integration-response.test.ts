import { mapResponseHeaders, selectIntegrationResponse } from "../../src/tools/local-gateway/integration-response";
import { IntegrationResponseSpec } from "../../src/tools/local-gateway/route-table";

const spec = (statusCode: string, selectionPattern?: string): IntegrationResponseSpec => ({ statusCode, selectionPattern, contentHandling: undefined, responseParameters: {} });

describe("selectIntegrationResponse", () => {
  test.each([
    ["the matching pattern", [spec("200", "2\\d{2}"), spec("500")], 204, "200"],
    ["the default when no pattern matches", [spec("200", "2\\d{2}"), spec("500")], 404, "500"],
    ["a full match only (no prefix match)", [spec("400", "4"), spec("500")], 404, "500"],
    ["the first of two matching patterns", [spec("400", "4\\d\\d"), spec("404", "404"), spec("500")], 404, "400"],
  ])("picks %s", (_case, responses, status, expected) => {
    expect(selectIntegrationResponse(responses, status)?.statusCode).toBe(expected);
  });

  test("picks nothing when nothing matches and there is no default", () => {
    expect(selectIntegrationResponse([spec("200", "200")], 500)).toBeUndefined();
  });

  test("ignores an invalid pattern instead of failing the request", () => {
    expect(selectIntegrationResponse([spec("200", "(("), spec("500")], 200)?.statusCode).toBe("500");
  });
});

describe("mapResponseHeaders", () => {
  test.each([
    ["a back-end header", { "method.response.header.Retry-After": "integration.response.header.Retry-After" }, { "retry-after": "5" }, { "Retry-After": "5" }],
    ["nothing for a header the back end did not send", { "method.response.header.Retry-After": "integration.response.header.Retry-After" }, {}, {}],
    ["a static value", { "method.response.header.X-Static": "'yes'" }, {}, { "X-Static": "yes" }],
    ["no unmapped back-end header", {}, { "retry-after": "5", "x-amzn-requestid": "r" }, {}],
  ])("maps %s", (_case, parameters, backend, expected) => {
    expect(mapResponseHeaders(parameters, backend)).toEqual(expected);
  });
});
