/**
 * One dashboard widget before it is placed: its type, size and properties.
 * Source: CloudWatch API Reference, "Dashboard Body Structure and Syntax" (widgets array: `type`, `x`, `y`, `width`
 * 1–24, `height` 1–1000, `properties`); `chart` is the PromQL widget ("Properties of a Chart Widget Object"). The
 * properties each type may carry are in ./documented-properties.ts.
 */
export interface Widget {
  readonly type: "metric" | "log" | "text" | "alarm" | "chart";
  readonly width: number;
  readonly height: number;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A widget with its place on the 24-column grid. */
export interface PlacedWidget extends Widget {
  readonly x: number;
  readonly y: number;
}

/** The dashboard grid's width in columns. */
export const GRID_COLUMNS = 24;

/** A full-width markdown heading that starts a section. */
export function heading(markdown: string): Widget {
  return { type: "text", width: GRID_COLUMNS, height: 1, properties: { markdown } };
}

/** A markdown note. */
/**
 * How far back a dashboard opens: the last day. With `periodOverride: "inherit"`, each graph keeps its own period.
 * Source: CloudWatch API Reference, "Dashboard Body Structure and Syntax" (`start`, `periodOverride`, `widgets`).
 */
export const DASHBOARD_START = "-PT24H";

/** The alarm status widget, full width at the top: `alarms` are the alarms' ARNs. */
export function alarmWidget(alarms: readonly string[]): Widget {
  return { type: "alarm", width: GRID_COLUMNS, height: 2, properties: { title: "Alarms", alarms } };
}

export function note(markdown: string, width: number = GRID_COLUMNS, height = 2): Widget {
  return { type: "text", width, height, properties: { markdown } };
}

/**
 * Places widgets left to right, wrapping to a new row when the next one does not fit; a full-width widget always
 * starts its own row. Pure, so the layout can be tested and documented without synthesis.
 */
export function layOut(widgets: readonly Widget[]): PlacedWidget[] {
  const placed: PlacedWidget[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const widget of widgets) {
    if (x + widget.width > GRID_COLUMNS) {
      y += rowHeight;
      x = 0;
      rowHeight = 0;
    }
    placed.push({ type: widget.type, x, y, width: widget.width, height: widget.height, properties: widget.properties });
    x += widget.width;
    rowHeight = Math.max(rowHeight, widget.height);
  }
  return placed;
}
