import { writeFileSync } from "fs";
import { join } from "path";
import { offlineProvider } from "./terraform-cli";

/** AWS services the stacks call, which Terraform must send to moto instead. */
export const MOTO_SERVICES = ["apigateway", "cloudformation", "cloudwatch", "iam", "logs", "route53", "sns", "sts", "wafv2", "xray"];

/**
 * Points a synthesized stack at moto with a Terraform override file, leaving `cdk.tf.json` itself untouched:
 * moto's endpoint for every service and dummy credentials. The stack's own backend stays.
 */
export function writeMotoOverride(stackDir: string, endpoint: string, region: string): void {
  const override = { provider: { aws: motoProvider(endpoint, region) } };
  writeFileSync(join(stackDir, "moto_override.tf.json"), JSON.stringify(override, null, 2));
}

/** An aws provider block that talks to moto: the offline block's dummy credentials, and moto's endpoint for every service. */
export function motoProvider(endpoint: string, region: string, alias?: string): Record<string, unknown> {
  return {
    ...offlineProvider(region, alias),
    access_key: "testing",
    secret_key: "testing",
    endpoints: [Object.fromEntries(MOTO_SERVICES.map((service) => [service, endpoint]))],
  };
}
