import { ENDPOINT_LIMITS } from "../otlp/endpoint-limits";
import type { ProxySettings } from "./defaults";
import { teamThrottle } from "./parse-teams";
import type { Signal } from "../otlp/signals";

/**
 * Usage plans throttle each team on its own, so their rates add up: past the OTLP metrics endpoint's requests per
 * second per account (docs/aws-facts.md, "OTLP endpoint limits"), CloudWatch answers 429 and nobody set that number.
 * The metrics route's stage throttle caps all teams together; without it (or above the limit), synth says so.
 * @param signalsOf the routes of a region's stack
 */
export function metricsRateWarnings(settings: ProxySettings, signalsOf: (region: string) => readonly Signal[]): string[] {
  const limit = ENDPOINT_LIMITS.metrics.requestsPerSecond!;
  const capped = settings.metricsThrottle.enabled && settings.metricsThrottle.rateLimit <= limit;
  const regions = settings.regions.filter((region) => signalsOf(region).includes("metrics"));
  if (capped || regions.length === 0) return [];
  const teams = settings.teams.filter((team) => team.enabled);
  const total = teams.reduce((sum, team) => sum + teamThrottle(team, settings.throttle).rateLimit, 0);
  if (total <= limit) return [];
  const each = teams.map((team) => `${team.name} ${teamThrottle(team, settings.throttle).rateLimit}`).join(", ");
  return [
    `Warning: the teams' usage plans allow ${total} requests per second in all (${each}), above the ${limit} per second that ` +
      `CloudWatch's OTLP metrics endpoint takes per account in a region; beyond it /v1/metrics answers 429 in ${regions.join(", ")}. ` +
      `Lower the teams' rateLimit in context.otlpProxy.teams, or cap the metrics route for all teams with ` +
      `context.otlpProxy.metricsThrottle set to {"enabled": true, "rateLimit": ${limit}, "burstLimit": ${limit}} in cdktf.json.`,
  ];
}
