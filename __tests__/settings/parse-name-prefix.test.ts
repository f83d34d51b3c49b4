import { AWS_COMMERCIAL_REGIONS } from "../../src/infra/settings/aws-rules";
import { DEFAULTS } from "../../src/infra/settings/defaults";
import { longestRoleName, NAME_PREFIX_RULE } from "../../src/infra/settings/parse-name-prefix";
import { parseSettings } from "../../src/infra/settings/parse-settings";
import { problemsOf } from "../support/settings-problems";
import { BAD_NAME_PREFIXES } from "./bad-settings";

describe("the namePrefix setting", () => {
  test("defaults to otlp-proxy, the names every stack had before the setting existed", () => {
    expect(DEFAULTS.namePrefix).toBe("otlp-proxy");
    expect(parseSettings({}).settings.namePrefix).toBe("otlp-proxy");
  });

  test.each(["a", "staging-otlp", "prod2", "x1-y2-z3", "a".repeat(24)])("keeps %s", (namePrefix) => {
    expect(parseSettings({ namePrefix }).settings.namePrefix).toBe(namePrefix);
  });

  test.each(BAD_NAME_PREFIXES.map((c) => [c.name, c.raw, c.message] as const))("fails on %s, naming the setting, the value and what is allowed", (_case, raw, expected) => {
    expect(problemsOf(raw)).toContain(expected);
  });

  test("keeps the tightest derived name, the account logging role, within IAM's 64 characters in every region", () => {
    const longest = longestRoleName("a".repeat(NAME_PREFIX_RULE.maxLength));
    expect(longest.length).toBeLessThanOrEqual(64);
    for (const region of AWS_COMMERCIAL_REGIONS) expect(longest.length).toBeGreaterThanOrEqual(`${"a".repeat(24)}-apigw-logs-${region}`.length);
  });

  test("makes the default access-log group follow the prefix", () => {
    expect(parseSettings({ namePrefix: "staging-otlp" }).settings.accessLogGroupName).toBe("staging-otlp-access");
    expect(parseSettings({}).settings.accessLogGroupName).toBe("otlp-proxy-access");
  });

  test("leaves an access-log group the user chose alone", () => {
    expect(parseSettings({ namePrefix: "staging-otlp", accessLogGroupName: "/staging/access" }).settings.accessLogGroupName).toBe("/staging/access");
  });

  test("still refuses a derived access-log group that is the OTLP log group", () => {
    expect(problemsOf({ namePrefix: "staging", logGroupName: "staging-access" })).toContain(
      'context.otlpProxy.accessLogGroupName: received "staging-access"; allowed: a log group other than logGroupName',
    );
  });
});

describe("the API Gateway account setting with a second prefix", () => {
  test("warns that one deployment per region owns it when another prefix would also create it", () => {
    const { warnings } = parseSettings({ namePrefix: "staging-otlp", regions: ["us-east-1"] });
    expect(warnings).toContainEqual(expect.stringContaining('namePrefix is "staging-otlp" and accountCloudWatchRole is "create"'));
    expect(warnings.join("\n")).toContain('one deployment per region owns it, and every other deployment there sets context.otlpProxy.accountCloudWatchRole to "existing"');
  });

  test.each<[string, Record<string, unknown>]>([
    ["the default prefix", {}],
    ["a prefix that uses the existing role", { namePrefix: "staging-otlp", accountCloudWatchRole: "existing" }],
    ["a prefix with no logging at all", { namePrefix: "staging-otlp", accessLogs: false }],
  ])("stays quiet for %s", (_case, raw) => {
    expect(parseSettings({ regions: ["us-east-1"], ...raw }).warnings.filter((w) => w.includes("accountCloudWatchRole"))).toEqual([]);
  });
});
