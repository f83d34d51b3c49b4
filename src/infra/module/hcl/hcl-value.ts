/**
 * Values of the module's HCL: literals (strings, numbers, booleans, null, lists, objects) and raw expressions
 * ({@link Expr}: references, function calls, `for` expressions). The project's pure builders (IAM statements, alarm
 * specs, dashboard widgets, client snippets) take strings and numbers; where the module only knows a value at plan
 * time it passes them {@link Expr} objects instead, and their output renders with those expressions in place.
 */

/** A raw HCL expression, written as it is (`var.stage_name`, `aws_iam_role.integration.arn`). */
export class Expr {
  constructor(readonly text: string) {}

  /** Inside a string the expression is interpolated: `${var.domain_name}`. */
  toString(): string {
    return `${OPEN}${hex(this.text)}${CLOSE}`;
  }
}

/**
 * A function call whose one argument is a value laid out like any other (`jsonencode({ ... })` over lines), or, with
 * `spread`, whose arguments are the items of a list, one per line when they do not fit on one (`merge(a, b)`).
 */
export class Call {
  constructor(
    readonly name: string,
    readonly argument: Value,
    readonly spread = false,
  ) {}
}

/** Anything an attribute or a local can hold. */
export type Value = Expr | Call | string | number | boolean | null | undefined | readonly Value[] | { readonly [key: string]: Value };

/** `expr("var.x")`: a raw expression. */
export const expr = (text: string): Expr => new Expr(text);

/** An expression where a builder takes a number (thresholds, periods): it renders as the expression, unquoted. */
export const exprNumber = (text: string): number => new Expr(text) as unknown as number;

/** An expression where a builder takes a string: interpolated inside longer text, the expression itself alone. */
export const exprString = (text: string): string => String(new Expr(text));

/**
 * The same in letters and digits only, for builders that treat text by its characters (shell quoting leaves
 * `__expr<hex>__` bare, so the endpoint of a custom domain, which needs no quotes, gets none).
 */
export const exprAscii = (text: string): string => `${ASCII_OPEN}${hex(text)}${ASCII_CLOSE}`;

// Builders copy strings, and some escape them (JSON.stringify), so an expression inside one travels as a marker that
// carries its text hex-encoded, which no escaping changes: between two private-use characters, or ASCII delimiters.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const ASCII_OPEN = "__expr";
const ASCII_CLOSE = "__";
const MARKER = new RegExp(`${OPEN}((?:[0-9a-f]{2})+)${CLOSE}|${ASCII_OPEN}((?:[0-9a-f]{2})+)${ASCII_CLOSE}`, "g");
const hex = (text: string) => Buffer.from(text, "utf8").toString("hex");

/** The expression a marker carries. */
function markerText(match: RegExpMatchArray | RegExpExecArray): string {
  return Buffer.from(match[1] ?? match[2], "hex").toString("utf8");
}

/** Whether `value` is a plain object (not an expression, a call or a list). */
export function isObject(value: unknown): value is { readonly [key: string]: Value } {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Expr) && !(value instanceof Call);
}

/**
 * A string's parts in order: literal text, and the expressions its markers carry. Both syntaxes write a string from
 * them (HCL here; Terraform's JSON syntax in the tests' view of the module).
 */
export function templateParts(value: string): (string | Expr)[] {
  const parts: (string | Expr)[] = [];
  let last = 0;
  for (const match of value.matchAll(MARKER)) {
    parts.push(value.slice(last, match.index), new Expr(markerText(match)));
    last = match.index! + match[0].length;
  }
  return [...parts, value.slice(last)].filter((part) => part !== "");
}

/** A string as HCL: a quoted template with literal `${` and `%{` escaped, or the expression itself when it is one. */
export function stringHcl(value: string): string {
  const parts = templateParts(value);
  if (parts.length === 1 && parts[0] instanceof Expr) return parts[0].text;
  return `"${parts.map((part) => (part instanceof Expr ? `\${${part.text}}` : escapeLiteral(part))).join("")}"`;
}

/** A literal part of a quoted template: JSON-style escapes (HCL shares them) and template sequences doubled. */
function escapeLiteral(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function keyHcl(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : stringHcl(key);
}

/** A value on one line: objects as `{ a = 1, b = 2 }`, lists as `[1, 2]`. */
export function oneLine(value: Value): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Expr) return value.text;
  if (value instanceof Call) return `${value.name}(${value.spread ? (value.argument as Value[]).map(oneLine).join(", ") : oneLine(value.argument)})`;
  if (typeof value === "string") return stringHcl(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(oneLine).join(", ")}]`;
  const members = Object.entries(value as Record<string, Value>).filter(([, member]) => member !== undefined);
  return members.length === 0 ? "{}" : `{ ${members.map(([key, member]) => `${keyHcl(key)} = ${oneLine(member)}`).join(", ")} }`;
}
