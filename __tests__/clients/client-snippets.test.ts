import { parse } from "smol-toml";
import { clientSnippets } from "../../src/infra/clients/client-snippets";
import { UNREAD_VARIABLES } from "../../src/infra/clients/unread-variables";
import { parseEnvLines } from "./parse-env-lines";

const ENDPOINT = "https://abc123.execute-api.us-west-2.amazonaws.com/prod";
const TOKEN = "${TfToken[TOKEN.42]}";

describe("clientSnippets", () => {
  test("returns one snippet per client form, under stable names", () => {
    expect(Object.keys(clientSnippets(ENDPOINT))).toEqual([
      "claude-code-env",
      "claude-code-managed-settings",
      "claude-cowork",
      "copilot-cli-env",
      "gemini-cli-env",
      "gemini-cli-settings",
      "gemini-cli-settings-env",
      "codex-config",
      "otel-sdk-env",
    ]);
  });

  test("parses every snippet in its tool's format", () => {
    const s = clientSnippets(ENDPOINT, { teamId: "platform" });
    for (const name of ["claude-code-env", "copilot-cli-env", "gemini-cli-env", "gemini-cli-settings-env", "otel-sdk-env"] as const) {
      expect(parseEnvLines(s[name]).size).toBeGreaterThan(0);
    }
    expect(() => JSON.parse(s["claude-code-managed-settings"])).not.toThrow();
    expect(() => JSON.parse(s["gemini-cli-settings"])).not.toThrow();
    expect(() => parse(s["codex-config"])).not.toThrow();
  });

  test.each(UNREAD_VARIABLES.map((v) => [v]))("never mentions %s, which no checked release reads", (variable) => {
    for (const text of Object.values(clientSnippets(ENDPOINT, { teamId: "platform" }))) {
      expect(text).not.toContain(variable);
    }
  });

  test("passes a Terraform token endpoint through by concatenation only", () => {
    const s = clientSnippets(TOKEN);
    expect(parseEnvLines(s["claude-code-env"]).get("OTEL_EXPORTER_OTLP_ENDPOINT")).toBe(TOKEN);
    expect(JSON.parse(s["gemini-cli-settings"]).telemetry.otlpEndpoint).toBe(TOKEN);
    const codex = parse(s["codex-config"]) as unknown as { otel: { exporter: { "otlp-http": { endpoint: string } } } };
    expect(codex.otel.exporter["otlp-http"].endpoint).toBe(`${TOKEN}/v1/logs`);
    expect(s["claude-cowork"]).toContain(`OTLP endpoint: ${TOKEN}\n`);
  });

  test("sends no protocol the proxy cannot serve (grpc)", () => {
    for (const text of Object.values(clientSnippets(ENDPOINT))) {
      expect(text.toLowerCase()).not.toContain("grpc");
    }
  });
});

describe("every snippet of a tool that reads OTEL_RESOURCE_ATTRIBUTES", () => {
  const snippets = clientSnippets(ENDPOINT, { teamId: "platform" });
  const expected = "user.email=<USER_EMAIL>,team.id=platform,department=<DEPARTMENT>,cost_center=<COST_CENTER>,organization=<ORGANIZATION>";

  test.each(["claude-code-env", "copilot-cli-env", "gemini-cli-env", "gemini-cli-settings-env", "otel-sdk-env"] as const)(
    "%s sets every attribute Coding Agent Insights reads",
    (name) => {
      expect(parseEnvLines(snippets[name]).get("OTEL_RESOURCE_ATTRIBUTES")).toBe(expected);
    },
  );

  test("and so do Claude Code's managed settings and Codex's comment; Claude Cowork, with no such field, cannot", () => {
    expect(JSON.parse(snippets["claude-code-managed-settings"]).env.OTEL_RESOURCE_ATTRIBUTES).toBe(expected);
    expect(snippets["codex-config"]).toContain(`OTEL_RESOURCE_ATTRIBUTES='${expected}'`);
    expect(snippets["claude-cowork"]).not.toContain("OTEL_RESOURCE_ATTRIBUTES");
  });
});
