import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { jsonSyntaxError, readCdktfJsonContext, settingsFromContext, SettingsFileError } from "../../src/infra/settings/load-settings";
import { parseSettings } from "../../src/infra/settings/parse-settings";
import { SettingsError } from "../../src/infra/settings/settings-error";
import { closestName } from "../../src/infra/settings/suggest";

function projectWith(cdktfJson: string): string {
  const dir = mkdtempSync(join(tmpdir(), "load-settings-"));
  writeFileSync(join(dir, "cdktf.json"), cdktfJson);
  return dir;
}

function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

describe("readCdktfJsonContext", () => {
  test("reads context", () => {
    expect(readCdktfJsonContext(projectWith('{ "context": { "otlpProxy": { "stageName": "v1" } } }'))).toEqual({ otlpProxy: { stageName: "v1" } });
  });

  test.each([
    ['{\n  "context": {\n    "otlpProxy": {},\n  }\n}\n', "invalid JSON at line 4, column 3: Expected double-quoted property name"],
    ['{\n  "context": {\n    "otlpProxy": { "stageName": "v1" }\n', "invalid JSON at line 4, column 1: Expected ',' or '}' after property value"],
    ['{ "context": { "otlpProxy": { "stageName" "v1" } } }', "invalid JSON at line 1, column 43: Expected ':' after property name"],
  ])("a syntax error is one line with line and column, no stack trace: %j", (text, message) => {
    const dir = projectWith(text);
    const error = errorOf(() => readCdktfJsonContext(dir));
    expect(error).toBeInstanceOf(SettingsFileError);
    expect(error).toBeInstanceOf(SettingsError);
    expect(error.message).toBe(`${join(dir, "cdktf.json")}: ${message}`);
    expect(error.message).not.toContain("\n");
  });

  test("a missing file is one line naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "load-settings-"));
    expect(errorOf(() => readCdktfJsonContext(dir)).message).toBe(`Cannot read settings from ${join(dir, "cdktf.json")}: ENOENT`);
  });

  test("a context that is not an object is an error", () => {
    expect(errorOf(() => readCdktfJsonContext(projectWith('{ "context": [] }'))).message).toMatch(/"context" must be a JSON object$/);
  });

  test("jsonSyntaxError also reads the line and column Node adds in newer versions", () => {
    expect(jsonSyntaxError('{\n "a" 1}', "Expected ':' after property name in JSON at position 6 (line 2 column 5)")).toBe(
      "invalid JSON at line 2, column 5: Expected ':' after property name",
    );
  });
});

describe("settingsFromContext", () => {
  test("without otlpProxy, the defaults are used and a warning says so", () => {
    expect(settingsFromContext({})).toEqual({
      raw: undefined,
      warnings: ["Warning: cdktf.json has no context.otlpProxy, so synth used the default settings (regions us-east-1, us-west-2, ap-southeast-1, ap-southeast-2, eu-west-1)."],
    });
  });

  test("with otlpProxy, its value and no warning", () => {
    expect(settingsFromContext({ otlpProxy: { stageName: "v1" }, other: 1 })).toEqual({ raw: { stageName: "v1" }, warnings: [] });
  });

  test.each(["otlpproxy", "otlp_proxy", "OtlpProxy", "OTLP-PROXY"])("a near-miss key %s is an error naming otlpProxy", (key) => {
    const error = errorOf(() => settingsFromContext({ [key]: { stageName: "v1" } }));
    expect(error).toBeInstanceOf(SettingsError);
    expect(error.message).toBe(`cdktf.json: context.${key} is not read; the settings key is context.otlpProxy (exactly this spelling). Rename it.`);
  });

  test("a near-miss key is an error even beside otlpProxy", () => {
    expect(() => settingsFromContext({ otlpProxy: {}, otlp_proxy: {} })).toThrow("context.otlp_proxy is not read");
  });
});

describe("unknown settings name the closest known one", () => {
  test.each([
    [{ stagename: "v1" }, "context.otlpProxy.stagename: received \"v1\"; allowed: one of the settings", "; did you mean stageName?"],
    [{ region: ["us-east-1"] }, "context.otlpProxy.region: received", "; did you mean regions?"],
    [{ alarms: { emial: ["a@example.com"] } }, "context.otlpProxy.alarms.emial: received", "; did you mean emails?"],
    [{ dashboard: { enabeld: false } }, "context.otlpProxy.dashboard.enabeld: received false", "; did you mean enabled?"],
    [{ throttle: { ratelimit: 10 } }, "context.otlpProxy.throttle.ratelimit: received 10; allowed: only rateLimit and burstLimit", "; did you mean rateLimit?"],
    [{ backend: { type: "local", pth: "x" } }, "context.otlpProxy.backend.pth: received \"x\"", "; did you mean path?"],
  ])("%j", (raw, start, suggestion) => {
    const line = errorOf(() => parseSettings(raw)).message.split("\n").find((l) => l.includes(start));
    expect(line).toBeDefined();
    expect(line!.endsWith(suggestion)).toBe(true);
  });

  test("no suggestion when nothing is close", () => {
    expect(errorOf(() => parseSettings({ frobnicate: 1 })).message).not.toContain("did you mean");
  });

  test("closestName: same letters in another case first, then the fewest edits within a third of the name", () => {
    expect(closestName("STAGENAME", ["stageName", "logStreamName"])).toBe("stageName");
    expect(closestName("emial", ["enabled", "emails"])).toBe("emails");
    expect(closestName("xyz", ["emails"])).toBeUndefined();
  });
});

test("otlpProxy: null is named without a stray dot", () => {
  expect(errorOf(() => parseSettings(null)).message).toBe(
    "Invalid otlpProxy settings in cdktf.json (1 problem):\n  - context.otlpProxy: received null; allowed: an object of settings",
  );
});
