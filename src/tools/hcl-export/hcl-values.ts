import { HclExportError } from "./hcl-export-error";
import { heredocTemplate, quotedLiteral, quotedTemplate, soleInterpolation } from "./hcl-template-string";

/**
 * How Terraform reads the strings of a JSON value: `template` for expressions (arguments, outputs, locals), where
 * `${...}` interpolates; `literal` where Terraform reads the JSON as a plain value (a variable's default, backend
 * settings, descriptions), so `${` must stay text in HCL too.
 */
export type StringMode = "template" | "literal";

/** Where a value is written: after `name =` (a multi-line string may become a heredoc there), or in a list. */
type Position = "attribute" | "element";

const INDENT = "  ";
/** Lists of simple values no longer than this stay on one line. */
const INLINE_LIST_MAX_CHARS = 100;
/** HCL identifiers that an object key must not be written as bare (a `for` key would start a for expression). */
const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if"]);

/**
 * A JSON value as an HCL expression. Nested lines are indented from `indent`; the first line has none.
 * @param where the configuration path of the value, for error messages
 */
export function renderValue(value: unknown, mode: StringMode, where: string, indent = "", position: Position = "attribute"): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new HclExportError(`${where}: ${value} is not a number Terraform can hold`);
    return String(value);
  }
  if (typeof value === "string") return renderString(value, mode, where, position);
  if (Array.isArray(value)) return renderList(value, mode, where, indent);
  if (typeof value === "object") return renderObject(value as Record<string, unknown>, mode, where, indent);
  throw new HclExportError(`${where}: a ${typeof value} cannot be written in a Terraform configuration`);
}

/** An object key: bare when it is a plain identifier, `(expr)` for a pure interpolation, else quoted. */
export function renderObjectKey(key: string, mode: StringMode, where: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !KEYWORDS.has(key)) return key;
  if (mode === "literal") return quotedLiteral(key);
  const expression = soleInterpolation(key, where);
  return expression === undefined ? quotedTemplate(key, where) : `(${expression})`;
}

/**
 * A reference written as a JSON string (`aws_iam_role.x`, or `${aws_iam_role.x}`) as the bare traversal HCL expects
 * in `depends_on`, `provider`, `ignore_changes` and the like.
 */
export function renderReference(value: unknown, where: string): string {
  if (typeof value !== "string") throw new HclExportError(`${where}: expected a reference such as "aws_iam_role.example", got ${JSON.stringify(value)}`);
  const reference = soleInterpolation(value, where) ?? value;
  if (!/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_*][A-Za-z0-9_-]*|\[[^\]\n]*\])*$/.test(reference)) {
    throw new HclExportError(`${where}: "${value}" is not a reference such as "aws_iam_role.example"`);
  }
  return reference;
}

/** A list of references (`depends_on`, `ignore_changes`, `replace_triggered_by`) as a tuple of bare traversals. */
export function renderReferenceList(value: unknown, where: string, indent = ""): string {
  if (!Array.isArray(value)) throw new HclExportError(`${where}: expected a list of references, got ${JSON.stringify(value)}`);
  const references = value.map((item, i) => renderReference(item, `${where}[${i}]`));
  const inline = `[${references.join(", ")}]`;
  if (inline.length <= INLINE_LIST_MAX_CHARS) return inline;
  return `[\n${references.map((reference) => `${indent}${INDENT}${reference},`).join("\n")}\n${indent}]`;
}

/** An attribute line, `name = value`, indented; the name must be an identifier. */
export function renderAttribute(name: string, value: string, indent: string, where: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new HclExportError(`${where}: "${name}" is not a valid argument name`);
  return `${indent}${name} = ${value}`;
}

function renderString(value: string, mode: StringMode, where: string, position: Position): string {
  if (mode === "literal") return quotedLiteral(value);
  const expression = soleInterpolation(value, where);
  if (expression !== undefined) return expression;
  return (position === "attribute" && heredocTemplate(value, where)) || quotedTemplate(value, where);
}

function renderList(items: readonly unknown[], mode: StringMode, where: string, indent: string): string {
  if (items.length === 0) return "[]";
  const inner = indent + INDENT;
  const rendered = items.map((item, i) => renderValue(item, mode, `${where}[${i}]`, inner, "element"));
  const inline = `[${rendered.join(", ")}]`;
  const simple = items.every((item) => item === null || typeof item !== "object");
  if (simple && inline.length <= INLINE_LIST_MAX_CHARS && !inline.includes("\n")) return inline;
  return `[\n${rendered.map((item) => `${inner}${item},`).join("\n")}\n${indent}]`;
}

function renderObject(object: Readonly<Record<string, unknown>>, mode: StringMode, where: string, indent: string): string {
  const entries = Object.entries(object);
  if (entries.length === 0) return "{}";
  const inner = indent + INDENT;
  const lines = entries.map(
    ([key, item]) => `${inner}${renderObjectKey(key, mode, `${where}.${key}`)} = ${renderValue(item, mode, `${where}.${key}`, inner)}`,
  );
  return `{\n${lines.join("\n")}\n${indent}}`;
}
