import { REST_API_TIERS, TieredCharge, tieredRequestCharge } from "./api-gateway-pricing";
import { CollectorCharge, collectorMonthlyCharge } from "./collector-pricing";
import { IntervalRequest, ResolvedIntervals, resolveIntervals, toExportIntervals } from "./presets";
import { RequestCounts, UsagePattern, requestsPerDeveloperPerMonth, scaleRequests } from "./request-model";
import { TOOL_PROFILES, ToolId, ToolProfile } from "./tool-profiles";

/** Everything one estimate needs. */
export interface EstimateInput extends UsagePattern, IntervalRequest {
  /** The tool every developer uses. */
  readonly tool: ToolId;
  /** Developers sending through the proxy. */
  readonly developers: number;
  /** Whether the collector alternative includes a load balancer's fixed hourly charge. */
  readonly includeAlb: boolean;
}

/** A month's requests and what they cost through the proxy and through an always-on collector. */
export interface Estimate {
  /** The input, as given. */
  readonly input: EstimateInput;
  /** The tool's profile. */
  readonly profile: ToolProfile;
  /** The intervals used. */
  readonly intervals: ResolvedIntervals;
  /** Requests a month from one developer. */
  readonly perDeveloper: RequestCounts;
  /** Requests a month from all developers. */
  readonly total: RequestCounts;
  /** API Gateway's request charge for the total. */
  readonly apiGateway: TieredCharge;
  /** `apiGateway.usd / developers` (the tiers apply to the account's total, so this is an average). */
  readonly apiGatewayPerDeveloperUsd: number;
  /** The always-on collector's charge. */
  readonly collector: CollectorCharge;
  /** `collector.usd / developers`. */
  readonly collectorPerDeveloperUsd: number;
  /** The smallest team for which the proxy costs more than the collector, at these settings. */
  readonly breakEvenDevelopers: number;
}

/** Estimates a month of requests and their cost for one tool and one team size. */
export function estimate(input: EstimateInput): Estimate {
  const profile = TOOL_PROFILES[input.tool];
  const intervals = resolveIntervals(profile, input);
  const perDeveloper = requestsPerDeveloperPerMonth(input, toExportIntervals(intervals));
  const total = scaleRequests(perDeveloper, input.developers);
  const apiGateway = tieredRequestCharge(total.total, REST_API_TIERS);
  const collector = collectorMonthlyCharge(input.includeAlb);
  return {
    input,
    profile,
    intervals,
    perDeveloper,
    total,
    apiGateway,
    apiGatewayPerDeveloperUsd: apiGateway.usd / input.developers,
    collector,
    collectorPerDeveloperUsd: collector.usd / input.developers,
    breakEvenDevelopers: breakEvenDevelopers(perDeveloper.total, collector.usd),
  };
}

/**
 * The smallest number of developers whose requests cost more through API Gateway than `collectorUsd` a month;
 * `Infinity` when a developer sends no requests.
 */
export function breakEvenDevelopers(requestsPerDeveloper: number, collectorUsd: number): number {
  if (requestsPerDeveloper <= 0) return Infinity;
  const costOf = (developers: number): number => tieredRequestCharge(developers * requestsPerDeveloper).usd;
  let high = 1;
  while (costOf(high) <= collectorUsd) high *= 2;
  let low = high / 2;
  // costOf(low) <= collectorUsd < costOf(high), or high === 1
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (costOf(mid) <= collectorUsd) low = mid;
    else high = mid;
  }
  return high;
}
