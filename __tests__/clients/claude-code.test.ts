import { claudeCodeEnv, claudeCodeManagedSettings } from "../../src/infra/clients/claude-code";
import { parseEnvLines } from "./parse-env-lines";

const ENDPOINT = "https://abc123.execute-api.us-west-2.amazonaws.com/prod";

const EXPECTED = {
  CLAUDE_CODE_ENABLE_TELEMETRY: "1",
  OTEL_METRICS_EXPORTER: "otlp",
  OTEL_LOGS_EXPORTER: "otlp",
  OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
  OTEL_EXPORTER_OTLP_ENDPOINT: ENDPOINT,
  OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=<API_KEY>",
  OTEL_METRIC_EXPORT_INTERVAL: "60000",
  OTEL_LOGS_EXPORT_INTERVAL: "30000",
  OTEL_RESOURCE_ATTRIBUTES: "user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>",
};

describe("claudeCodeEnv", () => {
  test("sets telemetry, OTLP/HTTP protobuf to the base URL, the API key header, the recommended intervals and the Coding Agent Insights attributes as placeholders", () => {
    expect(Object.fromEntries(parseEnvLines(claudeCodeEnv(ENDPOINT)))).toEqual(EXPECTED);
  });

  test("attributes a team with OTEL_RESOURCE_ATTRIBUTES", () => {
    const vars = parseEnvLines(claudeCodeEnv(ENDPOINT, { teamId: "platform" }));
    expect(vars.get("OTEL_RESOURCE_ATTRIBUTES")).toBe("user.email=<USER_EMAIL>,team.id=platform,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>");
  });

  test("uses the API key placeholder it is given", () => {
    const vars = parseEnvLines(claudeCodeEnv(ENDPOINT, { apiKeyPlaceholder: "${API_KEY}" }));
    expect(vars.get("OTEL_EXPORTER_OTLP_HEADERS")).toBe("x-api-key=${API_KEY}");
  });

  test("leaves traces off (the beta trace exporter is opt-in)", () => {
    const vars = parseEnvLines(claudeCodeEnv(ENDPOINT));
    expect(vars.has("OTEL_TRACES_EXPORTER")).toBe(false);
    expect(vars.has("CLAUDE_CODE_ENHANCED_TELEMETRY_BETA")).toBe(false);
  });
});

describe("claudeCodeManagedSettings", () => {
  test("holds the same variables as strings under env", () => {
    const settings = JSON.parse(claudeCodeManagedSettings(ENDPOINT, { teamId: "platform" }));
    expect(Object.keys(settings)).toEqual(["env"]);
    expect(settings.env).toEqual({ ...EXPECTED, OTEL_RESOURCE_ATTRIBUTES: EXPECTED.OTEL_RESOURCE_ATTRIBUTES.replace("<TEAM_ID>", "platform") });
  });
});
