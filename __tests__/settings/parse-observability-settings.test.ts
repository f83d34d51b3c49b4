import { DEFAULTS } from "../../src/infra/settings/defaults";
import { parseSettings } from "../../src/infra/settings/parse-settings";
import { problemsOf } from "../support/settings-problems";
import { BAD_OBSERVABILITY } from "./bad-settings";

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

  test.each(BAD_OBSERVABILITY.map((c) => [c.name, c.raw, c.message] as const))("fail on %s, naming the setting, the value and what is allowed", (_case, raw, expected) => {
    expect(problemsOf(raw)).toContain(expected);
  });
});
