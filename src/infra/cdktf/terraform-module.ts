/**
 * The cdktf classes only the plain Terraform module export (src/infra/module/) needs: input variables, locals and the
 * region data source. Kept beside index.ts and aws.ts so that src/infra/cdktf/ stays the one place naming the packages.
 */
export { TerraformLocal, TerraformVariable } from "cdktf";
export { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
