import type { Signal } from "../otlp/signals";
import type { ProxySettings } from "./defaults";
import { TRANSACTION_SEARCH_HERE } from "./derived";

/** What CloudWatch's traces endpoint answers without Transaction Search (docs/aws-facts.md, "Traces need X-Ray Transaction Search"). */
export const NO_TRANSACTION_SEARCH_MESSAGE = "The OTLP API is supported with CloudWatch Logs as a Trace Segment Destination.";

/** How to check and switch on Transaction Search in one region (or "<region>"), for warnings and the smoke test. */
export function transactionSearchFix(region: string): string {
  return (
    `check with \`aws xray get-trace-segment-destination --region ${region}\` (it must say "Destination": "CloudWatchLogs"); ` +
    `switch it on with context.otlpProxy.transactionSearch.enabled in cdktf.json, or once per account and region with ` +
    `\`aws xray update-trace-segment-destination --destination CloudWatchLogs --region ${region}\``
  );
}

/**
 * The traces endpoint refuses every span until Transaction Search is on in the account and region. Where this project
 * routes traces but does not turn it on, synth says how to check, so traces never fail unnoticed.
 * @param signalsOf the routes of a region's stack
 */
export function tracesWarnings(settings: ProxySettings, signalsOf: (region: string) => readonly Signal[]): string[] {
  const regions = settings.regions.filter((region) => signalsOf(region).includes("traces") && !TRANSACTION_SEARCH_HERE.ts({ transactionSearch: settings.transactionSearch, region }));
  if (regions.length === 0) return [];
  return [
    `Warning: /v1/traces in ${regions.join(", ")} needs X-Ray Transaction Search, which this project does not turn on there; ` +
      `without it every trace export answers 400 "${NO_TRANSACTION_SEARCH_MESSAGE}" In each region, ` +
      `${transactionSearchFix(regions.length === 1 ? regions[0] : "<region>")}.`,
  ];
}
