import { booleanSetting, numberSetting, objectSetting, regionListSetting, Report } from "./setting-checks";

/** `context.otlpProxy.transactionSearch`: switching on X-Ray Transaction Search from the stack (opt-in). */
export interface TransactionSearchSettings {
  /** Create the CloudFormation stack that turns Transaction Search on (account- and region-wide). */
  readonly enabled: boolean;
  /** Percentage of spans indexed as trace summaries, 0 to 100; 1% is free (aws-behaviour.md, "Traces need X-Ray Transaction Search"). */
  readonly indexingPercentage: number;
  /** The regions to turn it on in; absent means every configured region. */
  readonly regions?: readonly string[];
}

/** Transaction Search defaults; `DEFAULTS.transactionSearch` in defaults.ts points here. */
export const TRANSACTION_SEARCH_DEFAULTS: TransactionSearchSettings = { enabled: false, indexingPercentage: 1 };

/** `IndexingPercentage` of AWS::XRay::TransactionSearchConfig: Minimum 0, Maximum 100 (CloudFormation template reference). */
export const INDEXING_PERCENTAGE = { min: 0, max: 100, unit: "percent" } as const;

const KEYS = ["enabled", "indexingPercentage", "regions"];

/** Validates `transactionSearch` and fills in {@link TRANSACTION_SEARCH_DEFAULTS}. */
export function parseTransactionSearch(value: unknown, regions: readonly string[], report: Report): TransactionSearchSettings {
  const input = objectSetting("transactionSearch", value, KEYS, report) ?? {};
  const selected = regionListSetting("transactionSearch.regions", input.regions, regions, report);
  return {
    enabled: booleanSetting("transactionSearch.enabled", input.enabled, TRANSACTION_SEARCH_DEFAULTS.enabled, report),
    indexingPercentage: numberSetting(
      "transactionSearch.indexingPercentage",
      input.indexingPercentage,
      TRANSACTION_SEARCH_DEFAULTS.indexingPercentage,
      INDEXING_PERCENTAGE,
      report,
    ),
    ...(selected ? { regions: selected } : {}),
  };
}

/** Whether a region's stack turns Transaction Search on. */
export function transactionSearchInRegion(settings: TransactionSearchSettings, region: string): boolean {
  return settings.enabled && (settings.regions === undefined || settings.regions.includes(region));
}
