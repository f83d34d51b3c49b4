import { DEFAULTS } from "../../src/settings/defaults";
import { parseSettings } from "../../src/settings/parse-settings";
import { problemsOf } from "../support/settings-problems";

describe("dashboard, alarms and transactionSearch settings", () => {
  test("default to a dashboard and alarms on, Transaction Search off", () => {
    const { settings } = parseSettings({});
    expect(settings.dashboard).toEqual({ enabled: true, aiUsageWidgets: true });
    expect(settings.alarms).toMatchObject({ enabled: true, periodSeconds: 300, evaluationPeriods: 1, emails: [], topicArns: {} });
    expect(settings.transactionSearch).toEqual({ enabled: false, indexingPercentage: 1 });
    expect(settings.alarms).toEqual(DEFAULTS.alarms);
  });

  test("keep values that AWS allows and fill in the rest", () => {
    const { settings } = parseSettings({
      regions: ["us-east-1", "eu-west-1"],
      dashboard: { aiUsageWidgets: false },
      alarms: { periodSeconds: 3600, evaluationPeriods: 24, emails: ["ops@example.com"], topicArns: { "eu-west-1": "arn:aws:sns:eu-west-1:123456789012:ops-alerts" } },
      transactionSearch: { enabled: true, indexingPercentage: 0, regions: ["eu-west-1"] },
    });
    expect(settings.dashboard).toEqual({ enabled: true, aiUsageWidgets: false });
    expect(settings.alarms).toMatchObject({ periodSeconds: 3600, evaluationPeriods: 24, serverErrorsPerPeriod: 5, emails: ["ops@example.com"] });
    expect(settings.transactionSearch).toEqual({ enabled: true, indexingPercentage: 0, regions: ["eu-west-1"] });
  });

  test.each<[string, unknown, string]>([
    ["a dashboard that is not an object", { dashboard: true }, "context.otlpProxy.dashboard: received true; allowed: an object with any of enabled, aiUsageWidgets"],
    ["an unknown dashboard member", { dashboard: { widgets: [] } }, "context.otlpProxy.dashboard.widgets: received []; allowed: only enabled, aiUsageWidgets"],
    ["a dashboard switch given as text", { dashboard: { enabled: "no" } }, "context.otlpProxy.dashboard.enabled: received \"no\"; allowed: true or false"],
    ["an alarm period that is not whole minutes", { alarms: { periodSeconds: 90 } }, "context.otlpProxy.alarms.periodSeconds: received 90; allowed: a multiple of 60 seconds"],
    ["alarm periods longer than a day in all", { alarms: { periodSeconds: 3600, evaluationPeriods: 25 } }, "context.otlpProxy.alarms.evaluationPeriods: received 25; allowed: at most 24 with periods of 3600 s"],
    ["a zero threshold", { alarms: { serverErrorsPerPeriod: 0 } }, "context.otlpProxy.alarms.serverErrorsPerPeriod: received 0; allowed: a whole number from 1"],
    ["a fractional latency", { alarms: { integrationLatencyP99Millis: 1.5 } }, "context.otlpProxy.alarms.integrationLatencyP99Millis: received 1.5"],
    ["an email without a domain", { alarms: { emails: ["oncall"] } }, "context.otlpProxy.alarms.emails[0]: received \"oncall\"; allowed: a list of distinct email addresses"],
    ["a topic of another region", { regions: ["us-east-1"], alarms: { topicArns: { "us-east-1": "arn:aws:sns:us-west-2:123456789012:ops" } } }, "context.otlpProxy.alarms.topicArns.us-east-1: received \"arn:aws:sns:us-west-2:123456789012:ops\"; allowed: a standard SNS topic ARN in us-east-1"],
    ["a FIFO topic", { regions: ["us-east-1"], alarms: { topicArns: { "us-east-1": "arn:aws:sns:us-east-1:123456789012:ops.fifo" } } }, "context.otlpProxy.alarms.topicArns.us-east-1"],
    ["a topic for a region not deployed", { regions: ["us-east-1"], alarms: { topicArns: { "eu-west-1": "arn:aws:sns:eu-west-1:123456789012:ops" } } }, "context.otlpProxy.alarms.topicArns.eu-west-1: received \"arn:aws:sns:eu-west-1:123456789012:ops\"; allowed: keys that are configured regions"],
    ["an indexing percentage over 100", { transactionSearch: { enabled: true, indexingPercentage: 101 } }, "context.otlpProxy.transactionSearch.indexingPercentage: received 101; allowed: a number from 0 to 100 percent"],
    ["a Transaction Search region not deployed", { regions: ["us-east-1"], transactionSearch: { enabled: true, regions: ["eu-west-1"] } }, "context.otlpProxy.transactionSearch.regions[0]: received \"eu-west-1\""],
    ["an unknown Transaction Search member", { transactionSearch: { destination: "CloudWatchLogs" } }, "context.otlpProxy.transactionSearch.destination: received \"CloudWatchLogs\"; allowed: only enabled, indexingPercentage, regions"],
  ])("fail on %s, naming the setting, the value and what is allowed", (_name, raw, expected) => {
    expect(problemsOf(raw)).toContain(expected);
  });
});
