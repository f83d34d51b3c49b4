import { PriceSource } from "./api-gateway-pricing";

/** The always-on alternative: an OpenTelemetry collector on AWS Fargate. */
export interface CollectorSpec {
  /** Tasks running at all times (two, in two Availability Zones, for high availability). */
  readonly tasks: number;
  /** vCPU per task. */
  readonly vcpuPerTask: number;
  /** Memory per task, in GB. */
  readonly memoryGbPerTask: number;
  /** Hours a month the tasks run. */
  readonly hoursPerMonth: number;
}

/** Fargate on-demand prices for one region, operating system and architecture. */
export interface FargatePrices {
  /** US dollars per vCPU-hour. */
  readonly usdPerVcpuHour: number;
  /** US dollars per GB-hour of memory. */
  readonly usdPerGbHour: number;
}

/** The collector compared against: 2 tasks of 0.25 vCPU and 0.5 GB, running 730 hours a month. */
export const COLLECTOR: CollectorSpec = { tasks: 2, vcpuPerTask: 0.25, memoryGbPerTask: 0.5, hoursPerMonth: 730 };

/** AWS Fargate on-demand, Linux/x86, us-east-1. */
export const FARGATE_US_EAST_1: FargatePrices = { usdPerVcpuHour: 0.04048, usdPerGbHour: 0.004445 };

/** An Application Load Balancer's fixed hourly charge in us-east-1 (LCU charges come on top). */
export const ALB_USD_PER_HOUR = 0.0225;

/** Sources for {@link FARGATE_US_EAST_1} and {@link ALB_USD_PER_HOUR}. */
export const COLLECTOR_PRICE_SOURCES: readonly PriceSource[] = [
  {
    url: "https://aws.amazon.com/fargate/pricing/",
    checked: "2026-11-27",
    note: "Fargate Linux/x86 us-east-1: $0.000011244 per vCPU-second (= $0.04048 per vCPU-hour) as transcribed from the page on 2026-09-20 (api-evangelist/amazon-ecs); $0.04048 per vCPU-hour and $0.004445 per GB-hour per https://www.vantage.sh/blog/fargate-pricing and https://cloudburn.io/blog/aws-fargate-pricing (rates as of March 2026)",
  },
  {
    url: "https://cloud-horizons.com/blog/alb-the-line-item-nobody-watches/",
    checked: "2026-11-27",
    note: "ALB $0.0225 per hour plus $0.008 per LCU-hour (article dated 2026-05-08); see https://aws.amazon.com/elasticloadbalancing/pricing/",
  },
];

/** A month of the always-on collector. */
export interface CollectorCharge {
  /** Fargate vCPU and memory, in US dollars. */
  readonly fargateUsd: number;
  /** The load balancer's fixed hourly charge, or 0 when not counted. */
  readonly albUsd: number;
  /** `fargateUsd + albUsd`. */
  readonly usd: number;
}

/**
 * Prices a month of an always-on collector. Its cost does not depend on the number of developers.
 *
 * @param includeAlb add the load balancer's fixed hourly charge (LCUs, public IPv4 addresses, NAT and data
 *   transfer are never counted)
 */
export function collectorMonthlyCharge(
  includeAlb: boolean,
  spec: CollectorSpec = COLLECTOR,
  prices: FargatePrices = FARGATE_US_EAST_1,
  albUsdPerHour: number = ALB_USD_PER_HOUR,
): CollectorCharge {
  const perTaskHour = spec.vcpuPerTask * prices.usdPerVcpuHour + spec.memoryGbPerTask * prices.usdPerGbHour;
  const fargateUsd = spec.tasks * perTaskHour * spec.hoursPerMonth;
  const albUsd = includeAlb ? albUsdPerHour * spec.hoursPerMonth : 0;
  return { fargateUsd, albUsd, usd: fargateUsd + albUsd };
}
