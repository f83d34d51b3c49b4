import { DEFAULTS } from "../../src/infra/settings/defaults";
import { parseSettings, signalsForRegion } from "../../src/infra/settings/parse-settings";
import { problemsOf } from "../support/settings-problems";
import { BAD_SETTINGS } from "./bad-settings";

describe("parseSettings", () => {
  test("applies every default when nothing is set", () => {
    expect(parseSettings(undefined).settings).toEqual(DEFAULTS);
    expect(parseSettings({}).settings).toEqual(DEFAULTS);
  });

  test("keeps values that AWS allows", () => {
    const { settings } = parseSettings({
      regions: ["eu-central-1"],
      stageName: "v1_otlp-2",
      logGroupName: "/ai/otlp#1",
      logStreamName: "all clients",
      logRetentionDays: 3653,
      throttle: { rateLimit: 0.5, burstLimit: 1 },
      signals: ["logs"],
      tags: { "team:name": "platform ops" },
    });
    expect(settings).toMatchObject({
      regions: ["eu-central-1"],
      stageName: "v1_otlp-2",
      logGroupName: "/ai/otlp#1",
      logStreamName: "all clients",
      logRetentionDays: 3653,
      throttle: { rateLimit: 0.5, burstLimit: 1 },
      signals: ["logs"],
    });
  });

  test("writes log records to a stream per team by default, or to the one shared stream", () => {
    expect(DEFAULTS.logStreams).toBe("per-team");
    expect(parseSettings({}).settings.logStreams).toBe("per-team");
    expect(parseSettings({ logStreams: "shared" }).settings.logStreams).toBe("shared");
    expect(parseSettings({ logStreams: "per-team" }).settings.logStreams).toBe("per-team");
    expect(problemsOf({ logStreams: "Per-Team" })).toContain(
      'context.otlpProxy.logStreams: received "Per-Team"; allowed: "per-team" (one stream per team, named by its API key id, which API Gateway sets: attribution no client can forge) or "shared" (every client writes to logStreamName)',
    );
  });

  test("fills a missing throttle member from the default", () => {
    expect(parseSettings({ throttle: { burstLimit: 500 } }).settings.throttle).toEqual({ rateLimit: 100, burstLimit: 500 });
  });

  test("fails naming the setting, the value received and what is allowed", () => {
    expect(problemsOf({ stageName: "prod stage" })).toContain(
      `context.otlpProxy.stageName: received "prod stage"; allowed: 1 to 128 letters, digits, '-' or '_'`,
    );
  });

  test("reports every problem at once", () => {
    const message = problemsOf({ stageName: "", logRetentionDays: 31 });
    expect(message).toContain("2 problems");
    expect(message).toContain("context.otlpProxy.stageName");
    expect(message).toContain("context.otlpProxy.logRetentionDays: received 31");
  });

  test.each(BAD_SETTINGS.map((c) => [c.name, c.raw, c.message] as const))("fails on %s", (_case, raw, expected) => {
    expect(problemsOf(raw)).toContain(expected);
  });
});

describe("signalsForRegion", () => {
  test("gives every region the same routes when signals is a list", () => {
    const { settings } = parseSettings({ signals: ["logs", "traces"] });
    expect(signalsForRegion(settings, "us-east-1")).toEqual(["traces", "logs"]);
  });

  test("uses a region's own list, then the default list, then all three", () => {
    const { settings } = parseSettings({
      regions: ["us-east-1", "eu-west-1", "ca-central-1"],
      signals: { "eu-west-1": ["logs"], default: ["traces", "logs"] },
    });
    expect(signalsForRegion(settings, "eu-west-1")).toEqual(["logs"]);
    expect(signalsForRegion(settings, "us-east-1")).toEqual(["traces", "logs"]);
    expect(signalsForRegion(parseSettings({ signals: { "us-east-1": ["logs"] } }).settings, "eu-west-1")).toEqual([
      "metrics",
      "traces",
      "logs",
    ]);
  });
});
