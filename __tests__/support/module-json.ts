import { Block, Body } from "../../src/infra/module/hcl/hcl-block";
import { Call, Expr, oneLine, templateParts, Value } from "../../src/infra/module/hcl/hcl-value";
import { moduleBlocks, ModuleBlocks, TERRAFORM_FILES } from "../../src/infra/module/otlp-proxy-module";

/**
 * The whole module in Terraform's JSON syntax (`{ variable, locals, data, resource, output, moved, terraform }`): the
 * same blocks the HCL files are rendered from, for tests that read a resource's arguments or evaluate a local.
 */
export function moduleJson(blocks: ModuleBlocks = moduleBlocks()): Record<string, any> {
  const out: Record<string, any> = {};
  for (const block of TERRAFORM_FILES.flatMap((name) => blocks[name])) {
    let at = out;
    const path = [block.type, ...block.labels];
    for (const key of path.slice(0, -1)) at = at[key] ??= {};
    const last = path[path.length - 1];
    // A local is one expression, however it is laid out in HCL, so tests can evaluate it as text.
    const body = block.type === "locals" ? Object.fromEntries(Object.entries(block.body).map(([name, v]) => [name, `\${${oneLine(v as Value)}}`])) : bodyJson(block.body);
    if (path.length === 1) at[last] = block.type === "moved" ? [...(at[last] ?? []), body] : { ...(at[last] ?? {}), ...body };
    else at[last] = body;
  }
  return out;
}

/** Arguments Terraform's JSON syntax takes as bare expressions, not templates: types, addresses and references. */
const BARE = new Set(["type", "from", "to", "depends_on"]);

/** A string as Terraform's JSON syntax has it: a template whose expressions are `${...}` and literal `${` doubled. */
function stringJson(value: string): string {
  return templateParts(value)
    .map((part) => (part instanceof Expr ? `\${${part.text}}` : part.replace(/\$\{/g, "$${").replace(/%\{/g, "%%{")))
    .join("");
}

function jsonValue(value: Value): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Expr || value instanceof Call) return `\${${oneLine(value)}}`;
  if (typeof value === "string") return stringJson(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(jsonValue);
  return Object.fromEntries(
    Object.entries(value as Record<string, Value>)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => [key, jsonValue(member)]),
  );
}

function bare(value: Value): unknown {
  return Array.isArray(value) ? (value as Value[]).map(bare) : value instanceof Expr || value instanceof Call ? oneLine(value) : jsonValue(value);
}

function bodyJson(body: Body): Record<string, unknown> {
  const out: Record<string, any> = {};
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const blocks = value instanceof Block ? [value] : Array.isArray(value) && value.length > 0 && value.every((v) => v instanceof Block) ? (value as Block[]) : undefined;
    if (!blocks) {
      out[name] = BARE.has(name) ? bare(value as Value) : jsonValue(value as Value);
      continue;
    }
    if (value instanceof Block && value.labels.length > 0) (out[value.type] ??= {})[value.labels[0]] = bodyJson(value.body);
    else if (value instanceof Block) out[value.type] = bodyJson(value.body);
    else out[name] = blocks.map((block) => bodyJson(block.body));
  }
  return out;
}
