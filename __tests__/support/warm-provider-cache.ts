import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { terraformOk } from "./terraform-cli";

/**
 * Jest global setup: installs hashicorp/aws 5.100.0 into the tests' plugin cache once, before the workers start.
 * Terraform's plugin cache is not safe for concurrent first installs (two inits in a fresh clone raced to create the
 * same cache folder, "file exists"); once warm, inits only link from it.
 */
export default function warmProviderCache(): void {
  const dir = mkdtempSync(join(tmpdir(), "otlp-proxy-provider-cache-"));
  writeFileSync(
    join(dir, "main.tf.json"),
    JSON.stringify({ terraform: { required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } } } }),
  );
  terraformOk(dir, ["init", "-backend=false", "-input=false"]);
}
