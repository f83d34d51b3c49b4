import { ALARM_PERIOD } from "./aws-rules";
import { RULES, settingsAllowed, ValueRule } from "./rules";
import { booleanSetting, checkValue, isPlainObject, objectSetting, Report, ruleSetting } from "./setting-checks";

export { ALARM_PERIOD } from "./aws-rules";

/** `context.otlpProxy.alarms`: the CloudWatch alarms each region stack creates, and where they notify. */
export interface AlarmSettings {
  /** Create the alarms. */
  readonly enabled: boolean;
  /** Length of one evaluation period, in seconds (60 or a multiple of 60: API Gateway publishes every minute). */
  readonly periodSeconds: number;
  /** Consecutive breaching periods before an alarm fires. */
  readonly evaluationPeriods: number;
  /** 5XX answers (API Gateway `5XXError`, Sum) per period that fire the server-error alarm. */
  readonly serverErrorsPerPeriod: number;
  /** 4XX answers (API Gateway `4XXError`, Sum) per period that fire the client-error spike alarm: wrong, revoked or leaked keys. */
  readonly clientErrorsPerPeriod: number;
  /** 429 answers per period (counted from the access logs) that fire the throttling alarm. */
  readonly throttledRequestsPerPeriod: number;
  /** p99 of API Gateway `IntegrationLatency` (CloudWatch's answer time), in milliseconds, that fires the latency alarm. */
  readonly integrationLatencyP99Millis: number;
  /** Email addresses subscribed to a topic the stack creates (each must confirm the subscription by email). */
  readonly emails: readonly string[];
  /** An existing SNS topic per region (`{"us-east-1": "arn:aws:sns:us-east-1:123456789012:ops"}`), used instead of creating one. */
  readonly topicArns: Readonly<Record<string, string>>;
}

/** Alarm defaults; `DEFAULTS.alarms` in defaults.ts points here. */
export const ALARM_DEFAULTS: AlarmSettings = {
  enabled: true,
  periodSeconds: 300,
  evaluationPeriods: 1,
  serverErrorsPerPeriod: 5,
  clientErrorsPerPeriod: 100,
  throttledRequestsPerPeriod: 10,
  integrationLatencyP99Millis: 5_000,
  emails: [],
  topicArns: {},
};

const KEYS = Object.keys(ALARM_DEFAULTS);

/** Validates `alarms` and fills in {@link ALARM_DEFAULTS}. */
export function parseAlarms(value: unknown, regions: readonly string[], report: Report): AlarmSettings {
  const input = objectSetting("alarms", value, KEYS, report) ?? {};
  const count = (key: keyof AlarmSettings, rule: ValueRule) =>
    ruleSetting(rule, `alarms.${key}`, input[key], ALARM_DEFAULTS[key] as number, report);

  const periodSeconds = count("periodSeconds", RULES.alarmPeriodSeconds);
  const evaluationPeriods = count("evaluationPeriods", RULES.alarmEvaluationPeriods);
  if (!RULES.alarmWithinOneDay.check({ periodSeconds, evaluationPeriods })) {
    const most = Math.floor(ALARM_PERIOD.maxTotalSeconds / periodSeconds);
    report("alarms.evaluationPeriods", evaluationPeriods, settingsAllowed(RULES.alarmWithinOneDay, `; at most ${most} with periods of ${periodSeconds} s`));
  }
  return {
    enabled: booleanSetting("alarms.enabled", input.enabled, ALARM_DEFAULTS.enabled, report),
    periodSeconds,
    evaluationPeriods,
    serverErrorsPerPeriod: count("serverErrorsPerPeriod", RULES.alarmServerErrors),
    clientErrorsPerPeriod: count("clientErrorsPerPeriod", RULES.alarmClientErrors),
    throttledRequestsPerPeriod: count("throttledRequestsPerPeriod", RULES.alarmThrottledRequests),
    integrationLatencyP99Millis: count("integrationLatencyP99Millis", RULES.alarmLatency),
    emails: parseEmails(input.emails, report),
    topicArns: parseTopicArns(input.topicArns, regions, report),
  };
}

function parseEmails(value: unknown, report: Report): readonly string[] {
  if (value === undefined) return ALARM_DEFAULTS.emails;
  if (!Array.isArray(value)) {
    report("alarms.emails", value, "a list of distinct email addresses, such as [\"oncall@example.com\"]");
    return ALARM_DEFAULTS.emails;
  }
  let ok = true;
  value.forEach((email, index) => {
    if (!checkValue(RULES.alarmEmail, `alarms.emails[${index}]`, email, report)) ok = false;
  });
  if (!RULES.alarmEmailsDistinct.check(value)) {
    ok = false;
    value.forEach((email, index) => {
      if (value.indexOf(email) !== index) report(`alarms.emails[${index}]`, email, settingsAllowed(RULES.alarmEmailsDistinct));
    });
  }
  return ok ? (value as string[]) : ALARM_DEFAULTS.emails;
}

function parseTopicArns(value: unknown, regions: readonly string[], report: Report): Readonly<Record<string, string>> {
  if (value === undefined) return ALARM_DEFAULTS.topicArns;
  if (!isPlainObject(value)) {
    report("alarms.topicArns", value, "an object of region names to SNS topic ARNs in that region");
    return ALARM_DEFAULTS.topicArns;
  }
  let ok = true;
  for (const [region, arn] of Object.entries(value)) {
    const setting = `alarms.topicArns.${region}`;
    // Keys that are configured regions: a rule of settings only (the module is called per region).
    if (!regions.includes(region)) {
      report(setting, arn, `keys that are configured regions (${regions.join(", ")})`);
      ok = false;
    } else if (!checkValue(RULES.alarmTopicArn, setting, arn, report, { key: region, detail: `; here ${region}` })) {
      ok = false;
    }
  }
  return ok ? (value as Record<string, string>) : ALARM_DEFAULTS.topicArns;
}
