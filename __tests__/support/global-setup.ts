import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * Jest global setup: every temporary folder of the run (synthesized stacks, plans, moto's logs, Terraform's own) goes
 * under one folder, which the global teardown removes, so a run leaves nothing behind. Workers, and the processes they
 * start, inherit TMPDIR, which os.tmpdir() and Terraform read. Both projects call it; the first one makes the folder.
 */
export default function globalSetup(): void {
  if (process.env.OTLP_PROXY_TEST_RUN_DIR) return;
  const runDir = mkdtempSync(join(tmpdir(), "otlp-proxy-test-run-"));
  process.env.TMPDIR = runDir;
  process.env.OTLP_PROXY_TEST_RUN_DIR = runDir;
}
