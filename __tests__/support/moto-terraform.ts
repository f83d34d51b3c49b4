import { writeFileSync } from "fs";
import { join } from "path";

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

/** An aws provider block that talks to moto: its endpoint for every service and dummy credentials. */
export function motoProvider(endpoint: string, region: string, alias?: string): Record<string, unknown> {
  return {
    ...(alias ? { alias } : {}),
    region,
    access_key: "testing",
    secret_key: "testing",
    skip_credentials_validation: true,
    skip_metadata_api_check: true,
    skip_requesting_account_id: true,
    endpoints: [Object.fromEntries(MOTO_SERVICES.map((service) => [service, endpoint]))],
  };
}
