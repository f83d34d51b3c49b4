import { PriceSource } from "./api-gateway-pricing";

/**
 * CloudWatch's OTLP metrics, free during the preview, are billed since general availability: per GB ingested (each
 * data point's serialized name, labels, resource attributes, timestamp and value), storage for 15 months included,
 * console PromQL queries free, API PromQL queries per million samples scanned. The per-GB price is not in the pages
 * this project could read, so the estimate names the charge and its source instead of a number (docs/aws-facts.md,
 * "Pricing and request rates").
 */
export const OTLP_METRICS_PRICE_SOURCES: readonly PriceSource[] = [
  {
    url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/metrics-otel-pricing.html",
    checked: "2026-12-05",
    note: "OTel metrics pricing and storage: per-GB ingestion, 15 months of storage included, console queries free, API queries per million samples scanned, no per-metric charge",
  },
  { url: "https://aws.amazon.com/cloudwatch/pricing/", checked: "2026-12-05", note: "the per-GB and per-sample prices by region" },
];

/** The report's line about OTLP metrics ingestion, for this many metric export requests a month. */
export function otlpMetricsChargeLine(metricsRequests: number): string {
  return (
    `CloudWatch OTLP metrics ingestion: billed per GB ingested since general availability (no longer free); ${Math.round(metricsRequests).toLocaleString("en-US")} ` +
    `metric exports a month, each at most 1 MB uncompressed; API PromQL queries are billed per million samples scanned, console queries are free. ` +
    `Prices: ${OTLP_METRICS_PRICE_SOURCES.map((s) => s.url).join(", ")}.`
  );
}
