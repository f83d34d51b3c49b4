import { rmSync } from "fs";

/** Jest global teardown: removes the run's temporary folder (see global-setup.ts). */
export default function globalTeardown(): void {
  const runDir = process.env.OTLP_PROXY_TEST_RUN_DIR;
  if (runDir) rmSync(runDir, { recursive: true, force: true });
}
