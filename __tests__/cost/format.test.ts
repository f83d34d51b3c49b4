import { estimate } from "../../src/tools/cost/estimate";
import { formatCount, formatMarkdownAssumptions, formatMarkdownTable, formatReport, formatUsd } from "../../src/tools/cost/format";
import { otlpMetricsChargeLine } from "../../src/tools/cost/otlp-metrics-pricing";

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

describe("the OTLP metrics charge", () => {
  const e = estimate({ developers: 10, tool: "claude-code", preset: "default", overrides: {}, activeHoursPerDay: 8, runningHoursPerDay: 8, daysPerMonth: 21, includeAlb: false });

  test("is named in the report, billed per GB since general availability, with the month's metric exports and its sources", () => {
    const line = otlpMetricsChargeLine(e.total.metrics);
    expect(formatReport(e)).toContain(line);
    expect(line).toContain("billed per GB ingested since general availability (no longer free)");
    expect(line).toContain(`${formatCount(e.total.metrics)} metric exports a month`);
    expect(line).toContain("https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/metrics-otel-pricing.html");
    expect(formatMarkdownAssumptions(e)).toContain(line);
  });
});
