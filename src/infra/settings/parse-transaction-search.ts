import { RULES } from "./rules";
import { booleanSetting, checkValue, objectSetting, regionListSetting, Report, ruleSetting } from "./setting-checks";

export { INDEXING_PERCENTAGE } from "./aws-rules";

/** `context.otlpProxy.transactionSearch`: switching on X-Ray Transaction Search from the stack (opt-in). */
export interface TransactionSearchSettings {
  /** Create the CloudFormation stack that turns Transaction Search on (account- and region-wide). */
  readonly enabled: boolean;
  /** Percentage of spans indexed as trace summaries, 0 to 100; 1% is free (docs/aws-facts.md, "Traces need X-Ray Transaction Search"). */
  readonly indexingPercentage: number;
  /** The regions to turn it on in; absent means every configured region. */
  readonly regions?: readonly string[];
}

/** Transaction Search defaults; `DEFAULTS.transactionSearch` in defaults.ts points here. */
export const TRANSACTION_SEARCH_DEFAULTS: TransactionSearchSettings = { enabled: false, indexingPercentage: 1 };


const KEYS = ["enabled", "indexingPercentage", "regions"];

/** Validates `transactionSearch` and fills in {@link TRANSACTION_SEARCH_DEFAULTS}. */
export function parseTransactionSearch(value: unknown, regions: readonly string[], report: Report): TransactionSearchSettings {
  const input = objectSetting("transactionSearch", value, KEYS, report) ?? {};
  // Commercial regions, as the module checks too; then configured ones, which only the settings know.
  const selected =
    input.regions === undefined || checkValue(RULES.transactionSearchRegions, "transactionSearch.regions", input.regions, report)
      ? regionListSetting("transactionSearch.regions", input.regions, regions, report)
      : undefined;
  return {
    enabled: booleanSetting("transactionSearch.enabled", input.enabled, TRANSACTION_SEARCH_DEFAULTS.enabled, report),
    indexingPercentage: ruleSetting(
      RULES.indexingPercentage,
      "transactionSearch.indexingPercentage",
      input.indexingPercentage,
      TRANSACTION_SEARCH_DEFAULTS.indexingPercentage,
      report,
    ),
    ...(selected ? { regions: selected } : {}),
  };
}
