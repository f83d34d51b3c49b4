import { Lazy, TerraformResource } from "../cdktf";

/** Meta-arguments and cdktf metadata: how Terraform manages a resource, not what the deployment serves. */
const NOT_SERVED = new Set(["depends_on", "lifecycle", "count", "for_each", "provider", "provisioner", "connection", "//"]);

/** One resource whose configuration a deployment serves, with the attributes to hash (all but meta-arguments by default). */
export interface ServedResource {
  readonly resource: TerraformResource;
  /** Only these attributes are served by a deployment. @default every attribute */
  readonly attributes?: readonly string[];
}

/**
 * The deployment's `redeployment` trigger: a hash of what the configuration decides for every resource a deployment
 * serves. Each resource's own arguments are written into the expression as they stand in the configuration, literal
 * values as literals and references as references (a route's id, the role's ARN), so a change to any of them, or the
 * replacement of a referenced resource, redeploys, and nothing the provider reads back can.
 *
 * Hashing whole resource objects (`jsonencode([aws_api_gateway_method.x])`) is not stable: after the first apply the
 * provider reads back empty maps and lists where the configuration had none, so the first plan after every apply
 * replaced the deployment (docs/aws-facts.md, "Redeployment triggers" [code]). A resource with `count` is hashed only
 * while it exists; Terraform discards the errors of a conditional's branch that is not taken, so its `[0]` references
 * are safe.
 */
export function redeploymentTrigger(served: readonly ServedResource[]): string {
  return Lazy.stringValue({
    produce: (context) => {
      const entries = served.map(({ resource, attributes }) => {
        const [config, count] = servedConfig(context.resolve(resource.toTerraform()), resource, attributes);
        const value = hclValue(config);
        return `${JSON.stringify(`${resource.terraformResourceType}.${resource.friendlyUniqueId}`)} = ${count === undefined ? value : `${bare(count)} > 0 ? ${value} : null`}`;
      });
      return `\${sha1(jsonencode({ ${entries.join(", ")} }))}`;
    },
  });
}

function servedConfig(synthesized: any, resource: TerraformResource, attributes?: readonly string[]): [Record<string, unknown>, unknown] {
  const all: Record<string, unknown> = synthesized.resource[resource.terraformResourceType][resource.friendlyUniqueId];
  const kept = Object.entries(all).filter(([key]) => !NOT_SERVED.has(key) && (!attributes || attributes.includes(key)));
  return [Object.fromEntries(kept), all.count];
}

/** A synthesized JSON value as an HCL expression: `"${x}"` alone becomes `x` (any type), other strings stay templates. */
function hclValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return bare(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(hclValue).join(", ")}]`;
  const members = Object.entries(value as Record<string, unknown>).map(([key, member]) => `${JSON.stringify(key)} = ${hclValue(member)}`);
  return `{ ${members.join(", ")} }`;
}

/**
 * A string of Terraform's JSON syntax as an HCL expression: the expression itself when it is one `${...}`, otherwise
 * the same template in native syntax (literal text escaped, interpolations copied as they are; `$${` stays a literal).
 */
function bare(value: unknown): string {
  if (typeof value !== "string") return hclValue(value);
  let out = "";
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf("${", i);
    const escaped = start > 0 && value[start - 1] === "$";
    if (start < 0) {
      out += literal(value.slice(i));
      break;
    }
    const end = escaped ? -1 : interpolationEnd(value, start + 2);
    if (end < 0) {
      out += literal(value.slice(i, start + 2));
      i = start + 2;
      continue;
    }
    if (start === 0 && end === value.length - 1) return `(${value.slice(2, -1)})`;
    out += literal(value.slice(i, start)) + value.slice(start, end + 1);
    i = end + 1;
  }
  return `"${out}"`;
}

/** Literal template text: JSON's escapes, which HCL shares, with \b and \f as HCL's \u escapes. */
function literal(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/\\b/g, "\\u0008").replace(/\\f/g, "\\u000c");
}

/** The index of the `}` closing an interpolation whose expression starts at `from`, skipping quoted strings. */
function interpolationEnd(text: string, from: number): number {
  let depth = 1;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
      else if (c === "$" && text[i + 1] === "{") {
        const inner = interpolationEnd(text, i + 2);
        if (inner < 0) return -1;
        i = inner;
      }
    } else if (c === '"') quoted = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}
