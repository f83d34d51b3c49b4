import { TEAM_LIMITS } from "./derived";
import { ACCOUNT_THROTTLE, QUOTA_PERIODS } from "./aws-rules";
import type { Throttle } from "./throttle";
import { isPlainObject } from "./per-region";
import { RULES, settingsAllowed } from "./rules";
import { checkAcross, checkValue } from "./setting-checks";

/** A usage plan's quota period. */
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

/** The most requests a team may make per period (API Gateway applies quotas best-effort). */
export interface TeamQuota {
  /** Requests per period, a whole number above 0. */
  readonly limit: number;
  readonly period: QuotaPeriod;
}

/** One team: its own API key and usage plan on the stage. */
export interface Team {
  /** Names the key and plan (`<namePrefix>-<name>-<region>`) and the construct id `access-<name>`. */
  readonly name: string;
  /** Requests per second. @default the stack's `throttle.rateLimit` */
  readonly rateLimit?: number;
  /** Burst size, at least the rate. @default the stack's `throttle.burstLimit` */
  readonly burstLimit?: number;
  /** @default no quota */
  readonly quota?: TeamQuota;
  /** `false` keeps the key but disables it; requests with it get 403. @default true */
  readonly enabled: boolean;
}

/** The settings of this concern, spread into `ProxySettings` and `DEFAULTS`. */
export interface TeamsSettings {
  readonly teams: readonly Team[];
}

/** Without `teams`, one team named `default` with the stack's throttle: the key every stack had before teams. */
export const TEAMS_DEFAULTS: TeamsSettings = { teams: [{ name: "default", enabled: true }] };

const TEAM_KEYS = ["name", "rateLimit", "burstLimit", "quota", "enabled"];

type Report = (setting: string, received: unknown, allowed: string) => void;

/** The throttle a team's usage plan gets: its own limits, else the stack's. */
export function teamThrottle(team: Pick<Team, "rateLimit" | "burstLimit">, throttle: Throttle): Throttle {
  return TEAM_LIMITS.ts({ team, throttle });
}

const TEAM_SHAPE = "{ name, rateLimit?, burstLimit?, quota?: { limit, period }, enabled? }";

/** Parses `teams`; `throttle` is the already parsed stack throttle that limits default to. */
export function parseTeams(input: Record<string, unknown>, throttle: Throttle, report: Report): TeamsSettings {
  const value = input.teams;
  if (value === undefined) return TEAMS_DEFAULTS;
  if (!checkValue(RULES.teams, "teams", value, report, { detail: `, each ${TEAM_SHAPE}` })) return TEAMS_DEFAULTS;
  const list = value as unknown[];
  const teams = list.map((raw, index) => parseTeam(`teams[${index}]`, raw, throttle, report));
  const named = teams.filter((team): team is Team => team !== undefined);
  if (!RULES.teamNamesDistinct.check(named)) {
    teams.forEach((team, index) => {
      if (team && teams.findIndex((other) => other?.name === team.name) !== index) {
        report(`teams[${index}].name`, team.name, settingsAllowed(RULES.teamNamesDistinct));
      }
    });
  }
  return { teams: named };
}

function parseTeam(setting: string, raw: unknown, throttle: Throttle, report: Report): Team | undefined {
  if (!isPlainObject(raw)) {
    report(setting, raw, `an object ${TEAM_SHAPE}`);
    return undefined;
  }
  let ok = true;
  const check = (passed: boolean) => {
    ok = passed && ok;
    return passed;
  };
  for (const key of Object.keys(raw)) {
    if (TEAM_KEYS.includes(key)) continue;
    report(`${setting}.${key}`, raw[key], `only ${TEAM_KEYS.join(", ")}`);
    ok = false;
  }
  check(checkValue(RULES.teamName, `${setting}.name`, raw.name, report));
  const { rateLimit, burstLimit } = raw;
  const rateOk = rateLimit === undefined || check(checkValue(RULES.teamRateLimit, `${setting}.rateLimit`, rateLimit, report));
  const burstOk = burstLimit === undefined || check(checkValue(RULES.teamBurstLimit, `${setting}.burstLimit`, burstLimit, report));
  if (rateOk && burstOk) {
    const resolved = teamThrottle({ rateLimit: rateLimit as number | undefined, burstLimit: burstLimit as number | undefined }, throttle);
    const [name, received] = burstLimit !== undefined ? ["burstLimit", burstLimit] : ["rateLimit", rateLimit];
    const detail = `; here rate ${resolved.rateLimit}, burst ${resolved.burstLimit}`;
    check(checkAcross(RULES.teamBurstAtLeastRate, resolved, `${setting}.${name}`, received, report, detail));
  }
  const quota = raw.quota === undefined ? undefined : parseQuota(`${setting}.quota`, raw.quota, report);
  if (raw.quota !== undefined) check(quota !== undefined);
  if (raw.enabled !== undefined && typeof raw.enabled !== "boolean") {
    check(false);
    report(`${setting}.enabled`, raw.enabled, "true or false (false disables the key without deleting it)");
  }
  if (!ok) return undefined;
  return {
    name: raw.name as string,
    ...(rateLimit !== undefined ? { rateLimit: rateLimit as number } : {}),
    ...(burstLimit !== undefined ? { burstLimit: burstLimit as number } : {}),
    ...(quota ? { quota } : {}),
    enabled: (raw.enabled as boolean | undefined) ?? true,
  };
}

function parseQuota(setting: string, raw: unknown, report: Report): TeamQuota | undefined {
  if (!isPlainObject(raw)) {
    report(setting, raw, `an object { limit, period } with period one of ${QUOTA_PERIODS.join(", ")}`);
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (key !== "limit" && key !== "period") {
      report(`${setting}.${key}`, raw[key], "only limit and period");
      ok = false;
    }
  }
  ok = checkValue(RULES.teamQuotaLimit, `${setting}.limit`, raw.limit, report) && ok;
  ok = checkValue(RULES.teamQuotaPeriod, `${setting}.period`, raw.period, report) && ok;
  return ok ? { limit: raw.limit as number, period: raw.period as QuotaPeriod } : undefined;
}

/**
 * A warning when the teams' rates add up to more than the account's throttle: usage plans do not reserve capacity, so
 * teams together can be throttled by the account limit before their own.
 */
export function teamsWarnings(settings: TeamsSettings & { readonly throttle: Throttle }): string[] {
  const total = settings.teams.reduce((sum, team) => sum + teamThrottle(team, settings.throttle).rateLimit, 0);
  if (total <= ACCOUNT_THROTTLE.rateLimit) return [];
  return [
    `Warning: the teams' rate limits add up to ${total} requests per second, above the account's ${ACCOUNT_THROTTLE.rateLimit} per region; ` +
      "all teams together are throttled at the account limit first (ask AWS for a higher account limit, or lower context.otlpProxy.teams[].rateLimit).",
  ];
}
