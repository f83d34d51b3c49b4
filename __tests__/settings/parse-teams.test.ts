import { parseSettings } from "../../src/infra/settings/parse-settings";
import { teamThrottle } from "../../src/infra/settings/parse-teams";
import { problemsOf } from "../support/settings-problems";
import { BAD_TEAMS } from "./bad-settings";

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

  test.each(BAD_TEAMS.map((c) => [c.name, c.raw, c.message] as const))("fails on %s", (_case, raw, expected) => {
    expect(problemsOf(raw)).toContain(expected);
  });

  test("names the setting of the second team in its error", () => {
    expect(problemsOf({ teams: [{ name: "a" }, { name: "b", rateLimit: 10, burstLimit: 5 }] })).toContain("context.otlpProxy.teams[1].burstLimit: received 5");
  });
});
