import { ModuleCalls } from "../support/shared-module-plan";

/** Every input that gives a resource a name. */
const everything = {
  teams: [{ name: "default" }, { name: "data" }],
  access_logs: true,
  alarms: { emails: ["oncall@example.com"] },
  transaction_search: { enabled: true },
};

/** The module calls of name-prefix.terraform.test.ts. */
export default {
  prefixed: { region: "ap-southeast-2", inputs: { ...everything, name_prefix: "staging-otlp" } },
  unprefixed: { region: "ap-southeast-2", inputs: everything },
} satisfies ModuleCalls;
