import { needsLoggingRole } from "../../src/settings/parse-access-logs";
import { parseSettings } from "../../src/settings/parse-settings";
import { problemsOf } from "../support/settings-problems";

describe("access-log, execution-log and metrics settings", () => {
  test("default to access logs on, execution logs off, no detailed metrics and a created account role", () => {
    expect(parseSettings({}).settings).toMatchObject({
      accessLogs: true,
      accessLogGroupName: "otlp-proxy-access",
      accessLogRetentionDays: 30,
      executionLogLevel: "OFF",
      detailedMetrics: false,
      accountCloudWatchRole: "create",
    });
  });

  test("keep values AWS allows, reading the log level in any case", () => {
    const { settings } = parseSettings({
      accessLogs: false,
      accessLogGroupName: "/otlp/access",
      accessLogRetentionDays: 0,
      executionLogLevel: "info",
      detailedMetrics: true,
      accountCloudWatchRole: "existing",
    });
    expect(settings).toMatchObject({ accessLogs: false, accessLogGroupName: "/otlp/access", accessLogRetentionDays: 0, executionLogLevel: "INFO", detailedMetrics: true, accountCloudWatchRole: "existing" });
  });

  test.each([
    [{ accessLogs: true, executionLogLevel: "OFF" }, true],
    [{ accessLogs: false, executionLogLevel: "ERROR" }, true],
    [{ accessLogs: false, executionLogLevel: "OFF" }, false],
  ] as const)("needs the account logging role only when something logs: %j", (raw, expected) => {
    expect(needsLoggingRole({ ...parseSettings({}).settings, ...raw })).toBe(expected);
  });

  test.each<[string, unknown, string]>([
    ["accessLogs as text", { accessLogs: "yes" }, 'context.otlpProxy.accessLogs: received "yes"; allowed: true or false'],
    ["an access log group under aws/", { accessLogGroupName: "aws/access" }, 'context.otlpProxy.accessLogGroupName: received "aws/access"; allowed: 1 to 512 of letters'],
    ["the OTLP log group as the access log group", { accessLogGroupName: "otlp-logs" }, 'context.otlpProxy.accessLogGroupName: received "otlp-logs"; allowed: a log group other than logGroupName'],
    ["a retention CloudWatch does not offer", { accessLogRetentionDays: 2 }, "context.otlpProxy.accessLogRetentionDays: received 2; allowed: one of CloudWatch Logs' retention values"],
    ["an unknown log level", { executionLogLevel: "debug" }, 'context.otlpProxy.executionLogLevel: received "debug"; allowed: one of "off", "error", "info" (any case)'],
    ["detailedMetrics as a number", { detailedMetrics: 1 }, "context.otlpProxy.detailedMetrics: received 1; allowed: true or false"],
    ["an unknown account role choice", { accountCloudWatchRole: "skip" }, 'context.otlpProxy.accountCloudWatchRole: received "skip"; allowed: "create"'],
  ])("fail on %s", (_case, raw, expected) => {
    expect(problemsOf(raw)).toContain(expected);
  });

  test("do not offer data tracing, which would copy telemetry bodies into logs", () => {
    expect(problemsOf({ dataTraceEnabled: true })).toContain("context.otlpProxy.dataTraceEnabled: received true; allowed: one of the settings");
  });
});
