import { mkdirSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import globalSetup from "./global-setup";
import { startSharedModulePlan } from "./shared-module-plan";
import { terraformOk } from "./terraform-cli";

/**
 * Jest global setup of the suites that run Terraform (`*.terraform.test.ts`), and only of them: the run's temporary
 * folder (global-setup.ts), then hashicorp/aws 5.100.0 installed into the tests' plugin cache once, before the workers
 * start. Terraform's plugin cache is not safe for concurrent first installs (two inits in a fresh clone raced to
 * create the same cache folder, "file exists"); once warm, inits only link from it. Then the plan of every module call
 * the selected suites declare starts in the background (shared-module-plan.ts).
 */
export default function terraformGlobalSetup(globalConfig?: { testPathPattern?: string }): void {
  globalSetup();
  const dir = join(process.env.OTLP_PROXY_TEST_RUN_DIR!, "provider-cache-warm-up");
  mkdirSync(dir);
  writeFileSync(
    join(dir, "main.tf.json"),
    JSON.stringify({ terraform: { required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } } } }),
  );
  terraformOk(dir, ["init", "-backend=false", "-input=false"]);
  rmSync(dir, { recursive: true, force: true });
  startSharedModulePlan(globalConfig?.testPathPattern ?? "");
}
