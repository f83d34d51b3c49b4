import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { MotoServer, motoUnavailableReason, startMoto } from "../support/moto-server";
import { writeMotoOverride } from "../support/moto-terraform";
import { synthesizeApp, SynthesizedStack, TerraformJson } from "../support/synth";
import { planDrift, plannedChanges, terraformOk } from "../support/terraform-cli";

// A deployed stack is changed the way a user changes it, and `terraform plan` against moto shows which changes go live:
// every change a deployment serves replaces the deployment (create_before_destroy: create, then delete), and nothing
// else does. After the change is applied, the plan is clean again. moto cannot apply the REST API policy
// (apply-teams-against-moto.test.ts says why), so the source-IP change is planned, not applied.
const REGION = "us-west-2";
const BASE = { regions: [REGION], signals: ["metrics", "traces"], dashboard: { enabled: false }, alarms: { enabled: false } };
const skipReason = motoUnavailableReason();
if (skipReason) console.warn(`SKIPPED: redeployment plans against moto: ${skipReason}`);
const describeWithMoto = skipReason ? describe.skip : describe;

describeWithMoto("changes to a deployed stack, planned against moto", () => {
  let moto: MotoServer;
  let stack: SynthesizedStack;
  let applied: string;

  /** Puts `json` in the deployed stack's folder in place of its configuration; the state stays. */
  function configure(json: TerraformJson | string): void {
    writeFileSync(join(stack.dir, "cdk.tf.json"), typeof json === "string" ? json : JSON.stringify(json, null, 2));
  }
  const synthesized = (settings: Record<string, unknown>) => synthesizeApp({ ...BASE, ...settings })[0].json;
  const deploymentReplaced = () =>
    plannedChanges(stack.dir).some((c) => c.address.startsWith("aws_api_gateway_deployment.") && c.actions.join(",") === "create,delete");
  /** The stack synthesized as if one of the project's tables had changed: `change` returns the module's new exports. */
  function synthesizedWithTable(modulePath: string, change: (table: any) => Record<string, unknown>): TerraformJson {
    let json: TerraformJson | undefined;
    jest.isolateModules(() => {
      const table = jest.requireActual(modulePath);
      jest.doMock(modulePath, () => ({ ...table, ...change(table) }));
      json = (require("../support/synth") as typeof import("../support/synth")).synthesizeApp(BASE)[0].json;
      jest.dontMock(modulePath);
    });
    return json!;
  }

  beforeAll(async () => {
    moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: "true" });
    [stack] = synthesizeApp(BASE);
    writeMotoOverride(stack.dir, moto.endpoint, REGION);
    terraformOk(stack.dir, ["init", "-input=false"]);
    terraformOk(stack.dir, ["apply", "-auto-approve", "-input=false"]);
    applied = readFileSync(join(stack.dir, "cdk.tf.json"), "utf8");
  }, 600_000);

  afterEach(() => configure(applied));

  afterAll(async () => {
    await moto?.stop();
  });

  test("plans nothing right after the apply", () => {
    expect(planDrift(stack.dir)).toBeUndefined();
  });

  test("a changed status mapping replaces the deployment", () => {
    configure(
      synthesizedWithTable("../../src/proxy/status-mapping", (table) => ({
        STATUS_MAPPINGS: table.STATUS_MAPPINGS.map((m: any) => (m.statusCode === "429" ? { ...m, selectionPattern: "^(429|420)$" } : m)),
      })),
    );
    expect(deploymentReplaced()).toBe(true);
  });

  test("changed binary media types replace the deployment", () => {
    configure(synthesizedWithTable("../../src/proxy/rest-api-settings", () => ({ BINARY_MEDIA_TYPES: ["application/x-protobuf", "application/grpc"] })));
    expect(deploymentReplaced()).toBe(true);
  });

  test("a source-IP allow-list replaces the deployment", () => {
    configure(synthesized({ allowedSourceCidrs: ["203.0.113.0/24"] }));
    expect(deploymentReplaced()).toBe(true);
  });

  test("a change the deployment does not serve, such as log retention, leaves the deployment alone", () => {
    configure(synthesized({ logRetentionDays: 90 }));
    const changes = plannedChanges(stack.dir);
    expect(changes.map((c) => c.address)).toEqual([expect.stringMatching(/^aws_cloudwatch_log_group\./)]);
  });

  test("a new route replaces the deployment, and once applied the plan is clean again", () => {
    const withLogs = synthesized({ signals: ["metrics", "traces", "logs"] });
    configure(withLogs);
    expect(deploymentReplaced()).toBe(true);
    terraformOk(stack.dir, ["apply", "-auto-approve", "-input=false"]);
    expect(planDrift(stack.dir)).toBeUndefined();
    applied = JSON.stringify(withLogs, null, 2);
  });
});
