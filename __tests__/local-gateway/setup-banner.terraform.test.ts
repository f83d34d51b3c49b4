import { buildGatewayModel, GatewayModel } from "../../src/tools/local-gateway/route-table";
import { formatBanner } from "../../src/tools/local-gateway/setup-banner";
import { testStack } from "./helpers/test-stack";

describe("formatBanner", () => {
  let model: GatewayModel;
  beforeAll(() => {
    model = buildGatewayModel(testStack().doc);
  });
  const banner = (generatedKey: boolean) =>
    formatBanner({
      stack: "otlp-proxy-us-west-2",
      endpoint: "http://127.0.0.1:4318/prod",
      model,
      keys: [{ id: "k1", name: "platform", value: "secretvalue0123456789", enabled: true }],
      generatedKey,
    });

  test("gives a ready Claude Code setup for the endpoint", () => {
    expect(banner(true)).toContain("export OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318/prod");
    expect(banner(true)).toContain("export OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf");
  });

  test("prints a generated key, which the user has no other way to learn", () => {
    expect(banner(true)).toContain("x-api-key=secretvalue0123456789");
  });

  test("never echoes a key the user chose, so it stays out of scrollback and CI logs", () => {
    expect(banner(false)).not.toContain("secretvalue0123456789");
    expect(banner(false)).toContain("x-api-key=<API_KEY>");
  });
});
