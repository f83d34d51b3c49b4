import { breakEvenDevelopers, estimate } from "../../src/tools/cost/estimate";

describe("estimate", () => {
  test("prices 100 Claude Code developers at default settings", () => {
    // GIVEN 131,040 requests per developer (see the request model's test)
    const e = estimate({
      tool: "claude-code",
      developers: 100,
      activeHoursPerDay: 8,
      runningHoursPerDay: 8,
      daysPerMonth: 21,
      preset: "default",
      overrides: {},
      includeAlb: false,
    });
    // THEN 13,104,000 requests at $3.50 per million
    expect(e.total.total).toBe(13_104_000);
    expect(e.apiGateway.usd).toBeCloseTo(45.864, 8);
    expect(e.apiGatewayPerDeveloperUsd).toBeCloseTo(0.45864, 8);
    expect(e.collector.usd).toBeCloseTo(18.02005, 8);
    expect(e.collectorPerDeveloperUsd).toBeCloseTo(0.1802005, 8);
    expect(e.breakEvenDevelopers).toBe(40);
  });

  test("cuts Claude Code's requests by more than three quarters with the recommended preset", () => {
    const base = { tool: "claude-code", developers: 1000, activeHoursPerDay: 8, runningHoursPerDay: 8, daysPerMonth: 21, overrides: {}, includeAlb: false } as const;
    // metrics 10,080 + logs 8 x 120 x 21 = 20,160 => 30,240 per developer
    expect(estimate({ ...base, preset: "recommended" }).total.total).toBe(30_240_000);
    expect(estimate({ ...base, preset: "default" }).total.total).toBe(131_040_000);
  });
});

describe("breakEvenDevelopers", () => {
  test("finds the first team size whose request charge exceeds the collector's", () => {
    // 39 x 131,040 x 3.5e-6 = 17.887 <= 18.02 < 40 x 131,040 x 3.5e-6 = 18.346
    expect(breakEvenDevelopers(131_040, 18.02005)).toBe(40);
  });

  test("is one developer when a single developer already costs more", () => {
    expect(breakEvenDevelopers(10_000_000, 18)).toBe(1);
  });

  test("is infinite when developers send nothing", () => {
    expect(breakEvenDevelopers(0, 18)).toBe(Infinity);
  });
});
