import { parse } from "smol-toml";
import { codexConfig } from "../../src/infra/clients/codex";

const ENDPOINT = "https://abc123.execute-api.us-west-2.amazonaws.com/prod";

interface OtlpHttp {
  readonly "otlp-http": { readonly endpoint: string; readonly protocol: string; readonly headers: Record<string, string> };
}

function otel(toml: string): Record<string, OtlpHttp> {
  return (parse(toml) as unknown as { otel: Record<string, OtlpHttp> }).otel;
}

describe("codexConfig", () => {
  test.each([
    ["exporter", "/v1/logs"],
    ["trace_exporter", "/v1/traces"],
    ["metrics_exporter", "/v1/metrics"],
  ])("points %s at the full URL ending in %s, over protobuf, with the API key", (key, suffix) => {
    const exporter = otel(codexConfig(ENDPOINT))[key]["otlp-http"];
    expect(exporter.endpoint).toBe(`${ENDPOINT}${suffix}`);
    expect(exporter.endpoint.endsWith(suffix)).toBe(true);
    expect(exporter.protocol).toBe("binary");
    expect(exporter.headers).toEqual({ "x-api-key": "<API_KEY>" });
  });

  test("sets nothing but the three exporters, and no compression", () => {
    const table = otel(codexConfig(ENDPOINT, { teamId: "platform" }));
    expect(Object.keys(table).sort()).toEqual(["exporter", "metrics_exporter", "trace_exporter"]);
    expect(codexConfig(ENDPOINT)).not.toContain("compression");
  });

  test("gives the Coding Agent Insights attributes as a commented shell line, since Codex reads them from its environment", () => {
    const config = codexConfig(ENDPOINT, { teamId: "platform" });
    expect(config).toMatch(
      /^# export OTEL_RESOURCE_ATTRIBUTES='user\.email=<USER_EMAIL>,team\.id=platform,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>'$/m,
    );
    expect(JSON.stringify(parse(config))).not.toContain("OTEL_RESOURCE_ATTRIBUTES");
  });
});
