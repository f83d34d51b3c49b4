import * as path from "path";
import { Worker } from "worker_threads";
import { SendOptions, RouteResult } from "../../src/tools/smoke/send-signals";
import { CliRun, Job } from "./node-context-worker";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Runs smoke-test code in a worker thread, outside Jest's module VM: the OTLP exporters load `http` with a dynamic
 * `import()`, which Jest's VM refuses without `--experimental-vm-modules`. One worker serves every job of a test file,
 * so ts-node compiles the code once.
 */
export class NodeContext {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  constructor(env: Readonly<Record<string, string | undefined>> = process.env) {
    const bootstrap = [
      `require("ts-node").register({ transpileOnly: true, project: ${JSON.stringify(path.join(ROOT, "tsconfig.json"))} });`,
      `require(${JSON.stringify(path.join(__dirname, "node-context-worker.ts"))});`,
    ].join("\n");
    this.worker = new Worker(bootstrap, { eval: true, env: { ...env } });
    this.worker.on("message", ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error !== undefined) waiting?.reject(new Error(error));
      else waiting?.resolve(result);
    });
    this.worker.on("error", (error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
  }

  /** `sendSmokeTelemetry` in the worker. */
  send(options: SendOptions): Promise<RouteResult[]> {
    return this.post({ kind: "send", options }) as Promise<RouteResult[]>;
  }

  /** `runSmokeCli` in the worker, with fast timeouts unless given. */
  cli(
    argv: readonly string[],
    { env = {}, exportTimeoutMillis = 500, pollIntervalMillis = 100 }: Partial<Omit<Extract<Job, { kind: "cli" }>, "kind" | "argv">> = {},
  ): Promise<CliRun> {
    return this.post({ kind: "cli", argv, env, exportTimeoutMillis, pollIntervalMillis }) as Promise<CliRun>;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private post(job: Job): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, job });
    });
  }
}
