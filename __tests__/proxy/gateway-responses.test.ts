import { gatewayResponseBody, gatewayResponseSpecs } from "../../src/infra/proxy/gateway-responses";

describe("gatewayResponseSpecs", () => {
  const specs = gatewayResponseSpecs("POST /prod/v1/metrics, POST /prod/v1/traces, POST /prod/v1/logs");

  test("customises each rejection API Gateway makes itself, once", () => {
    expect(specs.map((s) => s.responseType)).toEqual([
      "INVALID_API_KEY",
      "MISSING_AUTHENTICATION_TOKEN",
      "THROTTLED",
      "QUOTA_EXCEEDED",
      "REQUEST_TOO_LARGE",
      "UNSUPPORTED_MEDIA_TYPE",
      "INTEGRATION_TIMEOUT",
    ]);
  });

  test("answers an unknown path or method with an honest 404 instead of API Gateway's 403", () => {
    expect(specs.find((s) => s.responseType === "MISSING_AUTHENTICATION_TOKEN")!.statusCode).toBe("404");
  });

  test("lists the routes it is given in the not-found answer", () => {
    const [, notFound] = gatewayResponseSpecs("POST /otlp/v1/logs");
    expect(notFound.message).toBe("Not found: this OTLP proxy serves only POST /otlp/v1/logs.");
  });
});

describe("gatewayResponseBody", () => {
  test("is a JSON object with the message", () => {
    expect(JSON.parse(gatewayResponseBody('say "hi"'))).toEqual({ message: 'say "hi"' });
  });
});
