/**
 * Terraform expressions inside plain values. The project's pure tables and builders (status mappings, IAM statements,
 * gateway-response messages, alarm specs, dashboard widgets, client snippets) take strings and numbers; the module
 * passes them {@link tfExpr} placeholders instead of values it only knows at plan time (`var.stage_name`,
 * `aws_cloudwatch_log_group.otlp_logs.arn`), then renders their output as an HCL expression with {@link hcl}, where
 * each placeholder becomes the expression it stands for. So the module reuses the builders, and cannot drift from them.
 */

const OPEN = "\uE000";
const CLOSE = "\uE001";
/** The ASCII form, for builders that treat text by its characters (shell quoting leaves `__tfexpr7__` bare). */
const ASCII_OPEN = "__tfexpr";
const ASCII_CLOSE = "__";
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}|${ASCII_OPEN}(\\d+)${ASCII_CLOSE}`, "g");
const expressions: string[] = [];

/**
 * A placeholder for a Terraform expression, usable wherever a builder takes a string; inside a longer string it is
 * interpolated (`"https://${var.domain_name}"`), on its own it is the expression itself (any type).
 */
export function tfExpr(expression: string, form: "private-use" | "ascii" = "private-use"): string {
  expressions.push(expression);
  const index = expressions.length - 1;
  return form === "ascii" ? `${ASCII_OPEN}${index}${ASCII_CLOSE}` : `${OPEN}${index}${CLOSE}`;
}

function expressionOf(match: RegExpExecArray | RegExpMatchArray): string {
  return expressions[Number(match[1] ?? match[2])];
}

/** The same placeholder typed as a number, for builders that take numbers (thresholds, periods). */
export function tfNumber(expression: string): number {
  return tfExpr(expression) as unknown as number;
}

/**
 * A value as an HCL expression: objects and lists as constructors, strings as quoted templates (literal `${` and `%{`
 * escaped), placeholders as their expressions.
 */
export function hcl(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return stringExpression(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(hcl).join(", ")}]`;
  if (typeof value === "object") {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => `${JSON.stringify(key)} = ${hcl(member)}`);
    return `{ ${members.join(", ")} }`;
  }
  throw new Error(`Cannot write ${typeof value} as an HCL expression`);
}

/** `${<expression>}`: a whole attribute value written in Terraform's JSON syntax, keeping the expression's type. */
export function tf(expression: string): string {
  return `\${${expression}}`;
}

/** {@link hcl} wrapped for an attribute in Terraform's JSON syntax. */
export function tfValue(value: unknown): string {
  return tf(hcl(value));
}

function stringExpression(value: string): string {
  const whole = new RegExp(`^(?:${PLACEHOLDER.source})$`).exec(value);
  if (whole) return expressionOf(whole);
  let out = "";
  let last = 0;
  for (const match of value.matchAll(PLACEHOLDER)) {
    out += escapeLiteral(value.slice(last, match.index));
    out += `\${${expressionOf(match)}}`;
    last = match.index! + match[0].length;
  }
  out += escapeLiteral(value.slice(last));
  return `"${out}"`;
}

/** A literal part of a quoted template: JSON-style escapes (HCL shares them) and template sequences doubled. */
function escapeLiteral(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

/**
 * A string with placeholders as a template in Terraform's JSON syntax (`"'${aws_cloudwatch_log_group.otlp_logs.name}'"`):
 * literal parts keep their text, with `${` and `%{` doubled.
 */
export function tfTemplate(value: string): string {
  const whole = new RegExp(`^(?:${PLACEHOLDER.source})$`).exec(value);
  if (whole) return tf(expressionOf(whole));
  let out = "";
  let last = 0;
  for (const match of value.matchAll(PLACEHOLDER)) {
    out += value.slice(last, match.index).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
    out += tf(expressionOf(match));
    last = match.index! + match[0].length;
  }
  return out + value.slice(last).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

/**
 * Where a list-building function puts its items: given its text for no item, one item and two items, the text before
 * and after the items, one item's text and the separator. Lets the module turn a message a builder writes for a fixed
 * list (the routes, the teams) into a Terraform `join` over a variable list without copying the builder's wording.
 */
export function listSlot(none: string, one: string, two: string): { before: string; item: string; separator: string; after: string } {
  const itemLength = one.length - none.length;
  for (let split = none.length; split >= 0; split--) {
    const before = none.slice(0, split);
    const after = none.slice(split);
    if (!one.startsWith(before) || !one.endsWith(after)) continue;
    const item = one.slice(split, split + itemLength);
    if (!two.startsWith(before + item) || !two.endsWith(item + after)) continue;
    const separator = two.slice(split + itemLength, two.length - after.length - itemLength);
    return { before, item, separator, after };
  }
  throw new Error(`Cannot find the list in ${JSON.stringify(one)}`);
}
