import { DEFAULTS } from "../../src/settings/defaults";
import { parseSettings, signalsForRegion } from "../../src/settings/parse-settings";
import { problemsOf } from "../support/settings-problems";

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

  test.each<[string, unknown, string]>([
    ["an unknown setting", { region: "us-east-1" }, "context.otlpProxy.region: received \"us-east-1\"; allowed: one of the settings regions, stageName"],
    ["settings that are not an object", ["us-east-1"], "allowed: an object of settings"],
    ["an empty region list", { regions: [] }, "context.otlpProxy.regions: received []"],
    ["a region that does not exist", { regions: ["us-east-1", "us-middle-1"] }, "context.otlpProxy.regions[1]: received \"us-middle-1\"; allowed: a commercial AWS region"],
    ["a region of another partition", { regions: ["cn-north-1"] }, "context.otlpProxy.regions[0]: received \"cn-north-1\""],
    ["a region listed twice", { regions: ["eu-west-1", "eu-west-1"] }, "context.otlpProxy.regions[1]: received \"eu-west-1\"; allowed: each region once"],
    ["a stage name with a slash", { stageName: "a/b" }, "context.otlpProxy.stageName: received \"a/b\""],
    ["a stage name over 128 characters", { stageName: "s".repeat(129) }, "context.otlpProxy.stageName"],
    ["a log group name under aws/", { logGroupName: "aws/spans" }, "context.otlpProxy.logGroupName: received \"aws/spans\"; allowed: 1 to 512 of letters, digits"],
    ["a log group name with a space", { logGroupName: "otlp logs" }, "context.otlpProxy.logGroupName: received \"otlp logs\""],
    ["a log stream name with a colon", { logStreamName: "a:b" }, "context.otlpProxy.logStreamName: received \"a:b\"; allowed: 1 to 512 characters, none of them ':', '*' or a single quote"],
    ["a log stream name with a quote", { logStreamName: "it's" }, "context.otlpProxy.logStreamName: received \"it's\""],
    ["a retention CloudWatch does not offer", { logRetentionDays: 10 }, "context.otlpProxy.logRetentionDays: received 10; allowed: one of CloudWatch Logs' retention values 0, 1, 3"],
    ["a retention given as text", { logRetentionDays: "30" }, "context.otlpProxy.logRetentionDays: received \"30\""],
    ["a throttle that is not an object", { throttle: 100 }, "context.otlpProxy.throttle: received 100; allowed: an object { rateLimit, burstLimit }"],
    ["an unknown throttle member", { throttle: { rate: 1 } }, "context.otlpProxy.throttle.rate: received 1; allowed: only rateLimit and burstLimit"],
    ["a zero rate limit", { throttle: { rateLimit: 0, burstLimit: 10 } }, "context.otlpProxy.throttle.rateLimit: received 0; allowed: a number of requests per second above 0"],
    ["a rate over the account limit", { throttle: { rateLimit: 20000, burstLimit: 5000 } }, "context.otlpProxy.throttle.rateLimit: received 20000"],
    ["a fractional burst", { throttle: { rateLimit: 1, burstLimit: 1.5 } }, "context.otlpProxy.throttle.burstLimit: received 1.5; allowed: a whole number"],
    ["a negative burst", { throttle: { burstLimit: -1 } }, "context.otlpProxy.throttle.burstLimit: received -1"],
    ["a burst below the rate", { throttle: { rateLimit: 50, burstLimit: 10 } }, "context.otlpProxy.throttle.burstLimit: received 10; allowed: at least throttle.rateLimit (50)"],
    ["an unknown signal", { signals: ["metrics", "profiles"] }, "context.otlpProxy.signals: received [\"metrics\",\"profiles\"]; allowed: a non-empty list of distinct signals from metrics, traces, logs"],
    ["an empty signal list", { signals: [] }, "context.otlpProxy.signals: received []"],
    ["a signal listed twice", { signals: ["logs", "logs"] }, "context.otlpProxy.signals: received [\"logs\",\"logs\"]"],
    ["signals for a region that is not deployed", { regions: ["us-east-1"], signals: { "eu-west-1": ["logs"] } }, "context.otlpProxy.signals.eu-west-1: received [\"logs\"]; allowed: keys that are \"default\" or one of the configured regions (us-east-1)"],
    ["a bad per-region signal list", { signals: { default: ["logs"], "us-east-1": "traces" } }, "context.otlpProxy.signals.us-east-1: received \"traces\""],
    ["signals of the wrong type", { signals: "logs" }, "context.otlpProxy.signals: received \"logs\""],
    ["tags that are not an object", { tags: ["a"] }, "context.otlpProxy.tags: received [\"a\"]; allowed: an object of tag names to string values"],
    ["a tag name in the aws: namespace", { tags: { "aws:owner": "me" } }, "context.otlpProxy.tags: received \"aws:owner\""],
    ["a tag value that is not text", { tags: { owner: 42 } }, "context.otlpProxy.tags.owner: received 42; allowed: a string"],
  ])("fails on %s", (_case, raw, expected) => {
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

describe("metrics outside the documented regions", () => {
  test("warns, naming the region and how to turn metrics off", () => {
    const { warnings } = parseSettings({ regions: ["us-east-1", "ca-central-1"] });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("ca-central-1 gets the /v1/metrics route");
    expect(warnings[0]).toContain('"ca-central-1": ["traces", "logs"]');
  });

  test("does not warn once metrics are turned off there", () => {
    const { warnings } = parseSettings({
      regions: ["us-east-1", "ca-central-1"],
      signals: { default: ["metrics", "traces", "logs"], "ca-central-1": ["traces", "logs"] },
    });
    expect(warnings).toEqual([]);
  });

  test("does not warn for the default regions", () => {
    expect(parseSettings({}).warnings).toEqual([]);
  });
});
