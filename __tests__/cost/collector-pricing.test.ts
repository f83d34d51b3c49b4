import { COLLECTOR, FARGATE_US_EAST_1, collectorMonthlyCharge } from "../../src/tools/cost/collector-pricing";

describe("collectorMonthlyCharge", () => {
  test("prices two 0.25 vCPU / 0.5 GB Fargate tasks for 730 hours", () => {
    // 2 x (0.25 x 0.04048 + 0.5 x 0.004445) x 730 = 18.02005
    const charge = collectorMonthlyCharge(false);
    expect(charge.fargateUsd).toBeCloseTo(18.02005, 8);
    expect(charge.albUsd).toBe(0);
    expect(charge.usd).toBeCloseTo(18.02005, 8);
  });

  test("adds the load balancer's hourly charge only when asked", () => {
    // 0.0225 x 730 = 16.425
    const charge = collectorMonthlyCharge(true);
    expect(charge.albUsd).toBeCloseTo(16.425, 8);
    expect(charge.usd).toBeCloseTo(34.44505, 8);
  });

  test("scales with the number of tasks", () => {
    const one = collectorMonthlyCharge(false, { ...COLLECTOR, tasks: 1 }, FARGATE_US_EAST_1);
    expect(one.usd * 2).toBeCloseTo(collectorMonthlyCharge(false).usd, 10);
  });
});
