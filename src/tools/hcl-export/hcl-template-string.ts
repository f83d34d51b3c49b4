import { HclExportError } from "./hcl-export-error";

/**
 * A piece of a Terraform template string: literal text (which may hold the escapes `$${` and `%%{`), or one
 * `${...}` interpolation or `%{...}` directive, verbatim.
 */
export interface TemplatePart {
  readonly kind: "literal" | "sequence";
  readonly text: string;
}

/**
 * Splits a Terraform template, as a JSON configuration holds it (already JSON-decoded), into literal text and
 * template sequences. The JSON and native syntaxes share the template language, so the sequences can be copied into
 * HCL as they are; only the literal text needs the quoting of an HCL string.
 * @param where the configuration path of the string, for the error message
 */
export function splitTemplate(template: string, where: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literalStart = 0;
  let i = 0;
  while (i < template.length) {
    if (template.startsWith("$${", i) || template.startsWith("%%{", i)) {
      i += 3;
    } else if (template.startsWith("${", i) || template.startsWith("%{", i)) {
      if (i > literalStart) parts.push({ kind: "literal", text: template.slice(literalStart, i) });
      const end = scanSequence(template, i, where);
      parts.push({ kind: "sequence", text: template.slice(i, end) });
      i = literalStart = end;
    } else {
      i++;
    }
  }
  if (i > literalStart) parts.push({ kind: "literal", text: template.slice(literalStart, i) });
  return parts;
}

/**
 * The expression of a string that is exactly one interpolation (`${expr}`), or undefined. Terraform returns such an
 * interpolation's value unconverted, so the bare expression means the same. Strip markers (`${~ x ~}`) and
 * expressions spanning lines keep the quoted form.
 */
export function soleInterpolation(template: string, where: string): string | undefined {
  if (!template.startsWith("${") || !template.endsWith("}")) return undefined;
  if (scanSequence(template, 0, where) !== template.length) return undefined;
  const expression = template.slice(2, -1).trim();
  if (expression === "" || expression.startsWith("~") || expression.endsWith("~") || /[\r\n]/.test(expression)) return undefined;
  return expression;
}

/**
 * A JSON-syntax Terraform template as an HCL quoted template: `"`, `\` and control characters escaped in the literal
 * text only, interpolations and directives (with their own nested strings) copied unchanged.
 */
export function quotedTemplate(template: string, where: string): string {
  const body = splitTemplate(template, where)
    .map((part) => (part.kind === "literal" ? escapeLiteralText(part.text) : part.text))
    .join("");
  return `"${body}"`;
}

/**
 * A string that Terraform reads literally (a variable's default, a description, backend settings) as an HCL quoted
 * string: besides the quoting escapes, `${` and `%{` become `$${` and `%%{` so HCL does not read them as a template.
 */
export function quotedLiteral(value: string): string {
  return `"${escapeLiteralText(value).replace(/([$%])\{/g, "$1$1{")}"`;
}

/**
 * A multi-line template as an HCL heredoc (`<<EOT` ... `EOT`), or undefined when it cannot be one exactly: a heredoc
 * always ends with a newline, keeps its lines verbatim (no backslash escapes) and shares the template language.
 */
export function heredocTemplate(template: string, where: string): string | undefined {
  if (!template.endsWith("\n") || !template.slice(0, -1).includes("\n") || /[\r\u0000-\u0008\u000b-\u001f\u007f]/.test(template)) return undefined;
  splitTemplate(template, where);
  const lines = new Set(template.split("\n").map((line) => line.trim()));
  let marker = "EOT";
  for (let n = 1; lines.has(marker); n++) marker = `EOT${n}`;
  return `<<${marker}\n${template}${marker}`;
}

/** HCL's quoted-string escapes for literal text; escapes of template sequences (`$${`, `%%{`) pass through. */
function escapeLiteralText(text: string): string {
  return text.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    switch (c) {
      case "\\":
        return "\\\\";
      case '"':
        return '\\"';
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
    }
  });
}

/** The index just past the `}` closing the sequence that opens at `start` (`${` or `%{`). */
function scanSequence(text: string, start: number, where: string): number {
  let depth = 0;
  let i = start + 2;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = scanQuoted(text, i + 1, where);
      continue;
    }
    if (c === "{") depth++;
    if (c === "}") {
      if (depth === 0) return i + 1;
      depth--;
    }
    i++;
  }
  throw unterminated(text, start, where);
}

/** The index just past the `"` closing a quoted string inside an expression; the string may hold templates itself. */
function scanQuoted(text: string, start: number, where: string): number {
  let i = start;
  while (i < text.length) {
    if (text[i] === "\\") {
      i += 2;
    } else if (text[i] === '"') {
      return i + 1;
    } else if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
      i += 3;
    } else if (text.startsWith("${", i) || text.startsWith("%{", i)) {
      i = scanSequence(text, i, where);
    } else {
      i++;
    }
  }
  throw unterminated(text, start - 1, where);
}

function unterminated(text: string, start: number, where: string): HclExportError {
  const excerpt = text.slice(start, start + 60);
  return new HclExportError(
    `${where}: the template sequence starting "${excerpt}${text.length > start + 60 ? "..." : ""}" is never closed; ` +
      "write a literal ${ as $${ in the Terraform JSON",
  );
}
