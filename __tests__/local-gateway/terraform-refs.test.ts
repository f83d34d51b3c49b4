import { computedValue, referencedAddress, shortId, TerraformRefError, TerraformRefs } from "../../src/tools/local-gateway/terraform-refs";

const DOC = {
  resource: {
    aws_cloudwatch_log_group: { group: { name: "otlp-logs", retention_in_days: 30 } },
    aws_cloudwatch_log_stream: { stream: { name: "otlp", log_group_name: "${aws_cloudwatch_log_group.group.name}" } },
    aws_api_gateway_rest_api: { api: { name: "otlp-proxy", binary_media_types: ["application/x-protobuf"] } },
    aws_api_gateway_method: { m: { http_method: "POST", rest_api_id: "${aws_api_gateway_rest_api.api.id}" } },
    aws_api_gateway_method_response: { r: { status_code: "429", http_method: "${aws_api_gateway_method.m.http_method}" } },
    aws_api_gateway_stage: { s: { stage_name: "prod" } },
    aws_loop: { a: { x: "${aws_loop.b.x}" }, b: { x: "${aws_loop.a.x}" } },
  },
};

describe("TerraformRefs", () => {
  const refs = new TerraformRefs(DOC);

  test.each([
    ["a configured attribute", "${aws_cloudwatch_log_group.group.name}", "otlp-logs"],
    ["a number attribute, keeping its type", "${aws_cloudwatch_log_group.group.retention_in_days}", 30],
    ["a list attribute", "${aws_api_gateway_rest_api.api.binary_media_types}", ["application/x-protobuf"]],
    ["a reference to a reference", "${aws_cloudwatch_log_stream.stream.log_group_name}", "otlp-logs"],
    ["a method response's status_code", "${aws_api_gateway_method_response.r.status_code}", "429"],
    ["a method's http_method", "${aws_api_gateway_method.m.http_method}", "POST"],
    ["a reference inside a quoted static value", "'${aws_cloudwatch_log_group.group.name}'", "'otlp-logs'"],
    ["two references in one string", "${aws_api_gateway_stage.s.stage_name}/${aws_cloudwatch_log_stream.stream.name}", "prod/otlp"],
    ["text without references", "plain", "plain"],
    ["a computed id, as a stable stand-in", "${aws_api_gateway_rest_api.api.id}", computedValue("aws_api_gateway_rest_api", "api", "id")],
  ])("resolves %s", (_case, expression, expected) => {
    expect(refs.resolve(expression)).toEqual(expected);
  });

  test("resolves references nested in objects and arrays", () => {
    expect(refs.resolve({ a: ["${aws_api_gateway_stage.s.stage_name}"], b: { c: "${aws_cloudwatch_log_group.group.name}" } })).toEqual({ a: ["prod"], b: { c: "otlp-logs" } });
  });

  test.each([
    ["a missing resource", "${aws_cloudwatch_log_group.nope.name}", /not in the stack/],
    ["an attribute that is neither configured nor computed", "${aws_cloudwatch_log_group.group.kms_key_id}", /neither configured nor a known computed one/],
    ["a circular reference", "${aws_loop.a.x}", /Circular reference/],
    ["a Terraform function call", "${sha1(jsonencode([aws_api_gateway_stage.s]))}", /Unsupported Terraform expression/],
  ])("fails for %s", (_case, expression, message) => {
    expect(() => refs.resolve(expression)).toThrow(TerraformRefError);
    expect(() => refs.resolve(expression)).toThrow(message);
  });

  test("gives the same resource's id the same value every time, and different resources different ids", () => {
    expect(refs.resolve("${aws_api_gateway_rest_api.api.id}")).toBe(refs.resolve("${aws_api_gateway_rest_api.api.id}"));
    expect(shortId("a.b")).not.toBe(shortId("a.c"));
    expect(shortId("aws_api_gateway_rest_api.api")).toMatch(/^[a-z0-9]{10}$/);
  });

  test.each([
    ["${aws_api_gateway_method.m.http_method}", "aws_api_gateway_method.m"],
    ["'${aws_api_gateway_method.m.http_method}'", undefined],
    [42, undefined],
  ])("names the address %p refers to", (value, address) => {
    expect(referencedAddress(value)).toBe(address);
  });
});
