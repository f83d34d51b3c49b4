import { resourcesOfType, synthesizeApp } from "../support/synth";

describe("RegionStack", () => {
  const stacks = synthesizeApp({ regions: ["us-east-1", "eu-west-1"], tags: { team: "platform" } });

  test("is named otlp-proxy-<region>, one per configured region", () => {
    expect(stacks.map((s) => s.name)).toEqual(["otlp-proxy-us-east-1", "otlp-proxy-eu-west-1"]);
  });

  test.each(stacks.map((s) => [s.name, s] as const))("%s owns the AWS provider for its region with the tags", (_n, stack) => {
    expect(stack.json.provider.aws).toEqual([{ region: stack.region, default_tags: [{ tags: { team: "platform" } }] }]);
  });

  test("pins the AWS provider that the offline mirror and the bindings share", () => {
    expect(stacks[0].json.terraform.required_providers.aws).toEqual({ source: "aws", version: "5.100.0" });
  });

  test("keeps local state beside the project with a relative path", () => {
    expect(stacks[0].json.terraform.backend).toEqual({ local: { path: "../../../terraform.otlp-proxy-us-east-1.tfstate" } });
  });

  test("sets no default tags when there are none", () => {
    const [stack] = synthesizeApp({ regions: ["us-east-1"] });
    expect(stack.json.provider.aws).toEqual([{ region: "us-east-1" }]);
  });

  test("signs each region's integrations for that region", () => {
    for (const stack of stacks) {
      for (const integration of resourcesOfType(stack.json, "aws_api_gateway_integration")) {
        expect(integration.uri).toMatch(new RegExp(`^arn:aws:apigateway:${stack.region}:`));
      }
    }
  });

  describe("outputs", () => {
    const { output } = stacks[1].json;
    const stage = Object.keys(stacks[1].json.resource.aws_api_gateway_stage)[0];
    const key = Object.keys(stacks[1].json.resource.aws_api_gateway_api_key)[0];

    test("gives the stage's invoke URL as the base endpoint, and each route's full URL", () => {
      expect(output.otlp_endpoint.value).toBe(`\${aws_api_gateway_stage.${stage}.invoke_url}`);
      for (const signal of ["metrics", "traces", "logs"]) {
        expect(output[`${signal}_url`].value).toBe(`\${aws_api_gateway_stage.${stage}.invoke_url}/v1/${signal}`);
      }
    });

    test("gives the key's id and a ready command for its value, never the value itself", () => {
      expect(output.api_key_id.value).toBe(`\${aws_api_gateway_api_key.${key}.id}`);
      expect(output.get_api_key_command.value).toBe(
        `aws apigateway get-api-key --api-key \${aws_api_gateway_api_key.${key}.id} --include-value --region eu-west-1 --query value --output text`,
      );
      for (const { value } of Object.values(output)) expect(JSON.stringify(value)).not.toMatch(/\.value\}/);
    });

    test("names the OTLP log group", () => {
      expect(output.log_group_name.value).toMatch(/^\$\{aws_cloudwatch_log_group\..+\.name\}$/);
    });

    test("gives every tool's settings built on the stack's endpoint, with the key as a placeholder", () => {
      const snippets = output.client_config.value as unknown as Record<string, string>;
      expect(Object.keys(snippets)).toEqual(expect.arrayContaining(["claude-code-env", "codex-config", "otel-sdk-env"]));
      expect(snippets["claude-code-env"]).toContain(`OTEL_EXPORTER_OTLP_ENDPOINT='\${aws_api_gateway_stage.${stage}.invoke_url}'`);
      expect(snippets["codex-config"]).toContain(`\${aws_api_gateway_stage.${stage}.invoke_url}/v1/traces`);
      for (const snippet of Object.values(snippets)) expect(snippet).not.toMatch(/get-api-key|\.value\}/);
    });

    test("describes every output", () => {
      for (const { description } of Object.values(output)) expect(description.length).toBeGreaterThan(20);
    });

    test("leaves out the URL of a route that does not exist", () => {
      const [stack] = synthesizeApp({ regions: ["us-east-1"], signals: ["logs"] });
      // Only the route URLs: other features add outputs of their own.
      expect(Object.keys(stack.json.output).filter((name) => /^(metrics|traces|logs)_url$/.test(name))).toEqual(["logs_url"]);
      expect(Object.keys(stack.json.output)).toEqual(expect.arrayContaining(["api_key_id", "get_api_key_command", "log_group_name", "otlp_endpoint"]));
    });
  });
});
