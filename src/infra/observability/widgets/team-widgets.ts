import { AccessLogSource, DEFAULT_ACCESS_LOG_FIELDS } from "../access-log-fields";
import { logsInsightsWidget } from "./logs-insights";
import { heading, note, Widget } from "./widget";

/** The Logs Insights query lines of the per-team widgets, exported so the README can show them as text. */
export function teamQueries(source: AccessLogSource): Record<"requestsByKey" | "errorsByKey" | "throttledByKey", readonly string[]> {
  const f = source.fields ?? DEFAULT_ACCESS_LOG_FIELDS;
  return {
    requestsByKey: [
      `fields concat(substr(${f.status}, 0, 1), "xx") as statusClass`,
      `stats count(*) as requests by ${f.apiKeyId}, statusClass`,
      `sort requests desc`,
    ],
    errorsByKey: [`filter ${f.status} like /^[45]/`, `stats count(*) as errors by bin(5m), ${f.apiKeyId}`],
    throttledByKey: [`filter ${f.status} like /^429$/`, `stats count(*) as throttled by ${f.apiKeyId}, ${f.resourcePath}`, `sort throttled desc`],
  };
}

/** Requests and errors per team (per API key) from the stage's access logs. */
export function teamWidgets(source: AccessLogSource, region: string): Widget[] {
  const q = teamQueries(source);
  const widgets: Widget[] = [
    heading("## Teams: requests and errors per API key (access logs)"),
    logsInsightsWidget({ title: "Requests per key and status class", region, logGroupName: source.logGroupName, lines: q.requestsByKey, width: 8 }),
    logsInsightsWidget({ title: "4XX and 5XX per key", region, logGroupName: source.logGroupName, lines: q.errorsByKey, view: "timeSeries", width: 8 }),
    logsInsightsWidget({ title: "429 (over the team's limit) per key and route", region, logGroupName: source.logGroupName, lines: q.throttledByKey, width: 8 }),
  ];
  const teams = Object.entries(source.teamApiKeyIds ?? {});
  if (teams.length > 0) widgets.push(teamKeyNote(teams.map(([team, id]) => teamKeyLine(team, id)).join("\n"), Math.min(6, 2 + teams.length)));
  return widgets;
}

/** The note listing each team's key id: `lines` are {@link teamKeyLine}s joined by newlines. */
export function teamKeyNote(lines: string, height: number): Widget {
  return note(`Key ids by team:\n\n${lines}`, 24, height);
}

/** One team's line in {@link teamKeyNote}. */
export function teamKeyLine(team: string, keyId: string): string {
  return `- \`${keyId}\`: ${team}`;
}
