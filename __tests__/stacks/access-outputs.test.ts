import { synthesizeApp } from "../support/synth";

const CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";

describe("team and custom-domain outputs", () => {
  const [stack] = synthesizeApp({ regions: ["eu-west-1"], teams: [{ name: "platform" }, { name: "ops", enabled: false }] });
  const keyRef = (team: string) => `\${aws_api_gateway_api_key.${Object.keys(stack.json.resource.aws_api_gateway_api_key).find((n) => n.includes(`access-${team}_`))}.id}`;

  test("maps each team to its key id and to the command that prints its value, never the value", () => {
    expect(stack.json.output.api_key_ids.value).toEqual({ platform: keyRef("platform"), ops: keyRef("ops") });
    expect(stack.json.output.get_api_key_commands.value).toEqual({
      platform: `aws apigateway get-api-key --api-key ${keyRef("platform")} --include-value --region eu-west-1 --query value --output text`,
      ops: `aws apigateway get-api-key --api-key ${keyRef("ops")} --include-value --region eu-west-1 --query value --output text`,
    });
    expect(JSON.stringify(stack.json.output)).not.toMatch(/api_key\.[^}]+\.value\}/);
  });

  test("keeps api_key_id and get_api_key_command for the first team", () => {
    expect(stack.json.output.api_key_id.value).toBe(keyRef("platform"));
    expect(stack.json.output.get_api_key_command.value).toContain(`--api-key ${keyRef("platform")} `);
  });

  test("names the access-log group", () => {
    expect(stack.json.output.access_log_group_name.value).toMatch(/^\$\{aws_cloudwatch_log_group\.otlp-proxy_access-log-group_[0-9A-F]{8}\.name\}$/);
  });

  test("gives the custom domain and base path as the endpoint, with the regional target and the execute-api URL beside it", () => {
    const [withDomain] = synthesizeApp({ regions: ["eu-west-1"], domainName: "otlp.example.com", certificateArn: CERT, basePath: "v" });
    const { output } = withDomain.json;
    expect(output.otlp_endpoint.value).toBe("https://otlp.example.com/v");
    expect(output.traces_url.value).toBe("https://otlp.example.com/v/v1/traces");
    expect(output.custom_domain_target.value).toMatch(/^\$\{aws_api_gateway_domain_name\..+\.regional_domain_name\}$/);
    expect(output.execute_api_endpoint.value).toMatch(/^\$\{aws_api_gateway_stage\..+\.invoke_url\}$/);
  });

  test("gives the stage's invoke URL as the endpoint without a custom domain", () => {
    expect(stack.json.output.otlp_endpoint.value).toMatch(/^\$\{aws_api_gateway_stage\..+\.invoke_url\}$/);
    expect(stack.json.output.custom_domain_target).toBeUndefined();
  });
});
