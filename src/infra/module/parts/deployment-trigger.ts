import { Block } from "../hcl/hcl-block";
import { address } from "../hcl/blocks";
import { Call, expr, Expr, oneLine, Value } from "../hcl/hcl-value";

/** Meta-arguments: how Terraform manages a resource, not what the deployment serves. */
const NOT_SERVED = new Set(["depends_on", "lifecycle", "count", "for_each", "provider"]);

/**
 * The instances a `for_each` resource can have, as HCL over a key `k`: every key it could take (`keys`), whether key
 * `k` has an instance now (`present`), the collection that holds `each.value` for a present key (`values`), and the
 * name its configuration is hashed under (`name`, a string template).
 */
export interface ServedInstances {
  readonly keys: string;
  readonly present: string;
  readonly values: string;
  readonly name: string;
}

/** One resource whose configuration a deployment serves. */
export interface ServedResource {
  readonly block: Block;
  /** Only these attributes are served by a deployment. @default every attribute */
  readonly attributes?: readonly string[];
  /** For a `for_each` resource: its instances. */
  readonly instances?: ServedInstances;
}

/**
 * What the deployment serves, one entry per resource instance, for its `redeployment` trigger: each instance's own
 * arguments as they stand in the configuration, literal values as literals and references as references (a route's
 * id, the role's ARN), so a change to any of them, or the replacement of a referenced resource, redeploys, and nothing
 * the provider reads back can (docs/aws-facts.md, "Redeployment triggers"). An instance that does not exist is an
 * entry of null, and null arguments are left out, as module 0.2.0 hashed them: `jsonencode` writes an object's keys
 * sorted, so the same entries under the same names hash the same whatever their order, and upgrading from 0.2.0 does
 * not redeploy (v0-2-0-names.ts).
 */
export function servedConfiguration(served: readonly ServedResource[]): Call {
  const parts = served.map(({ block, attributes, instances }) => {
    const config = withoutNulls(servedArguments(block, attributes));
    if (instances) {
      const { keys, present, values, name } = instances;
      return `{ for k in ${keys} : ${name} => ${present} ? [for each in [{ key = k, value = ${values}[k] }] : ${config}][0] : null }`;
    }
    const { count } = block.body as { count?: Expr };
    return `{ ${JSON.stringify(address(block))} = ${count ? `(${count.text}) > 0 ? ${config} : null` : config} }`;
  });
  return new Call("merge", parts.map(expr), true);
}

function servedArguments(block: Block, attributes?: readonly string[]): Record<string, Value> {
  return Object.fromEntries(
    Object.entries(block.body).filter(([name, value]) => !NOT_SERVED.has(name) && !(value instanceof Block) && (!attributes || attributes.includes(name))),
  ) as Record<string, Value>;
}

/** An object's HCL with its null attributes left out. */
function withoutNulls(config: Record<string, Value>): string {
  return `{ for name, value in ${oneLine(config)} : name => value if value != null }`;
}
