import { Block, Body } from "./hcl-block";
import { Expr, expr, exprString, Value } from "./hcl-value";

/** `resource "<type>" "<name>" { ... }`. */
export const resource = (type: string, name: string, body: Body): Block => new Block("resource", [type, name], body);

/** `locals { ... }`. */
export const locals = (body: Body): Block => new Block("locals", [], body);

/** `output "<name>" { description, value }`. */
export const output = (name: string, description: string, value: string): Block => new Block("output", [name], { description, value: expr(value) });

/** `moved { from = ..., to = ... }`. */
export const moved = (from: string, to: string): Block => new Block("moved", [], { from: expr(from), to: expr(to) });

/** A nested block without labels (`lifecycle { ... }`). */
export const nested = (type: string, body: Body): Block => new Block(type, [], body);

/** `dynamic "<name>" { for_each = ..., content { ... } }`. */
export const dynamic = (name: string, forEach: string, content: Body): Block =>
  new Block("dynamic", [name], { for_each: expr(forEach), content: nested("content", content) });

/** `count = <condition> ? 1 : 0`: the resource exists only when `condition` holds. */
export const onlyIf = (condition: string): Expr => expr(`${condition} ? 1 : 0`);

/** `var.tags`: every resource that takes tags gets the caller's. */
export const TAGS = expr("var.tags");

/** The first part of every name the module gives, inside a string. */
export const PREFIX = exprString("var.name_prefix");

/** The provider's region, inside a string. */
export const REGION = exprString("local.region");

/** The address of a resource block, `<type>.<name>`, as `depends_on` and references write it. */
export function address(block: Block): string {
  return `${block.labels[0]}.${block.labels[1]}`;
}

/** A value as written in a body: the blocks' own type for values, for builders that fill attributes. */
export type Attributes = { readonly [name: string]: Value | Block | readonly Block[] };
