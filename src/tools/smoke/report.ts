import { SIGNALS, Signal } from "../../infra/otlp/signals";
import { ArrivalResult } from "./verify-arrival";
import { RouteResult } from "./send-signals";
import { diagnose } from "./troubleshooting";

const SIGNAL_COLUMN = 9;
const INDENT = " ".repeat(2 + SIGNAL_COLUMN);
/** Bodies are shown on one line, cut to this length. */
const MAX_DETAIL_CHARS = 300;

/** The run's header: where it sends and the marker to search for by hand. */
export function formatHeader(endpoint: string, marker: string, protocol: string, exportTimeoutMillis: number): string {
  return [
    "OTLP proxy smoke test",
    `  endpoint  ${endpoint}`,
    `  marker    ${marker}`,
    `  protocol  ${protocol}`,
    "",
    `Routes (the exporters retry 429, 502, 503, 504 and network errors for up to ${exportTimeoutMillis / 1000} s)`,
    "",
  ].join("\n");
}

/** One line per route with its status; a failed route also gets the answer, the likely cause and the fix. */
export function formatRoute(result: RouteResult, endpoint: string): string {
  const status = result.status === undefined ? "no answer" : String(result.status);
  const retried = result.answers > 1 ? ` after ${result.answers} attempts` : "";
  const head = `  ${result.signal.padEnd(SIGNAL_COLUMN)}POST ${result.url}  ${status}${retried}  ${result.ok ? "ok" : "FAILED"}\n`;
  if (result.ok) return head;
  const { cause, fix } = diagnose({ ...result, endpoint });
  const detail = oneLine(result.errorCode && !result.detail?.includes(result.errorCode) ? `${result.errorCode} ${result.detail ?? ""}` : result.detail);
  return [head, detail ? `${INDENT}answer: ${detail}\n` : "", `${INDENT}cause:  ${cause}\n`, `${INDENT}fix:    ${fix}\n`].join("");
}

/** The CloudWatch section of a `--verify` run; `skipped` are the signals whose route failed, so were not looked for. */
export function formatArrivals(results: readonly ArrivalResult[], region: string, skipped: readonly Signal[]): string {
  const all: ArrivalResult[] = [...results, ...skipped.map((signal) => ({ signal, status: "not-checked" as const, detail: "its route failed" }))];
  const lines = all.sort(bySignal).map((result) => {
    const label = `  ${result.signal.padEnd(SIGNAL_COLUMN)}`;
    const where = result.where ? ` in ${result.where}` : "";
    switch (result.status) {
      case "arrived":
        return `${label}arrived${where} after ${result.afterSeconds ?? 0} s`;
      case "missing":
        return `${label}MISSING${where}: ${result.detail ?? ""}`;
      case "not-checked":
        return `${label}not checked: ${result.detail ?? ""}`;
      case "error":
        return `${label}COULD NOT CHECK${where}: ${result.detail ?? ""}`;
    }
  });
  return `\nIn CloudWatch (${region})\n${lines.join("\n")}\n`;
}

function oneLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat === "") return undefined;
  return flat.length > MAX_DETAIL_CHARS ? `${flat.slice(0, MAX_DETAIL_CHARS)}...` : flat;
}

function bySignal(a: { readonly signal: Signal }, b: { readonly signal: Signal }): number {
  return SIGNALS.indexOf(a.signal) - SIGNALS.indexOf(b.signal);
}
