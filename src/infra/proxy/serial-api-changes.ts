import { TerraformResource } from "../cdktf";

/**
 * Chains every change to one REST API with `depends_on`, so Terraform creates, updates and destroys them one at a
 * time whatever its `-parallelism`. API Gateway rejects concurrent changes to one API with ConflictException or
 * TooManyRequestsException (docs/aws-facts.md, "API Gateway REST API" [code]); ordering in the Terraform itself keeps
 * `cdktf deploy`, exported pipelines and Terraform Cloud dependable without flags.
 */
export class SerialApiChanges {
  private last?: TerraformResource;

  /** Makes `resource` wait for the previous change, and become the one the next change waits for. */
  add<T extends TerraformResource>(resource: T): T {
    if (this.last) resource.dependsOn = [...(resource.dependsOn ?? []), terraformAddress(this.last)];
    this.last = resource;
    return resource;
  }
}

/** The resource's address in the synthesized Terraform, `<type>.<name>`, as `depends_on` and expressions need it. */
function terraformAddress(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
