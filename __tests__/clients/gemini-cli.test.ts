import { geminiCliEnv, geminiCliSettings, geminiCliSettingsCompanionEnv } from "../../src/infra/clients/gemini-cli";
import { parseEnvLines } from "./parse-env-lines";

const ENDPOINT = "https://abc123.execute-api.us-west-2.amazonaws.com/prod";

describe("geminiCliEnv", () => {
  test("uses the local target, OTLP over http (JSON) to the base URL, the standard headers variable and the resource attributes", () => {
    expect(Object.fromEntries(parseEnvLines(geminiCliEnv(ENDPOINT)))).toEqual({
      GEMINI_TELEMETRY_ENABLED: "true",
      GEMINI_TELEMETRY_TARGET: "local",
      GEMINI_TELEMETRY_OTLP_ENDPOINT: ENDPOINT,
      GEMINI_TELEMETRY_OTLP_PROTOCOL: "http",
      OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=<API_KEY>",
      OTEL_RESOURCE_ATTRIBUTES: "user.email=<USER_EMAIL>,team.id=<TEAM_ID>,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>",
    });
  });
});

describe("geminiCliSettings", () => {
  test("writes the same settings as a telemetry block", () => {
    expect(JSON.parse(geminiCliSettings(ENDPOINT))).toEqual({
      telemetry: { enabled: true, target: "local", otlpEndpoint: ENDPOINT, otlpProtocol: "http" },
    });
  });

  test("comes with environment lines for the API key and the team", () => {
    expect(Object.fromEntries(parseEnvLines(geminiCliSettingsCompanionEnv({ teamId: "data" })))).toEqual({
      OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=<API_KEY>",
      OTEL_RESOURCE_ATTRIBUTES: "user.email=<USER_EMAIL>,team.id=data,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>",
    });
  });
});
