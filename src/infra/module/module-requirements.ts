/** The provider the module needs: the version `@cdktf/provider-aws` 20.1.0 is generated from, or later. */
export const AWS_PROVIDER_REQUIREMENT = { source: "hashicorp/aws", version: ">= 5.100.0" } as const;

/** Optional object attributes with defaults and `startswith` in validations need Terraform 1.5 or later. */
export const TERRAFORM_REQUIREMENT = ">= 1.5.0";
