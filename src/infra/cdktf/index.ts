/**
 * The one place that names the CDK for Terraform packages.
 *
 * cdktf was archived by HashiCorp in December 2025; its community fork, CDK Terrain, renames the packages. Every other
 * file imports from here, so a move to the fork changes these lines and nothing else.
 */
export {
  App,
  AssetType,
  TerraformAsset,
  TerraformHclModule,
  CloudBackend,
  LocalBackend,
  NamedCloudWorkspace,
  S3Backend,
  TaggedCloudWorkspaces,
  TerraformOutput,
  TerraformStack,
} from "cdktf";
export { Construct } from "constructs";
