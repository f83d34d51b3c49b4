import { ProxySettings } from "../settings/defaults";
import { ALARMS_NOTIFY, TRANSACTION_SEARCH_HERE } from "../settings/derived";
import { networkForRegion } from "../settings/parse-network";
import { signalsForRegion } from "../settings/parse-settings";

/**
 * Module outputs that are null unless a feature is on, with the settings that turn it on. A region stack forwards such
 * an output only where it has a value: Terraform leaves null outputs out of `terraform output -json`, and `cdktf
 * deploy` then fails while it prints the outputs it expected. The module's own output expressions decide the values.
 */
const PRESENT_WHEN: Readonly<Record<string, (settings: ProxySettings, region: string) => boolean>> = {
  metrics_url: (s, region) => signalsForRegion(s, region).includes("metrics"),
  traces_url: (s, region) => signalsForRegion(s, region).includes("traces"),
  logs_url: (s, region) => signalsForRegion(s, region).includes("logs"),
  log_stream_names: (s, region) => s.logStreams === "per-team" && signalsForRegion(s, region).includes("logs"),
  access_log_group_name: (s) => s.accessLogs,
  custom_domain_target: (s, region) => Boolean(networkForRegion(s, region).domainName),
  execute_api_endpoint: (s, region) => Boolean(networkForRegion(s, region).domainName),
  dashboard_url: (s) => s.dashboard.enabled,
  alarm_topic_arn: (s, region) => ALARMS_NOTIFY.ts({ alarms: s.alarms, region }),
  transaction_search_stack_id: (s, region) => TRANSACTION_SEARCH_HERE.ts({ transactionSearch: s.transactionSearch, region }),
};

/** Whether the module gives output `name` a value in `region` with these settings. */
export function outputPresent(name: string, settings: ProxySettings, region: string): boolean {
  return PRESENT_WHEN[name]?.(settings, region) ?? true;
}
