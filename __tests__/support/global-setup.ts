import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/** What to undo if the run is interrupted (Ctrl-C), when Jest skips the global teardown; last in, first out. */
const onInterrupt: Array<() => void> = [];

/** Runs `cleanup` if the run is interrupted before its teardown (see {@link globalSetup}). */
export function cleanUpOnInterrupt(cleanup: () => void): void {
  onInterrupt.unshift(cleanup);
}

/**
 * Jest global setup: every temporary folder of the run (synthesized stacks, plans, moto's logs, Terraform's own) goes
 * under one folder, which the global teardown removes, so a run leaves nothing behind; an interrupted run removes it
 * on its way out. Workers, and the processes they start, inherit TMPDIR, which os.tmpdir() and Terraform read. Both
 * projects call it; the first one makes the folder.
 */
export default function globalSetup(): void {
  if (process.env.OTLP_PROXY_TEST_RUN_DIR) return;
  const runDir = mkdtempSync(join(tmpdir(), "otlp-proxy-test-run-"));
  process.env.TMPDIR = runDir;
  process.env.OTLP_PROXY_TEST_RUN_DIR = runDir;
  cleanUpOnInterrupt(() => rmSync(runDir, { recursive: true, force: true }));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const cleanup of onInterrupt.splice(0)) {
        try {
          cleanup();
        } catch {
          // The next cleanup still runs.
        }
      }
      process.kill(process.pid, signal);
    });
  }
}
