import { rmSync } from "fs";
import { stopSharedModulePlan } from "./shared-module-plan";

/**
 * Jest global teardown: stops the shared module plan if it still runs (shared-module-plan.ts), then removes the run's
 * temporary folder (see global-setup.ts).
 */
export default async function globalTeardown(): Promise<void> {
  await stopSharedModulePlan();
  const runDir = process.env.OTLP_PROXY_TEST_RUN_DIR;
  if (runDir) rmSync(runDir, { recursive: true, force: true });
}
