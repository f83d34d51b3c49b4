import { parseSettings } from "../../src/settings/parse-settings";
import { teamThrottle } from "../../src/settings/parse-teams";
import { problemsOf } from "../support/settings-problems";

describe("teams setting", () => {
  test("defaults to one enabled team named default with the stack's throttle", () => {
    const { settings } = parseSettings({ throttle: { rateLimit: 7, burstLimit: 9 } });
    expect(settings.teams).toEqual([{ name: "default", enabled: true }]);
    expect(teamThrottle(settings.teams[0], settings.throttle)).toEqual({ rateLimit: 7, burstLimit: 9 });
  });

  test("keeps each team's limits, quota and enabled flag, filling limits from throttle", () => {
    const { settings } = parseSettings({
      throttle: { rateLimit: 20, burstLimit: 40 },
      teams: [
        { name: "platform", rateLimit: 50, burstLimit: 100 },
        { name: "data-science", burstLimit: 60, quota: { limit: 1000, period: "WEEK" } },
        { name: "contractors", enabled: false },
      ],
    });
    expect(settings.teams).toEqual([
      { name: "platform", rateLimit: 50, burstLimit: 100, enabled: true },
      { name: "data-science", burstLimit: 60, quota: { limit: 1000, period: "WEEK" }, enabled: true },
      { name: "contractors", enabled: false },
    ]);
    expect(settings.teams.map((team) => teamThrottle(team, settings.throttle))).toEqual([
      { rateLimit: 50, burstLimit: 100 },
      { rateLimit: 20, burstLimit: 60 },
      { rateLimit: 20, burstLimit: 40 },
    ]);
  });

  test("accepts the 300 teams AWS's usage-plan limit allows", () => {
    const teams = Array.from({ length: 300 }, (_, i) => ({ name: `t${i}`, rateLimit: 1, burstLimit: 1 }));
    expect(parseSettings({ teams }).settings.teams).toHaveLength(300);
  });

  test("warns when the teams' rates add up to more than the account's throttle", () => {
    const teams = [{ name: "a", rateLimit: 5000, burstLimit: 5000 }, { name: "b", rateLimit: 5000, burstLimit: 5000 }, { name: "c", rateLimit: 1000, burstLimit: 1000 }];
    const { warnings } = parseSettings({ teams });
    expect(warnings.join("\n")).toContain("add up to 11000 requests per second, above the account's 10000");
  });

  test.each<[string, unknown, string]>([
    ["teams that are not a list", { teams: { name: "a" } }, 'context.otlpProxy.teams: received {"name":"a"}; allowed: a list of 1 to 300 teams'],
    ["an empty team list", { teams: [] }, "context.otlpProxy.teams: received []; allowed: a list of 1 to 300 teams"],
    ["more teams than usage plans AWS allows", { teams: Array.from({ length: 301 }, (_, i) => ({ name: `t${i}` })) }, "300 usage plans per account and region"],
    ["a team that is not an object", { teams: ["platform"] }, 'context.otlpProxy.teams[0]: received "platform"; allowed: an object { name'],
    ["a team without a name", { teams: [{ rateLimit: 1 }] }, "context.otlpProxy.teams[0].name: received nothing; allowed: 1 to 48 lowercase letters"],
    ["a name with capitals", { teams: [{ name: "Platform" }] }, 'context.otlpProxy.teams[0].name: received "Platform"'],
    ["a name with an underscore", { teams: [{ name: "data_science" }] }, 'context.otlpProxy.teams[0].name: received "data_science"'],
    ["a name ending in a hyphen", { teams: [{ name: "ops-" }] }, 'context.otlpProxy.teams[0].name: received "ops-"'],
    ["a name over 48 characters", { teams: [{ name: "a".repeat(49) }] }, "context.otlpProxy.teams[0].name"],
    ["two teams with one name", { teams: [{ name: "ops" }, { name: "ops" }] }, 'context.otlpProxy.teams[1].name: received "ops"; allowed: a name no other team has'],
    ["an unknown team member", { teams: [{ name: "ops", rate: 1 }] }, "context.otlpProxy.teams[0].rate: received 1; allowed: only name, rateLimit, burstLimit, quota, enabled"],
    ["a zero rate", { teams: [{ name: "ops", rateLimit: 0 }] }, "context.otlpProxy.teams[0].rateLimit: received 0; allowed: a number of requests per second above 0 and at most 10000"],
    ["a rate over the account limit", { teams: [{ name: "ops", rateLimit: 10001, burstLimit: 5000 }] }, "context.otlpProxy.teams[0].rateLimit: received 10001"],
    ["a burst over the account limit", { teams: [{ name: "ops", burstLimit: 5001 }] }, "context.otlpProxy.teams[0].burstLimit: received 5001; allowed: a whole number of requests above 0 and at most 5000"],
    ["a fractional burst", { teams: [{ name: "ops", burstLimit: 2.5 }] }, "context.otlpProxy.teams[0].burstLimit: received 2.5"],
    ["a burst below the team's rate", { teams: [{ name: "ops", rateLimit: 50, burstLimit: 10 }] }, "context.otlpProxy.teams[0].burstLimit: received 10; allowed: a burst at least the rate (here rate 50, burst 10"],
    ["a rate above the stack's burst it falls back to", { teams: [{ name: "ops", rateLimit: 300 }] }, "context.otlpProxy.teams[0].rateLimit: received 300; allowed: a burst at least the rate (here rate 300, burst 200"],
    ["a quota that is not an object", { teams: [{ name: "ops", quota: 100 }] }, "context.otlpProxy.teams[0].quota: received 100; allowed: an object { limit, period } with period one of DAY, WEEK, MONTH"],
    ["a quota with a zero limit", { teams: [{ name: "ops", quota: { limit: 0, period: "DAY" } }] }, "context.otlpProxy.teams[0].quota.limit: received 0; allowed: a whole number of requests per period above 0"],
    ["a quota with a fractional limit", { teams: [{ name: "ops", quota: { limit: 1.5, period: "DAY" } }] }, "context.otlpProxy.teams[0].quota.limit: received 1.5"],
    ["a quota period AWS does not have", { teams: [{ name: "ops", quota: { limit: 10, period: "YEAR" } }] }, 'context.otlpProxy.teams[0].quota.period: received "YEAR"; allowed: one of DAY, WEEK, MONTH'],
    ["an unknown quota member", { teams: [{ name: "ops", quota: { limit: 10, period: "DAY", offset: 1 } }] }, "context.otlpProxy.teams[0].quota.offset: received 1; allowed: only limit and period"],
    ["enabled given as text", { teams: [{ name: "ops", enabled: "no" }] }, 'context.otlpProxy.teams[0].enabled: received "no"; allowed: true or false'],
  ])("fails on %s", (_case, raw, expected) => {
    expect(problemsOf(raw)).toContain(expected);
  });

  test("names the setting of the second team in its error", () => {
    expect(problemsOf({ teams: [{ name: "a" }, { name: "b", rateLimit: 10, burstLimit: 5 }] })).toContain("context.otlpProxy.teams[1].burstLimit: received 5");
  });
});
