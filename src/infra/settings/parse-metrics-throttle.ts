import { RULES, settingsAllowed } from "./rules";
import { booleanSetting, objectSetting, Report, ruleSetting } from "./setting-checks";

/**
 * `context.otlpProxy.metricsThrottle`: a stage throttle on `/v1/metrics` alone, which every team's requests share. It
 * keeps the stage under the OTLP metrics endpoint's 500 requests per second per account, which the teams' usage plans
 * alone may add up past (docs/aws-facts.md, "OTLP endpoint limits").
 */
export interface MetricsThrottleSettings {
  /** Set the throttle on the stage's `v1/metrics/POST` method. */
  readonly enabled: boolean;
  /** Requests per second, at most 500. */
  readonly rateLimit: number;
  /** Requests in a burst, at least the rate. */
  readonly burstLimit: number;
}

/** On, at the endpoint's limit; `DEFAULTS.metricsThrottle` in defaults.ts points here. */
export const METRICS_THROTTLE_DEFAULTS: MetricsThrottleSettings = { enabled: true, rateLimit: 500, burstLimit: 500 };

const KEYS = Object.keys(METRICS_THROTTLE_DEFAULTS);

/** Validates `metricsThrottle` and fills in {@link METRICS_THROTTLE_DEFAULTS}. */
export function parseMetricsThrottle(value: unknown, report: Report): MetricsThrottleSettings {
  const input = objectSetting("metricsThrottle", value, KEYS, report) ?? {};
  const D = METRICS_THROTTLE_DEFAULTS;
  const throttle = {
    enabled: booleanSetting("metricsThrottle.enabled", input.enabled, D.enabled, report),
    rateLimit: ruleSetting(RULES.metricsThrottleRateLimit, "metricsThrottle.rateLimit", input.rateLimit, D.rateLimit, report),
    burstLimit: ruleSetting(RULES.metricsThrottleBurstLimit, "metricsThrottle.burstLimit", input.burstLimit, D.burstLimit, report),
  };
  if (!RULES.metricsThrottleBurstAtLeastRate.check(throttle)) {
    report(
      "metricsThrottle.burstLimit",
      throttle.burstLimit,
      settingsAllowed(RULES.metricsThrottleBurstAtLeastRate, `; metricsThrottle.rateLimit is ${throttle.rateLimit}`),
    );
  }
  return throttle;
}
