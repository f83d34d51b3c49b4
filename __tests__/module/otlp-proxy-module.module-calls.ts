import { ModuleCalls } from "../support/shared-module-plan";

/** The module calls of otlp-proxy-module.terraform.test.ts. */
export default {
  // GIVEN the module's defaults
  plain: { region: "us-west-2" },
  // GIVEN a stage, throttle, log destination and only some signals
  custom: {
    region: "us-west-2",
    inputs: {
      stage_name: "otlp",
      throttle: { rate_limit: 7, burst_limit: 9 },
      log_group_name: "ai/otlp",
      log_stream_name: "clients",
      log_retention_days: 90,
      signals: ["traces", "metrics"],
    },
  },
} satisfies ModuleCalls;
