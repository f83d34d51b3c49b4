import { Block, Body, renderBlocks } from "../../infra/module/hcl/hcl-block";
import { expr, Value } from "../../infra/module/hcl/hcl-value";
import { HclExportError } from "./hcl-export-error";

type Json = Record<string, any>;

/**
 * The keys under which a region stack's Terraform JSON holds nested blocks; every other object is an attribute's
 * value. A region stack has only these (src/infra/stacks/: the terraform settings with a backend or `cloud`, the
 * provider with `default_tags`, one module call, outputs), so no provider schema is needed to tell them apart.
 */
const NESTED_BLOCKS = new Set(["required_providers", "backend", "cloud", "workspaces", "default_tags"]);

/** The top-level keys a region stack's `cdk.tf.json` has; any other is refused rather than left out. */
const TOP_LEVEL = new Set(["//", "terraform", "provider", "module", "output"]);

/** A region stack's `cdk.tf.json` as one HCL file, as `terraform fmt` writes it. */
export function stackHcl(config: Json): string {
  const unknown = Object.keys(config).filter((key) => !TOP_LEVEL.has(key));
  if (unknown.length > 0) throw new HclExportError(`cannot convert ${unknown.join(", ")}: a region stack has only ${[...TOP_LEVEL].slice(1).join(", ")}`);
  const labelled = (type: string, byLabel: Json = {}) =>
    Object.entries(byLabel).flatMap(([label, bodies]) => (Array.isArray(bodies) ? bodies : [bodies]).map((b) => new Block(type, [label], body(b, `${type}.${label}`))));
  return renderBlocks([
    new Block("terraform", [], body(config.terraform ?? {}, "terraform")),
    ...labelled("provider", config.provider),
    ...labelled("module", config.module),
    ...labelled("output", config.output),
  ]);
}

/** A block's body: nested blocks under {@link NESTED_BLOCKS}, attributes otherwise; cdktf's `//` metadata left out. */
function body(json: Json, where: string): Body {
  const out: Record<string, Value | Block | Block[]> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === "//") continue;
    if (!NESTED_BLOCKS.has(key)) out[key] = attribute(value, `${where}.${key}`);
    else if (key === "backend") out[key] = Object.entries(value as Json).map(([type, b]) => new Block("backend", [type], body(b as Json, `${where}.backend.${type}`)));
    else out[key] = (Array.isArray(value) ? value : [value]).map((b: Json) => new Block(key, [], body(b, `${where}.${key}`)));
  }
  return out;
}

/**
 * An attribute's value: a string that is one whole `${...}` is that expression; any other string is a literal, and one
 * holding a template sequence (`${`, `%{`) is refused, since Terraform's JSON would read it as a template.
 */
function attribute(value: unknown, where: string): Value {
  if (typeof value === "string") {
    const whole = /^\$\{([^{}]*)\}$/.exec(value);
    if (whole) return expr(whole[1]);
    if (/[$%]\{/.test(value)) throw new HclExportError(`cannot convert ${where}: ${JSON.stringify(value)} is a Terraform template, not one reference`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => attribute(item, `${where}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Json).filter(([key]) => key !== "//").map(([key, item]) => [key, attribute(item, `${where}.${key}`)]));
  }
  return value as Value;
}
