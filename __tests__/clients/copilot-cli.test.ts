import { copilotCliEnv } from "../../src/infra/clients/copilot-cli";
import { parseEnvLines } from "./parse-env-lines";

const ENDPOINT = "https://abc123.execute-api.us-west-2.amazonaws.com/prod";

describe("copilotCliEnv", () => {
  test("turns telemetry on and sends OTLP/HTTP protobuf to the base URL with the API key", () => {
    expect(Object.fromEntries(parseEnvLines(copilotCliEnv(ENDPOINT, { teamId: "mobile" })))).toEqual({
      COPILOT_OTEL_ENABLED: "true",
      OTEL_EXPORTER_OTLP_ENDPOINT: ENDPOINT,
      OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=<API_KEY>",
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
      OTEL_RESOURCE_ATTRIBUTES: "user.email=<USER_EMAIL>,team.id=mobile,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>",
    });
  });
});
