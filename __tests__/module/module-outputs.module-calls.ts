import { ModuleCalls } from "../support/shared-module-plan";

export const CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
export const TEAMS = [{ name: "platform" }, { name: "ops", enabled: false }];

/** The module calls of module-outputs.terraform.test.ts. */
export default {
  teams: { region: "eu-west-1", inputs: { teams: TEAMS } },
  domain: { region: "eu-west-1", inputs: { domain_name: "otlp.example.com", certificate_arn: CERT, base_path: "v" } },
  logsOnly: { region: "eu-west-1", inputs: { signals: ["logs"] } },
} satisfies ModuleCalls;
