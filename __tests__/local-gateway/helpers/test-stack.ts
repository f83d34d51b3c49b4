import { join } from "path";
import { loadStack } from "../../../src/tools/local-gateway/load-stack";
import { TerraformJson } from "../../../src/tools/local-gateway/terraform-refs";
import { AwsCredentials } from "../../../src/tools/local-gateway/sigv4-signer";
import { projectSettings, synthesizeApp } from "../../support/synth";
import { terraformEnv } from "../../support/terraform-cli";

/** The region every local-gateway test serves. */
export const TEST_REGION = "us-west-2";

/** Credentials the gateway signs with and the stand-in verifies against. */
export const TEST_CREDENTIALS: AwsCredentials = {
  accessKeyId: "AKIDLOCALGATEWAYTEST",
  secretAccessKey: "local-gateway-test-secret-key/EXAMPLEKEY",
  sessionToken: "local-gateway-test-session-token",
};

export const TEST_API_KEY = "test-key-0123456789";

/** A synthesized stack as the local gateway reads it: the document its plan gives, its file and folder. */
export interface PlannedTestStack {
  readonly doc: TerraformJson;
  readonly file: string;
  readonly dir: string;
}

let synthesized: PlannedTestStack | undefined;

/**
 * The us-west-2 stack as the app synthesizes it now, with the settings in cdktf.json: synthesized in-process into a
 * temporary folder once per test file and planned by Terraform (the plan is cached by content, so only the first
 * test file after a change pays for it), so tests never depend on a stale or missing cdktf.out.
 */
export function testStack(): PlannedTestStack {
  synthesized ??= plannedStackWith({ ...(projectSettings() as object), regions: [TEST_REGION] });
  return synthesized;
}

/** A us-west-2 stack synthesized with the given raw settings, planned as the local gateway plans it. */
export function plannedStackWith(settings: Record<string, unknown>): PlannedTestStack {
  const [stack] = synthesizeApp({ regions: [TEST_REGION], ...settings });
  const file = join(stack.dir, "cdk.tf.json");
  return { doc: loadStack({ stackFile: file, terraformEnv: terraformEnv() }).doc, file, dir: stack.dir };
}

/** A deep copy of the test stack's planned document with `edit` applied. */
export function editedStack(edit: (doc: EditableDoc) => void): { doc: TerraformJson } {
  const doc = JSON.parse(JSON.stringify(testStack().doc)) as EditableDoc;
  edit(doc);
  return { doc };
}

/** A stack document open to edits. */
export type EditableDoc = { resource: Record<string, Record<string, Record<string, unknown>>> };

/** Every resource of one type in a document. */
export function resourcesOf(doc: TerraformJson, type: string): Array<Record<string, unknown>> {
  return Object.values((doc as EditableDoc).resource[type] ?? {});
}

/** The `${aws_api_gateway_resource.<name>.id}` reference methods and integrations on the resource `pathPart` carry. */
export function resourceIdOf(doc: TerraformJson, pathPart: string): string {
  const found = Object.entries((doc as EditableDoc).resource.aws_api_gateway_resource ?? {}).find(([, r]) => r.path_part === pathPart);
  if (!found) throw new Error(`No aws_api_gateway_resource with path_part ${pathPart}`);
  return `\${aws_api_gateway_resource.${found[0]}.id}`;
}
