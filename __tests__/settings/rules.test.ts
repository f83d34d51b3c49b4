import { MODULE_VARIABLES } from "../../src/infra/module/module-variables";
import { moduleMessage, moduleSpell, ruleVariable, validationCondition } from "../../src/infra/module/rule-validations";
import { ALL_RULES, RULES, settingsAllowed, settingsSpell, ValueRule } from "../../src/infra/settings/rules";
import { committedModule } from "../support/plan-module";

// The one table of rules (src/infra/settings/rules.ts): the module's validation blocks and preconditions are made from it and
// from nothing else; rules-parity.terraform.test.ts plans them against every bad value of the settings tests.
describe("the rules table", () => {
  const valueRules = ALL_RULES.filter((rule): rule is ValueRule => rule.kind === "value");
  const module = committedModule();
  const declared = module.variables.variable as Record<string, { validation?: { condition: string; error_message: string }[] }>;
  const api = module.main.resource.aws_api_gateway_rest_api.api;

  test("puts every value rule on a variable the module declares", () => {
    const names = MODULE_VARIABLES.map((v) => v.name);
    for (const rule of valueRules) expect([rule.setting, names.includes(ruleVariable(rule))]).toEqual([rule.setting, true]);
  });

  test("is every validation block of the module, in table order, and nothing else", () => {
    const fromTable = valueRules.map((rule) => ({ variable: ruleVariable(rule), condition: `\${${validationCondition(rule)}}`, error_message: moduleMessage(rule) }));
    const inModule = Object.entries(declared).flatMap(([variable, block]) => (block.validation ?? []).map((v) => ({ variable, ...v })));
    const byVariable = (list: { variable: string }[]) => [...list].sort((a, b) => a.variable.localeCompare(b.variable));
    expect(byVariable(inModule)).toEqual(byVariable(fromTable));
  });

  test("is every precondition of the module's REST API, and nothing else", () => {
    const crossRules = ALL_RULES.filter((rule) => rule.kind === "precondition");
    expect(api.lifecycle.precondition).toEqual(crossRules.map((rule) => ({ condition: `\${${rule.hcl}}`, error_message: moduleMessage(rule) })));
  });

  test("writes HCL regular expressions Terraform (RE2) can read: no lookaround, no backreference", () => {
    for (const v of Object.values(declared)) {
      for (const { condition } of v.validation ?? []) {
        for (const [, pattern] of condition.matchAll(/regex\("((?:[^"\\]|\\.)*)"/g)) expect(pattern).not.toMatch(/\(\?[=!<]|\\[1-9]/);
      }
    }
  });

  test("says the same allowed text to both sides, each spelling setting names its own way", () => {
    expect(settingsAllowed(RULES.throttleBurstAtLeastRate)).toBe("at least throttle.rateLimit, so one second of traffic fits in a burst");
    expect(moduleMessage(RULES.throttleBurstAtLeastRate)).toBe("throttle.burst_limit: at least throttle.rate_limit, so one second of traffic fits in a burst.");
    expect(moduleMessage(RULES.teamQuotaLimit)).toBe(`teams[*].quota.limit: ${settingsAllowed(RULES.teamQuotaLimit)}.`);
    expect(settingsSpell("teams[].quota?.limit")).toBe("teams[].quota.limit");
    expect(moduleSpell("alarms.topicArns{}")).toBe("alarms.topic_arns[*]");
    expect(moduleSpell("tags{key}")).toBe("tags");
  });

  test("walks lists, maps and optional members in HCL as the parser does in TypeScript", () => {
    expect(validationCondition(RULES.teamQuotaPeriod)).toBe(
      'alltrue([for item0 in var.teams : item0.quota == null ? true : (contains(["DAY", "WEEK", "MONTH"], item0.quota.period))])',
    );
    expect(validationCondition(RULES.basePath)).toBe('var.base_path == null ? true : (can(regex("^[A-Za-z0-9._-]{1,128}$", var.base_path)))');
    expect(validationCondition(RULES.tagKeys)).toMatch(/^alltrue\(\[for key0, value0 in var\.tags : can\(regex\(.*, key0\)\) && !startswith\(key0, "aws:"\)\]\)$/);
    expect(validationCondition(RULES.alarmTopicArn)).toContain('for key1, value1 in var.alarms.topic_arns : can(regex("^arn:aws:sns:${key1}:');
  });

  test.each([
    ["a team's burst below its rate", RULES.teamBurstAtLeastRate.check({ rateLimit: 50, burstLimit: 10 }), false],
    ["a bad tag name", RULES.tagKeys.check("bad tag!"), false],
    ["a tag name with spaces and a colon", RULES.tagKeys.check("team name:x"), true],
    ["a quota above AWS's limit", RULES.teamQuotaLimit.check(2_147_483_648), false],
    ["a base path without a domain", RULES.basePathNeedsDomain.check({ basePath: "otlp", disableExecuteApiEndpoint: false }), false],
    ["a base path with a domain", RULES.basePathNeedsDomain.check({ basePath: "otlp", domainName: "otlp.example.com", disableExecuteApiEndpoint: false }), true],
  ])("checks %s in TypeScript", (_name, result, expected) => {
    expect(result).toBe(expected);
  });
});
