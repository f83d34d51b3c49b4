import { Block } from "../hcl/hcl-block";
import { address } from "../hcl/blocks";
import { expr, Expr, oneLine, Value } from "../hcl/hcl-value";

/** Meta-arguments: how Terraform manages a resource, not what the deployment serves. */
const NOT_SERVED = new Set(["depends_on", "lifecycle", "count", "for_each", "provider"]);

/** One resource whose configuration a deployment serves, with the attributes to hash (all but meta-arguments by default). */
export interface ServedResource {
  readonly block: Block;
  /** Only these attributes are served by a deployment. @default every attribute */
  readonly attributes?: readonly string[];
}

/**
 * What the deployment serves, by resource address, for its `redeployment` trigger: each resource's own arguments as
 * they stand in the configuration, literal values as literals and references as references (a route's id, the role's
 * ARN), so a change to any of them, or the replacement of a referenced resource, redeploys, and nothing the provider
 * reads back can (docs/aws-facts.md, "Redeployment triggers"). A resource with `count` counts only while it exists; one
 * with `for_each` counts once per instance, its `each.key` and `each.value` bound by a `for` over the same collection.
 */
export function servedConfiguration(served: readonly ServedResource[]): Record<string, Value> {
  return Object.fromEntries(served.map(({ block, attributes }) => [address(block), servedValue(block, attributes)]));
}

function servedValue(block: Block, attributes?: readonly string[]): Value {
  const config = Object.fromEntries(
    Object.entries(block.body).filter(
      ([name, value]) => !NOT_SERVED.has(name) && !(value instanceof Block) && (!attributes || attributes.includes(name)),
    ),
  ) as Record<string, Value>;
  const { count, for_each: forEach } = block.body as { count?: Expr; for_each?: Expr };
  if (forEach) return expr(`[for each in [for key, value in ${forEach.text} : { key = key, value = value }] : ${oneLine(config)}]`);
  if (count) return expr(`(${count.text}) > 0 ? ${oneLine(config)} : null`);
  return config;
}
