import { diag, DiagLogLevel } from "@opentelemetry/api";
import { createInterface } from "readline";
import { encoded, exportWith, ExportResultCode, itemCount, makeTelemetry, Protocol, Signal } from "./telemetry";

/** A command to the worker: export one signal's items through `endpoint`. */
export interface ExportCommand {
  readonly id: number;
  readonly signal: Signal;
  readonly protocol: Protocol;
  readonly gzip: boolean;
  readonly endpoint: string;
  readonly apiKey: string;
}

/** The worker's answer: what the exporter's callback saw, and what it encoded. */
export interface ExportReply {
  readonly id: number;
  readonly success: boolean;
  readonly error?: string;
  /** The request body the exporter encoded (before compression), base64. */
  readonly encodedBase64: string;
  readonly itemCount: number;
  /** What the SDK warned about during the export (its diag logger at WARN), one line each. */
  readonly warnings: string[];
}

// The exporters report partial successes and unreadable answers only through diag.warn: collect them per export.
let warnings: string[] = [];
const describe = (arg: unknown) =>
  arg instanceof Error ? arg.message : typeof arg === "string" ? arg : arg instanceof Uint8Array ? `<${arg.length} bytes>` : JSON.stringify(arg);
const collect = (...args: unknown[]) => warnings.push(args.map(describe).join(" "));
diag.setLogger({ error: collect, warn: collect, info: () => undefined, debug: () => undefined, verbose: () => undefined }, DiagLogLevel.WARN);

// One JSON command per stdin line, one JSON reply per stdout line, until stdin closes.
const lines = createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  const command = JSON.parse(line) as ExportCommand;
  const telemetry = await makeTelemetry();
  warnings = [];
  const result = await exportWith(command.signal, command.protocol, command.endpoint, command.apiKey, command.gzip, telemetry);
  const reply: ExportReply = {
    id: command.id,
    success: result.code === ExportResultCode.SUCCESS,
    error: result.error ? String(result.error.message ?? result.error) : undefined,
    encodedBase64: encoded(command.signal, command.protocol, telemetry).toString("base64"),
    itemCount: itemCount(command.signal, telemetry),
    warnings,
  };
  process.stdout.write(`${JSON.stringify(reply)}\n`);
});
