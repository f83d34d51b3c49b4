/** One band of API Gateway's tiered request price. */
export interface PriceTier {
  /** Requests a month billed at this price; `Infinity` for the last band. */
  readonly requests: number;
  /** US dollars per million requests in this band. */
  readonly usdPerMillion: number;
}

/** Where a price was read, and when. */
export interface PriceSource {
  /** The page the numbers come from. */
  readonly url: string;
  /** The date (ISO 8601) the numbers were checked against that page or a transcription of it. */
  readonly checked: string;
  /** What was read there. */
  readonly note: string;
}

/**
 * API Gateway REST API request prices, us-east-1, per account and region per month: the first 333 million at
 * $3.50 per million, the next 667 million at $2.80, the next 19 billion at $2.38, and above 20 billion $1.51.
 * The free tier (one million REST calls a month for a new account's first 12 months) is not applied.
 */
export const REST_API_TIERS: readonly PriceTier[] = [
  { requests: 333_000_000, usdPerMillion: 3.5 },
  { requests: 667_000_000, usdPerMillion: 2.8 },
  { requests: 19_000_000_000, usdPerMillion: 2.38 },
  { requests: Infinity, usdPerMillion: 1.51 },
];

/** Sources for {@link REST_API_TIERS}. */
export const REST_API_PRICE_SOURCES: readonly PriceSource[] = [
  {
    url: "https://aws.amazon.com/api-gateway/pricing/",
    checked: "2026-11-27",
    note: "REST API worked example: $3.50/million for the first 333 million, $2.80/million for the next 667 million, $2.38/million for the next 19 billion (US regions); the live rate table renders from price tokens, so the numbers were read from the page's example as transcribed on 2026-09-20 by api-evangelist/amazon-web-services plans/amazon-web-services-plans-pricing.yml",
  },
  {
    url: "https://aws.amazon.com/about-aws/whats-new/2018/11/api-gateway-announces-tiered-pricing/",
    checked: "2026-11-27",
    note: "tiered request pricing per account and region, lowest tier $1.51 per million",
  },
];

/** The share of a month's requests that fell into one price band, and what it cost. */
export interface TierCharge {
  /** Requests billed in this band. */
  readonly requests: number;
  /** The band's price per million requests. */
  readonly usdPerMillion: number;
  /** `requests / 1e6 * usdPerMillion`. */
  readonly usd: number;
}

/** A month's request charge, band by band. */
export interface TieredCharge {
  /** The bands that billed at least one request, in order. */
  readonly charges: readonly TierCharge[];
  /** The sum of the bands, in US dollars (unrounded). */
  readonly usd: number;
}

/**
 * Prices a month's requests band by band: each band bills only the requests that fall inside it.
 *
 * @param requestsPerMonth requests in one month for one account and region; non-negative
 * @param tiers the bands, in order; the last one should be unbounded
 * @throws RangeError when the count is negative or not finite
 */
export function tieredRequestCharge(
  requestsPerMonth: number,
  tiers: readonly PriceTier[] = REST_API_TIERS,
): TieredCharge {
  if (!Number.isFinite(requestsPerMonth) || requestsPerMonth < 0) {
    throw new RangeError(`requestsPerMonth must be a finite number >= 0, got ${requestsPerMonth}`);
  }
  const charges: TierCharge[] = [];
  let remaining = requestsPerMonth;
  for (const tier of tiers) {
    if (remaining <= 0) break;
    const requests = Math.min(remaining, tier.requests);
    charges.push({ requests, usdPerMillion: tier.usdPerMillion, usd: (requests / 1_000_000) * tier.usdPerMillion });
    remaining -= requests;
  }
  return { charges, usd: charges.reduce((sum, c) => sum + c.usd, 0) };
}
