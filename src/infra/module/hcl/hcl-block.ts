import { Call, Expr, isObject, keyHcl, oneLine, Value } from "./hcl-value";

/** A block: `resource "aws_iam_role" "integration" { ... }`, or one nested in another (`lifecycle { ... }`). */
export class Block {
  constructor(
    readonly type: string,
    readonly labels: readonly string[],
    readonly body: Body,
  ) {}
}

/** A block's body in order: attributes, and nested blocks (under any key; a list for repeated blocks). */
export type Body = { readonly [name: string]: Value | Block | readonly Block[] };

const INDENT = "  ";
/** Lines longer than this are laid out over several lines where the value allows it. */
const WIDTH = 120;
/** Meta-arguments written first, then a blank line. */
const FIRST = ["for_each", "count"];
/** Meta-arguments written last, after a blank line. */
const LAST = ["depends_on", "lifecycle"];

/** Blocks as one HCL file, as `terraform fmt` writes it (a test holds the two together). */
export function renderBlocks(blocks: readonly Block[]): string {
  return `${blocks.map((block) => renderBlock(block, "").join("\n")).join("\n\n")}\n`;
}

function renderBlock(block: Block, indent: string): string[] {
  const head = [block.type, ...block.labels.map((label) => JSON.stringify(label))].join(" ");
  return [`${indent}${head} {`, ...renderBody(block.body, `${indent}${INDENT}`), `${indent}}`];
}

type Item = { readonly lines: string[]; readonly name?: string; readonly value?: string[] } | "blank";

function renderBody(body: Body, indent: string): string[] {
  const entries = Object.entries(body).filter(([, value]) => value !== undefined);
  const first = entries.filter(([name]) => FIRST.includes(name));
  const last = entries.filter(([name]) => LAST.includes(name));
  const middle = entries.filter(([name]) => !FIRST.includes(name) && !LAST.includes(name));
  const items: Item[] = [];
  const add = (group: typeof entries) => {
    if (group.length === 0) return;
    if (items.length > 0) items.push("blank");
    for (const [name, value] of group) items.push(...renderEntry(name, value, indent));
  };
  add(first);
  add(middle);
  add(last);
  return align(items);
}

function renderEntry(name: string, value: Value | Block | readonly Block[], indent: string): Item[] {
  if (value instanceof Block) return [{ lines: renderBlock(value, indent) }];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => v instanceof Block)) {
    return (value as Block[]).map((block) => ({ lines: renderBlock(block, indent) }));
  }
  return [{ lines: [], name: `${indent}${name}`, value: layOut(value as Value, indent, indent.length + name.length + 3) }];
}

/**
 * `terraform fmt` aligns the `=` of consecutive one-line attributes; a blank line, a block or an attribute over
 * several lines ends the run.
 */
function align(items: readonly Item[]): string[] {
  const out: string[] = [];
  let run: { name: string; value: string }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((r) => r.name.length));
    for (const r of run) out.push(`${r.name.padEnd(width)} = ${r.value}`);
    run = [];
  };
  for (const item of items) {
    if (item === "blank") {
      flush();
      out.push("");
    } else if (item.name !== undefined && item.value!.length === 1) {
      run.push({ name: item.name, value: item.value![0] });
    } else {
      flush();
      if (item.name !== undefined) out.push(`${item.name} = ${item.value![0]}`, ...item.value!.slice(1));
      else out.push(...item.lines);
    }
  }
  flush();
  return out;
}

/** A value's lines: one line when it fits in {@link WIDTH} from `column`, else objects and lists over lines. */
function layOut(value: Value, indent: string, column: number): string[] {
  const line = oneLine(value);
  if (column + line.length <= WIDTH || !spreads(value)) return [line];
  if (value instanceof Call && value.spread) {
    const inner = `${indent}${INDENT}`;
    const args = (value.argument as Value[]).flatMap((item) => [`${inner}${layOut(item, inner, inner.length).join("\n")},`]);
    return [`${value.name}(`, ...args, `${indent})`];
  }
  if (value instanceof Call) {
    const inner = layOut(value.argument, indent, column + value.name.length + 1);
    return [`${value.name}(${inner[0]}`, ...inner.slice(1, -1), `${inner[inner.length - 1]})`];
  }
  const inner = `${indent}${INDENT}`;
  if (Array.isArray(value)) {
    const lines = (value as Value[]).flatMap((item) => {
      const itemLines = layOut(item, inner, inner.length);
      itemLines[0] = `${inner}${itemLines[0]}`;
      itemLines[itemLines.length - 1] += ",";
      return itemLines;
    });
    return ["[", ...lines, `${indent}]`];
  }
  const members = Object.entries(value as Record<string, Value>).filter(([, member]) => member !== undefined);
  const items: Item[] = members.map(([key, member]) => ({
    lines: [],
    name: `${inner}${keyHcl(key)}`,
    value: layOut(member, inner, inner.length + keyHcl(key).length + 3),
  }));
  return ["{", ...align(items), `${indent}}`];
}

/** Whether a value can be laid out over lines: objects, lists and calls of them (expressions and strings cannot). */
function spreads(value: Value): boolean {
  if (value instanceof Call) return spreads(value.argument);
  if (value instanceof Expr) return false;
  return (Array.isArray(value) && value.length > 0) || (isObject(value) && Object.keys(value).length > 0);
}
