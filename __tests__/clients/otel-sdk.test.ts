import { otelSdkEnv } from "../../src/infra/clients/otel-sdk";
import { parseEnvLines } from "./parse-env-lines";

const ENDPOINT = "https://abc123.execute-api.us-west-2.amazonaws.com/prod";

describe("otelSdkEnv", () => {
  test("sends OTLP/HTTP protobuf to the base URL with the API key and the specification's batching variables", () => {
    expect(Object.fromEntries(parseEnvLines(otelSdkEnv(ENDPOINT, { teamId: "platform" })))).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT: ENDPOINT,
      OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=<API_KEY>",
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
      OTEL_METRIC_EXPORT_INTERVAL: "60000",
      OTEL_BLRP_SCHEDULE_DELAY: "30000",
      OTEL_BLRP_MAX_EXPORT_BATCH_SIZE: "100",
      OTEL_BSP_SCHEDULE_DELAY: "30000",
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: "256",
      OTEL_RESOURCE_ATTRIBUTES: "user.email=<USER_EMAIL>,team.id=platform,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>",
    });
  });
});
