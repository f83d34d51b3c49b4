import { parseSettings } from "../../src/infra/settings/parse-settings";
import { problemsOf } from "../support/settings-problems";
import { BAD_LOGGING } from "./bad-settings";

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

  test.each(BAD_LOGGING.map((c) => [c.name, c.raw, c.message] as const))("fail on %s", (_case, raw, expected) => {
    expect(problemsOf(raw)).toContain(expected);
  });

  test("do not offer data tracing, which would copy telemetry bodies into logs", () => {
    expect(problemsOf({ dataTraceEnabled: true })).toContain("context.otlpProxy.dataTraceEnabled: received true; allowed: one of the settings");
  });
});
