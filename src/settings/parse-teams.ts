import { ACCOUNT_THROTTLE, QUOTA_PERIODS, TEAM_NAME, USAGE_PLANS_PER_REGION } from "./aws-rules";
import type { Throttle } from "./throttle";
import { isPlainObject } from "./per-region";

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
  /** Names the key and plan (`otlp-proxy-<name>-<region>`) and the construct id `access-<name>`. */
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
  /** One API key and usage plan per team. */
  readonly teams: readonly Team[];
}

/** Without `teams`, one team named `default` with the stack's throttle: the key every stack had before teams. */
export const TEAMS_DEFAULTS: TeamsSettings = { teams: [{ name: "default", enabled: true }] };

const TEAM_KEYS = ["name", "rateLimit", "burstLimit", "quota", "enabled"];

type Report = (setting: string, received: unknown, allowed: string) => void;

/** The throttle a team's usage plan gets: its own limits, else the stack's. */
export function teamThrottle(team: Team, throttle: Throttle): Throttle {
  return { rateLimit: team.rateLimit ?? throttle.rateLimit, burstLimit: team.burstLimit ?? throttle.burstLimit };
}

/** Parses `teams`; `throttle` is the already parsed stack throttle that limits default to. */
export function parseTeams(input: Record<string, unknown>, throttle: Throttle, report: Report): TeamsSettings {
  const value = input.teams;
  if (value === undefined) return TEAMS_DEFAULTS;
  if (!Array.isArray(value) || value.length === 0 || value.length > USAGE_PLANS_PER_REGION) {
    report(
      "teams",
      value,
      `a list of 1 to ${USAGE_PLANS_PER_REGION} teams (one usage plan each; AWS allows ${USAGE_PLANS_PER_REGION} usage plans per account and region), ` +
        `each { name, rateLimit?, burstLimit?, quota?: { limit, period }, enabled? }`,
    );
    return TEAMS_DEFAULTS;
  }
  const teams = value.map((raw, index) => parseTeam(`teams[${index}]`, raw, throttle, report));
  teams.forEach((team, index) => {
    if (team && teams.findIndex((other) => other?.name === team.name) !== index) report(`teams[${index}].name`, team.name, "a name no other team has");
  });
  return { teams: teams.filter((team): team is Team => team !== undefined) };
}

function parseTeam(setting: string, raw: unknown, throttle: Throttle, report: Report): Team | undefined {
  if (!isPlainObject(raw)) {
    report(setting, raw, "an object { name, rateLimit?, burstLimit?, quota?: { limit, period }, enabled? }");
    return undefined;
  }
  let ok = true;
  const fail = (name: string, received: unknown, allowed: string) => {
    report(`${setting}${name}`, received, allowed);
    ok = false;
  };
  for (const key of Object.keys(raw)) if (!TEAM_KEYS.includes(key)) fail(`.${key}`, raw[key], `only ${TEAM_KEYS.join(", ")}`);
  if (typeof raw.name !== "string" || !TEAM_NAME.pattern.test(raw.name)) fail(".name", raw.name, TEAM_NAME.rule);

  const { rateLimit, burstLimit } = raw;
  const rateOk = rateLimit === undefined || (typeof rateLimit === "number" && rateLimit > 0 && rateLimit <= ACCOUNT_THROTTLE.rateLimit);
  const burstOk =
    burstLimit === undefined ||
    (typeof burstLimit === "number" && Number.isInteger(burstLimit) && burstLimit > 0 && burstLimit <= ACCOUNT_THROTTLE.burstLimit);
  if (!rateOk) fail(".rateLimit", rateLimit, `a number of requests per second above 0 and at most ${ACCOUNT_THROTTLE.rateLimit} (the account limit per region)`);
  if (!burstOk) fail(".burstLimit", burstLimit, `a whole number of requests above 0 and at most ${ACCOUNT_THROTTLE.burstLimit} (the account limit per region)`);
  if (rateOk && burstOk) {
    const resolved = { rateLimit: (rateLimit as number | undefined) ?? throttle.rateLimit, burstLimit: (burstLimit as number | undefined) ?? throttle.burstLimit };
    if (resolved.burstLimit < resolved.rateLimit) {
      const [name, received] = burstLimit !== undefined ? [".burstLimit", burstLimit] : [".rateLimit", rateLimit];
      fail(
        name,
        received,
        `a burst at least the rate (here rate ${resolved.rateLimit}, burst ${resolved.burstLimit}; a limit left out comes from throttle), so one second of traffic fits in a burst`,
      );
    }
  }
  const quota = raw.quota === undefined ? undefined : parseQuota(`${setting}.quota`, raw.quota, fail);
  if (raw.enabled !== undefined && typeof raw.enabled !== "boolean") fail(".enabled", raw.enabled, "true or false (false disables the key without deleting it)");
  if (!ok) return undefined;
  return {
    name: raw.name as string,
    ...(rateLimit !== undefined ? { rateLimit: rateLimit as number } : {}),
    ...(burstLimit !== undefined ? { burstLimit: burstLimit as number } : {}),
    ...(quota ? { quota } : {}),
    enabled: (raw.enabled as boolean | undefined) ?? true,
  };
}

function parseQuota(setting: string, raw: unknown, fail: (name: string, received: unknown, allowed: string) => void): TeamQuota | undefined {
  const suffix = setting.slice(setting.indexOf(".quota"));
  if (!isPlainObject(raw)) {
    fail(suffix, raw, `an object { limit, period } with period one of ${QUOTA_PERIODS.join(", ")}`);
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (key !== "limit" && key !== "period") {
      fail(`${suffix}.${key}`, raw[key], "only limit and period");
      ok = false;
    }
  }
  if (typeof raw.limit !== "number" || !Number.isInteger(raw.limit) || raw.limit <= 0 || raw.limit > 2_147_483_647) {
    fail(`${suffix}.limit`, raw.limit, "a whole number of requests per period above 0 (at most 2147483647)");
    ok = false;
  }
  if (!QUOTA_PERIODS.includes(raw.period as QuotaPeriod)) {
    fail(`${suffix}.period`, raw.period, `one of ${QUOTA_PERIODS.join(", ")}`);
    ok = false;
  }
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
