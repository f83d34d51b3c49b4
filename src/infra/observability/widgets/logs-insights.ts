import { Widget } from "./widget";

/** Logs Insights visualisations a log widget takes (Dashboard Body Structure, "Properties of a Log Widget Object"). */
export type LogView = "table" | "timeSeries" | "bar" | "pie";

/**
 * A Logs Insights widget. Its `query` starts with `SOURCE '<log group>'`, as the log widget requires, then the query
 * lines joined with ` | `.
 */
export function logsInsightsWidget(options: {
  readonly title: string;
  readonly region: string;
  readonly logGroupName: string;
  readonly lines: readonly string[];
  readonly view?: LogView;
  readonly width?: number;
}): Widget {
  return {
    type: "log",
    width: options.width ?? 12,
    height: 6,
    properties: {
      title: options.title,
      region: options.region,
      view: options.view ?? "table",
      query: logsInsightsQuery(options.logGroupName, options.lines),
    },
  };
}

/** `SOURCE '<group>' | line | line`: the text a log widget's `query` holds. */
export function logsInsightsQuery(logGroupName: string, lines: readonly string[]): string {
  return [`SOURCE '${logGroupName}'`, ...lines].join(" | ");
}
