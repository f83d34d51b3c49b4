/** How much one developer uses a tool. */
export interface UsagePattern {
  /** Hours a day the tool is in use (producing events and spans). */
  readonly activeHoursPerDay: number;
  /** Hours a day the tool process runs, idle or not (metrics are exported all that time); at least the active hours. */
  readonly runningHoursPerDay: number;
  /** Days a month the tool is used. */
  readonly daysPerMonth: number;
}

/** Seconds between exports for each signal; an absent signal is not sent. */
export interface ExportIntervals {
  /** Seconds between metric exports. */
  readonly metricsSeconds?: number;
  /** Seconds between log exports. */
  readonly logsSeconds?: number;
  /** Seconds between span exports. */
  readonly tracesSeconds?: number;
}

/** Requests a month, by signal. */
export interface RequestCounts {
  /** Requests to `/v1/metrics`. */
  readonly metrics: number;
  /** Requests to `/v1/logs`. */
  readonly logs: number;
  /** Requests to `/v1/traces`. */
  readonly traces: number;
  /** The sum of the three. */
  readonly total: number;
}

/**
 * Requests one developer's tool sends in a month.
 *
 * The metric reader exports once per interval for as long as the process runs. Batch processors export only
 * when they hold data, so logs and spans are counted as one export per interval while the tool is in use and
 * none while idle. A burst larger than the batch size adds exports that this model leaves out.
 */
export function requestsPerDeveloperPerMonth(usage: UsagePattern, intervals: ExportIntervals): RequestCounts {
  const runningSeconds = usage.runningHoursPerDay * 3600 * usage.daysPerMonth;
  const activeSeconds = usage.activeHoursPerDay * 3600 * usage.daysPerMonth;
  const metrics = exportsIn(runningSeconds, intervals.metricsSeconds);
  const logs = exportsIn(activeSeconds, intervals.logsSeconds);
  const traces = exportsIn(activeSeconds, intervals.tracesSeconds);
  return { metrics, logs, traces, total: metrics + logs + traces };
}

/** Multiplies every count by `factor` (e.g. the number of developers). */
export function scaleRequests(counts: RequestCounts, factor: number): RequestCounts {
  return {
    metrics: counts.metrics * factor,
    logs: counts.logs * factor,
    traces: counts.traces * factor,
    total: counts.total * factor,
  };
}

function exportsIn(seconds: number, intervalSeconds: number | undefined): number {
  return intervalSeconds === undefined ? 0 : seconds / intervalSeconds;
}
