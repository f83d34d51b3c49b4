import { createHash } from "crypto";
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "fs";
import { tmpdir } from "os";
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

/** The teams of {@link teamsStack}: two enabled, one of them with its own throttle, and one disabled. */
export const TEST_TEAMS = [{ name: "platform" }, { name: "data-science", rateLimit: 5, burstLimit: 10 }, { name: "contractors", enabled: false }];

/** The source ranges {@link teamsStack} allows: the loopback network the tests call from. */
export const TEST_ALLOWED_SOURCE_CIDRS = ["127.0.0.0/8"];

let withTeams: PlannedTestStack | undefined;

/**
 * The us-west-2 stack with {@link TEST_TEAMS} (a key, usage plan and log stream per team) and an IP allow-list of
 * {@link TEST_ALLOWED_SOURCE_CIDRS}: the one stack with teams and a resource policy that the test files share, since
 * each distinct stack costs a Terraform plan.
 */
export function teamsStack(): PlannedTestStack {
  withTeams ??= plannedStackWith({ teams: TEST_TEAMS, allowedSourceCidrs: TEST_ALLOWED_SOURCE_CIDRS });
  return withTeams;
}

/** A us-west-2 stack synthesized with the given raw settings, planned as the local gateway plans it. */
function plannedStackWith(settings: Record<string, unknown>): PlannedTestStack {
  const [stack] = synthesizeApp({ regions: [TEST_REGION], ...settings });
  const file = join(stack.dir, "cdk.tf.json");
  // Test files in other Jest workers may ask for the same stack at the same moment: one plans it, the others then read
  // it from the plan cache (the run's own, under TMPDIR) instead of planning it again.
  const doc = whileHolding(`local-gateway-test-stack-${createHash("sha256").update(JSON.stringify(settings)).digest("hex").slice(0, 16)}`, () =>
    loadStack({ stackFile: file, terraformEnv: terraformEnv() }).doc,
  );
  return { doc, file, dir: stack.dir };
}

/** How long a worker waits for another's plan of the same stack before planning it itself. */
const LOCK_WAIT_MS = 300_000;
/** How long a lock file may stay empty while its holder writes its pid. */
const LOCK_WRITE_MS = 10_000;

/**
 * Runs `action` while holding a lock file of this name in the run's temporary folder, shared by the Jest workers. A
 * lock whose holder has ended (or that stayed empty) is taken over, and after {@link LOCK_WAIT_MS} the action runs
 * anyway: the lock only saves a second plan of the same stack, and the plan cache is written by rename.
 */
function whileHolding<T>(name: string, action: () => T): T {
  const lock = join(tmpdir(), `${name}.lock`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() > deadline) return action();
      if (isStale(lock)) rmSync(lock, { force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return action();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Whether a lock file's holder has ended, or it stayed empty too long to be still starting. */
function isStale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return Date.now() - statSync(lock).mtimeMs > LOCK_WRITE_MS;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ENOENT: released meanwhile (try again); ESRCH: its holder has ended; EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** A deep copy of a planned stack's document (the test stack's unless given) with `edit` applied. */
export function editedStack(edit: (doc: EditableDoc) => void, from: PlannedTestStack = testStack()): { doc: TerraformJson } {
  const doc = JSON.parse(JSON.stringify(from.doc)) as EditableDoc;
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
