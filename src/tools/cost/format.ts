import { REST_API_PRICE_SOURCES } from "./api-gateway-pricing";
import { COLLECTOR, COLLECTOR_PRICE_SOURCES, FARGATE_US_EAST_1 } from "./collector-pricing";
import { Estimate } from "./estimate";
import { otlpMetricsChargeLine } from "./otlp-metrics-pricing";
import { ResolvedInterval, ResolvedIntervals } from "./presets";

/** Formats US dollars: cents above one cent, four decimals below. */
export function formatUsd(usd: number): string {
  if (usd !== 0 && Math.abs(usd) < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Formats a request count, rounded to a whole number with thousands separators. */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString("en-US");
}

/** Describes the intervals compactly, e.g. `metrics 60 s, logs 5 s, traces off`. */
export function describeIntervals(intervals: ResolvedIntervals): string {
  const one = (name: string, interval: ResolvedInterval | undefined): string =>
    interval === undefined ? `${name} off` : `${name} ${interval.seconds} s`;
  return [one("metrics", intervals.metrics), one("logs", intervals.logs), one("traces", intervals.traces)].join(", ");
}

/** The collector described in words, e.g. `2 Fargate tasks of 0.25 vCPU / 0.5 GB, 730 h`. */
export function describeCollector(includeAlb: boolean): string {
  const alb = includeAlb ? "ALB hourly charge counted, LCUs not" : "no load balancer counted";
  return `${COLLECTOR.tasks} Fargate tasks of ${COLLECTOR.vcpuPerTask} vCPU / ${COLLECTOR.memoryGbPerTask} GB, ${COLLECTOR.hoursPerMonth} h; ${alb}`;
}

/** A plain-text report of one estimate. */
export function formatReport(e: Estimate): string {
  const i = e.input;
  const running = i.runningHoursPerDay === i.activeHoursPerDay ? "" : `, ${i.runningHoursPerDay} h/day running`;
  const lines: string[] = [
    `${e.profile.name} (${e.profile.versionChecked}), ${formatCount(i.developers)} developers, ${i.activeHoursPerDay} h/day active${running}, ${i.daysPerMonth} days/month, preset ${i.preset}`,
    "",
    "Export intervals",
  ];
  for (const [name, interval] of [["metrics", e.intervals.metrics], ["logs", e.intervals.logs], ["traces", e.intervals.traces]] as const) {
    lines.push(`  ${name.padEnd(8)}${interval === undefined ? "off" : `${interval.seconds} s (${interval.source})`}`);
  }
  lines.push("", `Requests per month${"per developer".padStart(22)}${"total".padStart(18)}`);
  for (const key of ["metrics", "logs", "traces", "total"] as const) {
    lines.push(`  ${key.padEnd(16)}${formatCount(e.perDeveloper[key]).padStart(22)}${formatCount(e.total[key]).padStart(18)}`);
  }
  lines.push("", "API Gateway REST API requests (us-east-1)");
  for (const c of e.apiGateway.charges) {
    lines.push(`  ${formatCount(c.requests)} at ${formatUsd(c.usdPerMillion)}/million = ${formatUsd(c.usd)}`);
  }
  lines.push(`  total ${formatUsd(e.apiGateway.usd)} a month; per developer ${formatUsd(e.apiGatewayPerDeveloperUsd)}`);
  lines.push("", otlpMetricsChargeLine(e.total.metrics));
  lines.push("", `Always-on OpenTelemetry collector (${describeCollector(i.includeAlb)})`);
  lines.push(`  total ${formatUsd(e.collector.usd)} a month; per developer ${formatUsd(e.collectorPerDeveloperUsd)}`);
  const cheaper = e.apiGateway.usd <= e.collector.usd ? "the proxy" : "the collector";
  lines.push("", `Cheaper on these figures: ${cheaper}; the proxy's request charge passes the collector's from ${formatCount(e.breakEvenDevelopers)} developers.`);
  if (e.intervals.notes.length > 0) {
    lines.push("", "Notes");
    for (const note of e.intervals.notes) lines.push(`  - ${note}`);
  }
  lines.push(
    "",
    "Assumptions: metrics export every interval while the tool runs; logs and spans one export per interval while in use",
    "(batch processors export only when they hold data). CloudWatch ingestion (logs, spans and now OTLP metrics) is the same either way and is not counted in the comparison.",
    `Prices: ${[...REST_API_PRICE_SOURCES, ...COLLECTOR_PRICE_SOURCES].map((s) => s.url).join(", ")}.`,
  );
  return lines.join("\n") + "\n";
}

/** A Markdown table with one row per estimate. */
export function formatMarkdownTable(estimates: readonly Estimate[]): string {
  const rows = [
    "| Developers | Tool | Settings | Requests / month | API Gateway / month | per developer | Fargate collector / month | per developer | proxy dearer from |",
    "|---:|---|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const e of estimates) {
    rows.push(
      `| ${formatCount(e.input.developers)} | ${e.profile.name} | ${e.input.preset} (${describeIntervals(e.intervals)}) | ${formatCount(e.total.total)} | ${formatUsd(e.apiGateway.usd)} | ${formatUsd(e.apiGatewayPerDeveloperUsd)} | ${formatUsd(e.collector.usd)} | ${formatUsd(e.collectorPerDeveloperUsd)} | ${formatCount(e.breakEvenDevelopers)} developers |`,
    );
  }
  return rows.join("\n") + "\n";
}

/** The assumptions behind a Markdown table, as a bullet list. */
export function formatMarkdownAssumptions(sample: Estimate): string {
  const i = sample.input;
  return [
    `- Usage: ${i.activeHoursPerDay} h a day in use, ${i.runningHoursPerDay} h a day running, ${i.daysPerMonth} days a month per developer.`,
    `- Fargate: ${describeCollector(i.includeAlb)}; $${FARGATE_US_EAST_1.usdPerVcpuHour} per vCPU-hour, $${FARGATE_US_EAST_1.usdPerGbHour} per GB-hour (us-east-1, Linux/x86).`,
    `- ${otlpMetricsChargeLine(sample.total.metrics)}`,
    ...sample.intervals.notes.map((n) => `- ${n}`),
  ].join("\n") + "\n";
}
