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
}

// One JSON command per stdin line, one JSON reply per stdout line, until stdin closes.
const lines = createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  const command = JSON.parse(line) as ExportCommand;
  const telemetry = await makeTelemetry();
  const result = await exportWith(command.signal, command.protocol, command.endpoint, command.apiKey, command.gzip, telemetry);
  const reply: ExportReply = {
    id: command.id,
    success: result.code === ExportResultCode.SUCCESS,
    error: result.error ? String(result.error.message ?? result.error) : undefined,
    encodedBase64: encoded(command.signal, command.protocol, telemetry).toString("base64"),
    itemCount: itemCount(command.signal, telemetry),
  };
  process.stdout.write(`${JSON.stringify(reply)}\n`);
});
