import { ModuleCalls } from "../support/shared-module-plan";

/** Every feature that adds widgets: detailed metrics, access logs with two teams, alarms. */
export const FULL = { detailed_metrics: true, teams: [{ name: "platform" }, { name: "data" }] };
/** No alarms, no access logs, one shared log stream: per-team streams are named by key ids, which only apply knows. */
export const QUIET = { alarms: { enabled: false }, access_logs: false, log_streams: "shared" };

/** The module calls of proxy-dashboard.terraform.test.ts. */
export default {
  full: { region: "us-east-1", inputs: FULL },
  known: { region: "us-east-1", inputs: { ...QUIET, detailed_metrics: true } },
  frankfurt: { region: "eu-central-1", inputs: QUIET },
  noMetrics: { region: "us-east-1", inputs: { ...QUIET, signals: ["traces", "logs"] } },
  aiOff: { region: "us-east-1", inputs: { ...QUIET, dashboard: { ai_usage_widgets: false } } },
  plain: { region: "us-east-1", inputs: QUIET },
  off: { region: "us-east-1", inputs: { dashboard: { enabled: false } } },
} satisfies ModuleCalls;
