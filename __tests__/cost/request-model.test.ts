import { requestsPerDeveloperPerMonth, scaleRequests } from "../../src/tools/cost/request-model";

describe("requestsPerDeveloperPerMonth", () => {
  test("counts Claude Code's defaults at 8 hours a day for 21 days", () => {
    // metrics: 8 x 3600 / 60 x 21 = 10,080; logs: 8 x 3600 / 5 x 21 = 120,960
    const counts = requestsPerDeveloperPerMonth(
      { activeHoursPerDay: 8, runningHoursPerDay: 8, daysPerMonth: 21 },
      { metricsSeconds: 60, logsSeconds: 5 },
    );
    expect(counts).toEqual({ metrics: 10_080, logs: 120_960, traces: 0, total: 131_040 });
  });

  test("exports metrics for every running hour but logs and spans only for active hours", () => {
    // metrics: 24 x 60 x 30 = 43,200; logs: 2 x 120 x 30 = 7,200; traces: 2 x 720 x 30 = 43,200
    const counts = requestsPerDeveloperPerMonth(
      { activeHoursPerDay: 2, runningHoursPerDay: 24, daysPerMonth: 30 },
      { metricsSeconds: 60, logsSeconds: 30, tracesSeconds: 5 },
    );
    expect(counts).toEqual({ metrics: 43_200, logs: 7_200, traces: 43_200, total: 93_600 });
  });

  test("counts no requests for a signal without an interval", () => {
    const counts = requestsPerDeveloperPerMonth({ activeHoursPerDay: 1, runningHoursPerDay: 1, daysPerMonth: 1 }, {});
    expect(counts.total).toBe(0);
  });
});

describe("scaleRequests", () => {
  test("multiplies every signal and the total by the team size", () => {
    expect(scaleRequests({ metrics: 1, logs: 2, traces: 3, total: 6 }, 100)).toEqual({
      metrics: 100,
      logs: 200,
      traces: 300,
      total: 600,
    });
  });
});
