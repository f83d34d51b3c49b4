import { estimate } from "../../src/tools/cost/estimate";
import { formatCount, formatMarkdownTable, formatUsd } from "../../src/tools/cost/format";

describe("formatUsd", () => {
  test("shows cents with thousands separators", () => {
    expect(formatUsd(49_763.1)).toBe("$49,763.10");
    expect(formatUsd(0)).toBe("$0.00");
  });

  test("shows four decimals below one cent", () => {
    expect(formatUsd(0.0018)).toBe("$0.0018");
  });
});

describe("formatCount", () => {
  test("rounds to whole requests with thousands separators", () => {
    expect(formatCount(131_040.4)).toBe("131,040");
  });
});

describe("formatMarkdownTable", () => {
  test("writes a header, a separator and one row per estimate", () => {
    const e = estimate({
      tool: "claude-code",
      developers: 10,
      activeHoursPerDay: 8,
      runningHoursPerDay: 8,
      daysPerMonth: 21,
      preset: "default",
      overrides: {},
      includeAlb: false,
    });
    const lines = formatMarkdownTable([e]).trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(
      "| 10 | Claude Code | default (metrics 60 s, logs 5 s, traces off) | 1,310,400 | $4.59 | $0.46 | $18.02 | $1.80 | 40 developers |",
    );
  });
});
