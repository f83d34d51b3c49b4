/**
 * The AWS provider binding this project uses (`@cdktf/provider-aws` 20.1.0, generated from hashicorp/aws 5.100.0): the
 * region stacks declare only the provider, since the module (HCL) holds every resource. A deep import keeps start-up
 * fast; this file is the single place to switch to another binding package.
 */
export { AwsProvider } from "@cdktf/provider-aws/lib/provider";
