import { booleanSetting, isPlainObject, numberSetting, objectSetting, Report } from "./setting-checks";

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

/**
 * CloudWatch PutMetricAlarm: `Period` is 10, 30 or a multiple of 60 (below 60 only for high-resolution metrics, which
 * API Gateway's are not), and `Period` times `EvaluationPeriods` is at most one day.
 */
export const ALARM_PERIOD = { multipleOfSeconds: 60, maxTotalSeconds: 86_400 } as const;
/** Five minutes: well above API Gateway's 29 s default integration timeout (aws-behaviour.md, "API Gateway REST API", limits). */
const MAX_LATENCY_MILLIS = 300_000;
const EMAIL = /^[^@\s'"]+@[^@\s'"]+\.[^@\s'"]+$/;
/** SNS topic ARNs of the `aws` partition; standard topics only (alarms cannot publish to FIFO topics). */
const TOPIC_ARN = /^arn:aws:sns:([a-z0-9-]+):(\d{12}):[A-Za-z0-9_-]{1,256}$/;

const KEYS = Object.keys(ALARM_DEFAULTS);

/** Validates `alarms` and fills in {@link ALARM_DEFAULTS}. */
export function parseAlarms(value: unknown, regions: readonly string[], report: Report): AlarmSettings {
  const input = objectSetting("alarms", value, KEYS, report) ?? {};
  const count = (key: keyof AlarmSettings, max: number) =>
    numberSetting(`alarms.${key}`, input[key], ALARM_DEFAULTS[key] as number, { min: 1, max, integer: true }, report);

  let periodSeconds = ALARM_DEFAULTS.periodSeconds;
  if (input.periodSeconds !== undefined) {
    const p = input.periodSeconds;
    if (typeof p !== "number" || !Number.isInteger(p) || p <= 0 || p % ALARM_PERIOD.multipleOfSeconds !== 0 || p > ALARM_PERIOD.maxTotalSeconds) {
      report("alarms.periodSeconds", p, `a multiple of 60 seconds, at most ${ALARM_PERIOD.maxTotalSeconds} (API Gateway metrics are per minute)`);
    } else {
      periodSeconds = p;
    }
  }
  const evaluationPeriods = count("evaluationPeriods", ALARM_PERIOD.maxTotalSeconds / ALARM_PERIOD.multipleOfSeconds);
  if (periodSeconds * evaluationPeriods > ALARM_PERIOD.maxTotalSeconds) {
    report("alarms.evaluationPeriods", evaluationPeriods, `at most ${Math.floor(ALARM_PERIOD.maxTotalSeconds / periodSeconds)} with periods of ${periodSeconds} s (one day in all)`);
  }
  return {
    enabled: booleanSetting("alarms.enabled", input.enabled, ALARM_DEFAULTS.enabled, report),
    periodSeconds,
    evaluationPeriods,
    serverErrorsPerPeriod: count("serverErrorsPerPeriod", 1e9),
    clientErrorsPerPeriod: count("clientErrorsPerPeriod", 1e9),
    throttledRequestsPerPeriod: count("throttledRequestsPerPeriod", 1e9),
    integrationLatencyP99Millis: count("integrationLatencyP99Millis", MAX_LATENCY_MILLIS),
    emails: parseEmails(input.emails, report),
    topicArns: parseTopicArns(input.topicArns, regions, report),
  };
}

function parseEmails(value: unknown, report: Report): readonly string[] {
  if (value === undefined) return ALARM_DEFAULTS.emails;
  const allowed = "a list of distinct email addresses, such as [\"oncall@example.com\"]";
  if (!Array.isArray(value)) {
    report("alarms.emails", value, allowed);
    return ALARM_DEFAULTS.emails;
  }
  let ok = true;
  value.forEach((email, index) => {
    if (typeof email !== "string" || !EMAIL.test(email) || value.indexOf(email) !== index) {
      report(`alarms.emails[${index}]`, email, allowed);
      ok = false;
    }
  });
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
    const match = typeof arn === "string" ? TOPIC_ARN.exec(arn) : null;
    if (!regions.includes(region)) {
      report(`alarms.topicArns.${region}`, arn, `keys that are configured regions (${regions.join(", ")})`);
      ok = false;
    } else if (!match || match[1] !== region) {
      report(`alarms.topicArns.${region}`, arn, `a standard SNS topic ARN in ${region}: arn:aws:sns:${region}:<12-digit account>:<name> (alarms notify topics of their own region only)`);
      ok = false;
    }
  }
  return ok ? (value as Record<string, string>) : ALARM_DEFAULTS.topicArns;
}
