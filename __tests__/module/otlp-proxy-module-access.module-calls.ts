import { ModuleCalls } from "../support/shared-module-plan";

export const CERT = "arn:aws:acm:us-west-2:123456789012:certificate/12345678-1234-1234-1234-123456789012";
export const ACL = "arn:aws:wafv2:us-west-2:123456789012:regional/webacl/otlp/12345678-1234-1234-1234-123456789012";

/** The module calls of otlp-proxy-module-access.terraform.test.ts: teams, logging and network restrictions. */
export default {
  open: {},
  teams: {
    inputs: {
      throttle: { rate_limit: 20, burst_limit: 40 },
      teams: [
        { name: "platform", rate_limit: 50, burst_limit: 100, enabled: true },
        { name: "data-science", quota: { limit: 1000, period: "DAY" }, enabled: true },
        { name: "contractors", rate_limit: 1, burst_limit: 2, enabled: false },
      ],
      access_log_group_name: "/otlp/access",
      access_log_retention_days: 14,
    },
  },
  existing: { inputs: { account_cloud_watch_role: "existing" } },
  off: { inputs: { access_logs: false, metrics_throttle: { enabled: false } } },
  execution: { inputs: { execution_log_level: "info", detailed_metrics: true, metrics_throttle: { rate_limit: 200, burst_limit: 300 } } },
  network: {
    inputs: {
      allowed_source_cidrs: ["203.0.113.0/24", "2001:db8::/32"],
      ip_address_type: "dualstack",
      web_acl_arn: ACL,
      domain_name: "otlp.example.com",
      certificate_arn: CERT,
      base_path: "otlp",
      hosted_zone_id: "Z0123456789ABCDEFGHIJ",
      disable_execute_api_endpoint: true,
    },
  },
} satisfies ModuleCalls;
