import { TROUBLESHOOTING, TroubleshootingRow } from "./troubleshooting";

/** Renders the troubleshooting rows as the README's Markdown table, so the two never drift apart. */
export function troubleshootingMarkdown(rows: readonly TroubleshootingRow[] = TROUBLESHOOTING): string {
  const lines = [
    "| what the client sees | route | likely cause | fix |",
    "|---|---|---|---|",
    ...rows.map((row) =>
      [
        row.symptom,
        row.signals ? row.signals.join(", ") : "any",
        row.cause.replace(/\{endpoint\}/g, "the endpoint"),
        row.fix,
      ]
        .map(cell)
        .join(" | "),
    ),
  ];
  return lines.map((line) => (line.startsWith("|") ? line : `| ${line} |`)).join("\n") + "\n";
}

/** Pipes would split a cell; inside code spans too, so they are escaped everywhere. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}
