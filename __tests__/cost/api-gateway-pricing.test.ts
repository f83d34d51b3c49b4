import { REST_API_TIERS, tieredRequestCharge } from "../../src/tools/cost/api-gateway-pricing";

describe("tieredRequestCharge", () => {
  test("charges nothing for no requests", () => {
    // WHEN
    const charge = tieredRequestCharge(0);
    // THEN
    expect(charge.usd).toBe(0);
    expect(charge.charges).toEqual([]);
  });

  test("charges $3.50 per million in the first tier", () => {
    expect(tieredRequestCharge(1_000_000).usd).toBeCloseTo(3.5, 10);
    expect(tieredRequestCharge(13_104_000).usd).toBeCloseTo(45.864, 10);
  });

  test("keeps exactly 333 million requests in the first tier", () => {
    // WHEN
    const charge = tieredRequestCharge(333_000_000);
    // THEN: 333 x 3.50
    expect(charge.charges).toHaveLength(1);
    expect(charge.usd).toBeCloseTo(1165.5, 6);
  });

  test("charges the second tier price only above 333 million requests", () => {
    // WHEN: one million past the boundary
    const charge = tieredRequestCharge(334_000_000);
    // THEN: 333 x 3.50 + 1 x 2.80
    expect(charge.charges.map((c) => [c.requests, c.usdPerMillion])).toEqual([
      [333_000_000, 3.5],
      [1_000_000, 2.8],
    ]);
    expect(charge.usd).toBeCloseTo(1168.3, 6);
  });

  test("charges the third tier from one billion requests", () => {
    // 333 x 3.50 + 667 x 2.80 = 3,033.10; one more million at 2.38
    expect(tieredRequestCharge(1_000_000_000).usd).toBeCloseTo(3033.1, 6);
    expect(tieredRequestCharge(1_001_000_000).usd).toBeCloseTo(3035.48, 6);
  });

  test("charges $1.51 per million above 20 billion requests", () => {
    // 3,033.10 + 19,000 x 2.38 + 1,000 x 1.51
    const charge = tieredRequestCharge(21_000_000_000);
    expect(charge.charges.map((c) => c.usdPerMillion)).toEqual([3.5, 2.8, 2.38, 1.51]);
    expect(charge.usd).toBeCloseTo(49_763.1, 4);
  });

  test("records the us-east-1 tier boundaries of 333 million, 1 billion and 20 billion", () => {
    const boundaries = REST_API_TIERS.reduce<number[]>((acc, t) => [...acc, (acc[acc.length - 1] ?? 0) + t.requests], []);
    expect(boundaries).toEqual([333_000_000, 1_000_000_000, 20_000_000_000, Infinity]);
  });

  test("fails for a negative request count", () => {
    expect(() => tieredRequestCharge(-1)).toThrow("requestsPerMonth must be a finite number >= 0, got -1");
  });
});
