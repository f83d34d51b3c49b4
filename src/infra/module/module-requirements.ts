/**
 * The provider versions the module is tested with: from the version `@cdktf/provider-aws` 20.1.0 is generated from
 * (5.100.0, which the region stacks pin exactly) up to, not including, the next major version, whose breaking changes
 * nobody has tested.
 */
export const AWS_PROVIDER_REQUIREMENT = { source: "hashicorp/aws", version: ">= 5.100.0, < 6.0.0" } as const;

/** Optional object attributes with defaults and `startswith` in validations need Terraform 1.5 or later. */
export const TERRAFORM_REQUIREMENT = ">= 1.5.0";
