import { parentPort } from "worker_threads";
import { runSmokeCli } from "../../src/tools/smoke/run-smoke";
import { SendOptions, sendSmokeTelemetry } from "../../src/tools/smoke/send-signals";

/** A job for the worker: send telemetry, or run the CLI with its output captured. */
export type Job =
  | { readonly kind: "send"; readonly options: SendOptions }
  | {
      readonly kind: "cli";
      readonly argv: readonly string[];
      readonly env: Readonly<Record<string, string | undefined>>;
      readonly exportTimeoutMillis: number;
      readonly pollIntervalMillis: number;
    };

/** What the CLI printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(job: Job): Promise<unknown> {
  if (job.kind === "send") return sendSmokeTelemetry(job.options);
  let stdout = "";
  let stderr = "";
  const code = await runSmokeCli(job.argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: job.env,
    exportTimeoutMillis: job.exportTimeoutMillis,
    pollIntervalMillis: job.pollIntervalMillis,
  });
  return { code, stdout, stderr } satisfies CliRun;
}

parentPort?.on("message", ({ id, job }: { id: number; job: Job }) => {
  run(job).then(
    (result) => parentPort?.postMessage({ id, result }),
    (error: unknown) => parentPort?.postMessage({ id, error: String((error as Error).stack ?? error) }),
  );
});
