import { Signal, SIGNALS } from "../otlp/signals";
import { AWS_COMMERCIAL_REGIONS } from "../settings/aws-rules";

/** Where one of CloudWatch's OTLP endpoints exists, and how the project knows. */
export interface EndpointRegions {
  /** Commercial regions with the endpoint. */
  readonly regions: readonly string[];
  /** Commercial regions AWS's region list leaves out: a stack there is refused this signal. */
  readonly without: readonly string[];
  /** Where the list comes from, with its label. */
  readonly source: string;
}

const commercialExcept = (without: readonly string[]) => AWS_COMMERCIAL_REGIONS.filter((region) => !without.includes(region));

/** Regions CloudWatch's PromQL page ("Supported AWS Regions") leaves out of OTLP metrics ingestion. */
const WITHOUT_OTLP_METRICS = ["il-central-1", "me-central-1", "me-south-1"];

/**
 * THE table of where each OTLP endpoint exists: settings, the module's validation (rules.ts), the dashboard's
 * AI-usage widgets and the docs all read it.
 * Source: docs/aws-facts.md, "OTLP endpoint regions". Metrics follow CloudWatch's PromQL region list (every commercial
 * region but three). Traces and logs have no published region list; AWS names them for "most commercial regions", so
 * no region is refused them (the safe reading: refuse only what a page says is missing) and the question stays open.
 */
export const OTLP_ENDPOINT_REGIONS: Readonly<Record<Signal, EndpointRegions>> = {
  metrics: {
    regions: commercialExcept(WITHOUT_OTLP_METRICS),
    without: WITHOUT_OTLP_METRICS,
    source: '[doc] "Query metrics with PromQL", Supported AWS Regions',
  },
  traces: { regions: commercialExcept([]), without: [], source: "[open] no region list published; every commercial region assumed" },
  logs: { regions: commercialExcept([]), without: [], source: "[open] no region list published; every commercial region assumed" },
};

/** The regions with the OTLP endpoint of `signal`. */
export function regionsWithEndpoint(signal: Signal): readonly string[] {
  return OTLP_ENDPOINT_REGIONS[signal].regions;
}

/** The signals some commercial region has no endpoint for: each gets a rule (rules.ts). */
export const SIGNALS_NOT_EVERYWHERE: readonly Signal[] = SIGNALS.filter((signal) => OTLP_ENDPOINT_REGIONS[signal].without.length > 0);
