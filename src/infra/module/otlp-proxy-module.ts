import { ALL_RULES, CrossRule } from "../settings/rules";
import { Block, renderBlocks } from "./hcl/hcl-block";
import { AWS_PROVIDER_REQUIREMENT, TERRAFORM_REQUIREMENT } from "./module-requirements";
import { variableBlocks } from "./module-variables";
import { alarmBlocks } from "./parts/alarms";
import { ApiChanges } from "./parts/api-changes";
import { apiBlocks } from "./parts/api";
import { dashboardBlocks } from "./parts/dashboard";
import { domainBlocks } from "./parts/domain";
import { loggingBlocks } from "./parts/logging";
import { movedBlocks } from "./parts/moved";
import { outputBlocks } from "./parts/outputs";
import { teamBlocks } from "./parts/teams";
import { transactionSearchBlocks } from "./parts/transaction-search";
import { moduleMessage } from "./rule-validations";

/** The module's Terraform files by name, each a list of blocks. */
export type ModuleBlocks = Readonly<Record<(typeof TERRAFORM_FILES)[number], readonly Block[]>>;

/** The module's Terraform files, one per concern. */
export const TERRAFORM_FILES = [
  "versions.tf",
  "variables.tf",
  "main.tf",
  "logging.tf",
  "teams.tf",
  "domain.tf",
  "alarms.tf",
  "dashboard.tf",
  "transaction-search.tf",
  "outputs.tf",
  "moved.tf",
] as const;

/**
 * The only definition of the proxy's resources: the OTLP proxy for one region as a plain Terraform module, with input
 * variables for the settings, no provider and no backend, and `count`/`for_each` wherever a setting changes what
 * exists. Every region stack calls it (src/infra/stacks/region-stack.ts); it is committed in modules/otlp-proxy/.
 * Addresses are its public contract: `module.otlp_proxy.aws_api_gateway_method.post["metrics"]`.
 */
export function moduleBlocks(): ModuleBlocks {
  // Rules across variables, checked at plan on the REST API (a variable's validation sees only itself in Terraform 1.5).
  const preconditions = ALL_RULES.filter((rule): rule is CrossRule<unknown> => rule.kind === "precondition").map((rule) => ({
    condition: rule.hcl,
    errorMessage: moduleMessage(rule),
  }));
  const changes = new ApiChanges();
  const api = apiBlocks(changes, preconditions);
  return {
    "versions.tf": [
      new Block("terraform", [], {
        required_version: TERRAFORM_REQUIREMENT,
        required_providers: new Block("required_providers", [], { aws: { ...AWS_PROVIDER_REQUIREMENT } }),
      }),
    ],
    "variables.tf": variableBlocks(),
    "main.tf": api,
    "logging.tf": loggingBlocks(),
    "teams.tf": teamBlocks(),
    "domain.tf": domainBlocks(changes),
    "alarms.tf": alarmBlocks(),
    "dashboard.tf": dashboardBlocks(),
    "transaction-search.tf": transactionSearchBlocks(),
    "outputs.tf": outputBlocks(),
    "moved.tf": movedBlocks(),
  };
}

/** The module's HCL files, by name. */
export function moduleHcl(blocks: ModuleBlocks = moduleBlocks()): Record<string, string> {
  return Object.fromEntries(TERRAFORM_FILES.map((name) => [name, renderBlocks(blocks[name])]));
}
