import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { App } from "../../../src/cdktf";
import { TerraformJson } from "../../../src/local-gateway/terraform-refs";
import { readCdktfJsonContext, SETTINGS_CONTEXT_KEY } from "../../../src/settings/load-settings";
import { parseSettings } from "../../../src/settings/parse-settings";
import { RegionStack } from "../../../src/stacks/region-stack";
import { AwsCredentials } from "../../../src/local-gateway/sigv4-signer";

/** The repository root. */
export const REPO_ROOT = resolve(__dirname, "..", "..", "..");

/** The captured client requests, beside the repository (same layout in CI). */
export const FIXTURES_DIR = resolve(REPO_ROOT, "..", "shared", "fixtures", "otlp-captures");

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
    const outdir = mkdtempSync(join(tmpdir(), "local-gateway-stack-"));
    const app = new App({ outdir, context: readCdktfJsonContext(REPO_ROOT) });
    const { settings } = parseSettings(app.node.tryGetContext(SETTINGS_CONTEXT_KEY));
    const stack = new RegionStack(app, { region: TEST_REGION, settings });
    app.synth();
    const file = join(outdir, "stacks", stack.node.id, "cdk.tf.json");
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
