import { ModuleCalls } from "../support/shared-module-plan";

/** The module calls of transaction-search.terraform.test.ts. */
export default {
  // The module's defaults, a call other suites plan too
  byDefault: {},
  enabled: { region: "us-east-1", inputs: { transaction_search: { enabled: true, indexing_percentage: 10 } } },
  listedElsewhere: { region: "us-east-1", inputs: { transaction_search: { enabled: true, regions: ["eu-west-1"] } } },
  listedHere: { region: "eu-west-1", inputs: { transaction_search: { enabled: true, regions: ["eu-west-1"] } } },
} satisfies ModuleCalls;
