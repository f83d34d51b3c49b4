import { ChildProcessWithoutNullStreams, spawn } from "child_process";
import { join } from "path";
import { createInterface } from "readline";
import type { ExportCommand, ExportReply } from "./exporter-worker";
import { PROJECT_ROOT } from "../../support/project";

/**
 * Real OpenTelemetry exporters, run in a child Node process (see telemetry.ts for why), one export per call.
 */
export class ExporterClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, { resolve: (reply: ExportReply) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private stderr = "";

  constructor() {
    this.child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", join(__dirname, "exporter-worker.ts")], { cwd: PROJECT_ROOT });
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout }).on("line", (line) => {
      const reply = JSON.parse(line) as ExportReply;
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    this.child.on("exit", (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`exporter worker exited with ${code}: ${this.stderr}`));
      this.pending.clear();
    });
  }

  /** Exports the worker's fixed telemetry for one signal and resolves with the exporter's result. */
  export(command: Omit<ExportCommand, "id">): Promise<ExportReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(`${JSON.stringify({ ...command, id })}\n`);
    });
  }

  /** Ends the worker. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once("exit", () => resolve());
      this.child.stdin.end();
    });
  }
}
