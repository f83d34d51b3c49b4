import { CrossRule, Spell, spellOut, ValueRule } from "../settings/rules";

/**
 * The module's half of the rules table (src/infra/settings/rules.ts): how the module names a setting, its
 * error_message, and where a value rule's HCL applies inside a variable. The rules' own HCL conditions stay beside
 * their TypeScript checks in the table, so the two cannot drift apart.
 */

/** How the module names it: snake_case members, `[*]` for any item (`teams[].rateLimit` → `teams[*].rate_limit`). */
export const moduleSpell: Spell = (setting) =>
  setting
    .replace(/\?/g, "")
    .replace(/\{key\}/g, "")
    .replace(/\[\]|\{\}/g, "[*]")
    .replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The module's error_message of a rule: the variable path it names, then the same allowed text. */
export function moduleMessage(rule: ValueRule | CrossRule<any>): string {
  const subject = rule.kind === "precondition" && rule.subject ? rule.subject : moduleSpell(rule.kind === "value" ? (rule.names ?? rule.setting) : rule.setting);
  return `${subject}: ${spellOut(rule.allowed, moduleSpell)}.`;
}

/** The module variable a value rule validates (`teams[].quota?.limit` → `teams`). */
export function ruleVariable(rule: ValueRule): string {
  return moduleSpell(/^[A-Za-z0-9]+/.exec(rule.setting)![0]);
}

/**
 * A value rule's condition for its variable's validation block: the rule's `hcl` applied where `setting` points,
 * inside `for` expressions over lists and maps, and holding where an optional member is null.
 */
export function validationCondition(rule: ValueRule): string {
  const segments = rule.setting.split(".").map((segment) => {
    const m = /^([A-Za-z0-9]+)(\?)?(\[\]|\{\}|\{key\})?$/.exec(segment);
    if (!m) throw new Error(`Rule setting ${rule.setting}: cannot read ${segment}`);
    return { name: moduleSpell(m[1]), optional: m[2] === "?", each: m[3] as "[]" | "{}" | "{key}" | undefined };
  });
  const walk = (expression: string, index: number, key?: string): string => {
    if (index === segments.length) return rule.hcl(expression, key);
    const { name, optional, each } = segments[index];
    const at = index === 0 ? `var.${name}` : `${expression}.${name}`;
    let inner: string;
    if (each === "[]") inner = `alltrue([for item${index} in ${at} : ${walk(`item${index}`, index + 1)}])`;
    else if (each === "{}") inner = `alltrue([for key${index}, value${index} in ${at} : ${walk(`value${index}`, index + 1, `key${index}`)}])`;
    else if (each === "{key}") inner = `alltrue([for key${index}, value${index} in ${at} : ${walk(`key${index}`, index + 1)}])`;
    else inner = walk(at, index + 1, key);
    return optional ? `${at} == null ? true : (${inner})` : inner;
  };
  return walk("", 0);
}
