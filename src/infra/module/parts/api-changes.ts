import { Block } from "../hcl/hcl-block";
import { expr, Expr } from "../hcl/hcl-value";
import { address, resource } from "../hcl/blocks";
import type { Body } from "../hcl/hcl-block";

/**
 * Chains the changes to one REST API with `depends_on`, one kind of resource after another, so Terraform never
 * changes two kinds at once whatever its `-parallelism`. API Gateway refuses concurrent changes to one API with
 * ConflictException; the instances of one `for_each` resource still go in parallel, which the AWS provider retries
 * (docs/aws-facts.md, "A REST API with many methods").
 */
export class ApiChanges {
  private last?: Block;

  /** A resource that changes the API: it waits for the previous one, and the next one waits for it. */
  resource(type: string, name: string, body: Body): Block {
    const waits = [...((body.depends_on as Expr[] | undefined) ?? []), ...(this.last ? [expr(address(this.last))] : [])];
    this.last = resource(type, name, { ...body, depends_on: waits.length > 0 ? waits : undefined });
    return this.last;
  }
}
