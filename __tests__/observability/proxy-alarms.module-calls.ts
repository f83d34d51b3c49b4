import { ModuleCalls } from "../support/shared-module-plan";

/** An alarm topic the stack is given instead of its own. */
export const TOPIC = "arn:aws:sns:us-west-2:123456789012:ops";

/** The module calls of proxy-alarms.terraform.test.ts: the alarm inputs a region stack passes. */
export default {
  notified: { inputs: { alarms: { emails: ["oncall@example.com", "lead@example.com"] } } },
  noLogs: { inputs: { access_logs: false } },
  existing: { inputs: { alarms: { topic_arns: { "us-west-2": TOPIC }, emails: ["a@example.com"] } } },
  quiet: {},
  custom: { inputs: { alarms: { period_seconds: 60, evaluation_periods: 5, server_errors_per_period: 1, integration_latency_p99_millis: 2000 } } },
  off: { inputs: { alarms: { enabled: false, emails: ["a@example.com"] }, access_logs: false, log_streams: "shared" } },
} satisfies ModuleCalls;
