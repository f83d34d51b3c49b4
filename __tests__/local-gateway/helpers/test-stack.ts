import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { TerraformJson } from "../../../src/local-gateway/terraform-refs";
import { AwsCredentials } from "../../../src/local-gateway/sigv4-signer";
import { projectSettings, synthesizeApp } from "../../support/synth";

/** The region every local-gateway test serves. */
export const TEST_REGION = "us-west-2";

/** Credentials the gateway signs with and the stand-in verifies against. */
export const TEST_CREDENTIALS: AwsCredentials = {
  accessKeyId: "AKIDLOCALGATEWAYTEST",
  secretAccessKey: "local-gateway-test-secret-key/EXAMPLEKEY",
  sessionToken: "local-gateway-test-session-token",
};

export const TEST_API_KEY = "test-key-0123456789";

let synthesized: { doc: TerraformJson; file: string } | undefined;

/**
 * The us-west-2 stack as the construct synthesizes it now, with the settings in cdktf.json: synthesized in-process
 * into a temporary folder once per test file, so tests never depend on a stale or missing cdktf.out.
 */
export function testStack(): { doc: TerraformJson; file: string } {
  if (!synthesized) {
    const [stack] = synthesizeApp({ ...(projectSettings() as object), regions: [TEST_REGION] });
    const file = join(stack.dir, "cdk.tf.json");
    synthesized = { doc: JSON.parse(readFileSync(file, "utf8")) as TerraformJson, file };
  }
  return synthesized;
}

/** A deep copy of the test stack with `edit` applied, written to its own file. */
export function editedStack(edit: (doc: EditableDoc) => void): { doc: TerraformJson; file: string } {
  const doc = JSON.parse(JSON.stringify(testStack().doc)) as EditableDoc;
  edit(doc);
  const file = join(mkdtempSync(join(tmpdir(), "local-gateway-edited-")), "cdk.tf.json");
  writeFileSync(file, JSON.stringify(doc));
  return { doc, file };
}

/** A stack document open to edits. */
export type EditableDoc = { resource: Record<string, Record<string, Record<string, unknown>>> };

/** Every resource of one type in a document. */
export function resourcesOf(doc: TerraformJson, type: string): Array<Record<string, unknown>> {
  return Object.values((doc as EditableDoc).resource[type] ?? {});
}
