import { committedModule, evaluateExpression, localsReadBy } from "../support/plan-module";
import { modulePlansFor } from "../support/shared-module-plan";
import CALLS, { CERT, TEAMS } from "./module-outputs.module-calls";

// The module's outputs, which every region stack forwards under the same names. What the plan knows is read from it;
// values holding ids known only after apply are the module's own output expressions evaluated with those ids filled in.
const { main, outputs } = committedModule();
const output = (name: string): string => outputs.output[name].value;
const INVOKE_URL = "https://abc123.execute-api.eu-west-1.amazonaws.com/prod";

/** An output of the module for these inputs, with the API keys' ids and the stage's invoke URL filled in. */
function evaluatedOutput(name: string, inputs: Record<string, unknown>): any {
  const teams = (inputs.teams as { name: string }[] | undefined) ?? [{ name: "default" }];
  return evaluateExpression(output(name), {
    vars: inputs,
    moduleVariables: true,
    locals: localsReadBy(output(name), main.locals),
    standIns: {
      "data.aws_region.current.name": "eu-west-1",
      "aws_api_gateway_api_key.team": Object.fromEntries(teams.map((t) => [t.name, { id: `id-${t.name}` }])),
      "aws_api_gateway_stage.api_stage.invoke_url": INVOKE_URL,
    },
  });
}

const plan = modulePlansFor(CALLS);

describe("the module's outputs", () => {
  test("map each team to its key id and to the command that prints its value, never the value", () => {
    expect(plan.teams.outputs.api_key_ids.unknown).toEqual({ platform: true, ops: true });
    expect(plan.teams.outputs.get_api_key_commands.unknown).toEqual({ platform: true, ops: true });
    expect(evaluatedOutput("api_key_ids", { teams: TEAMS })).toEqual({ platform: "id-platform", ops: "id-ops" });
    expect(evaluatedOutput("get_api_key_commands", { teams: TEAMS })).toEqual({
      platform: "aws apigateway get-api-key --api-key id-platform --include-value --region eu-west-1 --query value --output text",
      ops: "aws apigateway get-api-key --api-key id-ops --include-value --region eu-west-1 --query value --output text",
    });
    expect(JSON.stringify(outputs.output)).not.toMatch(/\.value\b(?! --output)/);
    expect(JSON.stringify(outputs.output)).not.toMatch(/aws_api_gateway_api_key\.[^}]*\.value/);
  });

  test("keep api_key_id and get_api_key_command for the first team", () => {
    expect(evaluatedOutput("api_key_id", { teams: TEAMS })).toBe("id-platform");
    expect(evaluatedOutput("get_api_key_command", { teams: TEAMS })).toContain("--api-key id-platform ");
  });

  test("name the OTLP log group and the access-log group", () => {
    expect(plan.teams.outputs.log_group_name.value).toBe("otlp-logs");
    expect(plan.teams.outputs.access_log_group_name.value).toBe("otlp-proxy-access");
  });

  test("give the custom domain and base path as the endpoint, with the regional target and the execute-api URL beside it", () => {
    const { outputs: o } = plan.domain;
    expect(o.otlp_endpoint.value).toBe("https://otlp.example.com/v");
    expect(o.traces_url.value).toBe("https://otlp.example.com/v/v1/traces");
    expect(o.custom_domain_target.unknown).toBe(true);
    expect(output("custom_domain_target")).toBe("${one(aws_api_gateway_domain_name.custom_domain[*].regional_domain_name)}");
    expect(o.execute_api_endpoint.unknown).toBe(true);
    expect(evaluatedOutput("execute_api_endpoint", { domain_name: "otlp.example.com", certificate_arn: CERT })).toBe(INVOKE_URL);
  });

  test("give the stage's invoke URL as the endpoint without a custom domain, and each route's full URL", () => {
    expect(plan.teams.outputs.otlp_endpoint.unknown).toBe(true);
    expect(evaluatedOutput("otlp_endpoint", {})).toBe(INVOKE_URL);
    for (const signal of ["metrics", "traces", "logs"]) expect(evaluatedOutput(`${signal}_url`, {})).toBe(`${INVOKE_URL}/v1/${signal}`);
    expect(plan.teams.outputs.custom_domain_target).toEqual({ value: null, unknown: false });
    expect(plan.teams.outputs.execute_api_endpoint).toEqual({ value: null, unknown: false });
  });

  test("give every tool's settings built on the endpoint, with the key as a placeholder", () => {
    const snippets = plan.domain.outputs.client_config.value as Record<string, string>;
    expect(Object.keys(snippets)).toEqual(expect.arrayContaining(["claude-code-env", "codex-config", "otel-sdk-env"]));
    expect(snippets["claude-code-env"]).toContain("OTEL_EXPORTER_OTLP_ENDPOINT=https://otlp.example.com/v\n");
    expect(snippets["codex-config"]).toContain("https://otlp.example.com/v/v1/traces");
    const onStage = evaluatedOutput("client_config", {}) as Record<string, string>;
    expect(onStage["claude-code-env"]).toContain(`OTEL_EXPORTER_OTLP_ENDPOINT='${INVOKE_URL}'`);
    expect(onStage["codex-config"]).toContain(`${INVOKE_URL}/v1/traces`);
    for (const snippet of [...Object.values(snippets), ...Object.values(onStage)]) expect(snippet).not.toMatch(/get-api-key|\.value\}/);
  });

  test("describe every output", () => {
    for (const [name, { description }] of Object.entries(outputs.output as Record<string, { description: string }>)) {
      expect([name, description.length > 20]).toEqual([name, true]);
    }
  });

  test("leave out the URL of a route that does not exist", () => {
    const { outputs: o } = plan.logsOnly;
    expect(o.metrics_url).toEqual({ value: null, unknown: false });
    expect(o.traces_url).toEqual({ value: null, unknown: false });
    expect(o.logs_url.unknown).toBe(true);
    expect(evaluatedOutput("logs_url", { signals: ["logs"] })).toBe(`${INVOKE_URL}/v1/logs`);
  });
});
