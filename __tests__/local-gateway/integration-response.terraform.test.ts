import { mapResponseHeaders, selectIntegrationResponse } from "../../src/tools/local-gateway/integration-response";
import { buildGatewayModel, IntegrationResponseSpec } from "../../src/tools/local-gateway/route-table";
import { testStack } from "./helpers/test-stack";

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

  describe("with the synthesized stack's responses", () => {
    const route = buildGatewayModel(testStack().doc).routes.find((r) => r.path === "/v1/metrics")!;
    const passedAsIs = [400, 401, 403, 404, 413, 415, 429, 500, 502, 503, 504];
    const expected = (status: number): string => {
      if (status >= 200 && status <= 299) return "200";
      if (passedAsIs.includes(status)) return String(status);
      if (status >= 400 && status <= 499) return "400";
      return "500";
    };

    test("maps every status from 100 to 599 so status codes never lie: 2xx → 200, listed codes as is, other 4xx → 400, the rest → 500", () => {
      const statuses = Array.from({ length: 500 }, (_, i) => 100 + i);
      const actual = statuses.map((status) => [status, selectIntegrationResponse(route.integrationResponses, status)?.statusCode]);
      expect(actual).toEqual(statuses.map((status) => [status, expected(status)]));
    });

    test("never lets two patterns match one status", () => {
      for (let status = 100; status < 600; status++) {
        const matching = route.integrationResponses.filter((r) => r.selectionPattern && new RegExp(`^(?:${r.selectionPattern})$`).test(String(status)));
        expect(matching.length).toBeLessThanOrEqual(1);
      }
    });
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
