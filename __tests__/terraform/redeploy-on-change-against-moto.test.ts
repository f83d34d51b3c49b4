import { cpSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { MODULE_DIR } from "../../src/infra/stacks/otlp-proxy-module-files";
import { MotoServer, motoUnavailableReason, startMoto } from "../support/moto-server";
import { writeMotoOverride } from "../support/moto-terraform";
import { synthesizeApp, SynthesizedStack, TerraformJson } from "../support/synth";
import { planDrift, plannedChanges, terraformOk } from "../support/terraform-cli";

// A deployed stack is changed the way a user changes it, and `terraform plan` against moto shows which changes go live:
// every change a deployment serves replaces the deployment (create_before_destroy: create, then delete), and nothing
// else does. After the change is applied, the plan is clean again. moto cannot apply the REST API policy
// (apply-teams-against-moto.test.ts says why), so the source-IP change is planned, not applied.
// Settings are the module call's inputs in the stack's cdk.tf.json; the project's tables (status mappings, REST API
// settings) are in the module itself, so a changed table is the module regenerated into the stack's module folder.
const REGION = "us-west-2";
/** The module's folder inside the stack folder, which the stack's module call reads (its `source`). */
const MODULE_FOLDER = join("assets", "module", "otlp-proxy");
/** The deployment's address: the module's, as the region stack calls it. */
const DEPLOYMENT = "module.otlp_proxy.aws_api_gateway_deployment.api_deployment";
const BASE = { regions: [REGION], signals: ["metrics", "traces"], dashboard: { enabled: false }, alarms: { enabled: false } };
const skipReason = motoUnavailableReason();
if (skipReason) console.warn(`SKIPPED: redeployment plans against moto: ${skipReason}`);
const describeWithMoto = skipReason ? describe.skip : describe;

describeWithMoto("changes to a deployed stack, planned against moto", () => {
  let moto: MotoServer;
  let stack: SynthesizedStack;
  let applied: string;

  /** Puts `json` in the deployed stack's folder in place of its configuration; the state and the module stay. */
  function configure(json: TerraformJson | string): void {
    writeFileSync(join(stack.dir, "cdk.tf.json"), typeof json === "string" ? json : JSON.stringify(json, null, 2));
  }
  /** Puts the committed module back into the deployed stack's module folder. */
  const restoreModule = () => cpSync(MODULE_DIR, join(stack.dir, MODULE_FOLDER), { recursive: true });
  const synthesized = (settings: Record<string, unknown>) => synthesizeApp({ ...BASE, ...settings })[0].json;
  const deploymentReplaced = () => plannedChanges(stack.dir).some((c) => c.address === DEPLOYMENT && c.actions.join(",") === "create,delete");
  /**
   * Regenerates the module into the deployed stack's module folder as if one of the project's tables had changed:
   * `change` returns the table module's new exports, which the module generator reads under the mock.
   */
  function regenerateModuleWithTable(tablePath: string, change: (table: any) => Record<string, unknown>): void {
    jest.isolateModules(() => {
      const table = jest.requireActual(tablePath);
      jest.doMock(tablePath, () => ({ ...table, ...change(table) }));
      (require("../../src/infra/module/write-module") as typeof import("../../src/infra/module/write-module")).writeModule(join(stack.dir, MODULE_FOLDER));
      jest.dontMock(tablePath);
    });
  }

  beforeAll(async () => {
    moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: "true" });
    [stack] = synthesizeApp(BASE);
    writeMotoOverride(stack.dir, moto.endpoint, REGION);
    terraformOk(stack.dir, ["init", "-input=false"]);
    terraformOk(stack.dir, ["apply", "-auto-approve", "-input=false"]);
    applied = readFileSync(join(stack.dir, "cdk.tf.json"), "utf8");
  }, 600_000);

  afterEach(() => {
    configure(applied);
    restoreModule();
  });

  afterAll(async () => {
    await moto?.stop();
  });

  test("plans nothing right after the apply", () => {
    expect(planDrift(stack.dir)).toBeUndefined();
  });

  test("the stack's own module folder holds the committed module, unchanged by regenerating it with the real tables", () => {
    regenerateModuleWithTable("../../src/infra/proxy/status-mapping", () => ({}));
    expect(readFileSync(join(stack.dir, MODULE_FOLDER, "main.tf.json"), "utf8")).toBe(readFileSync(join(MODULE_DIR, "main.tf.json"), "utf8"));
    expect(plannedChanges(stack.dir)).toEqual([]);
  });

  test("a changed status mapping replaces the deployment", () => {
    regenerateModuleWithTable("../../src/infra/proxy/status-mapping", (table) => ({
      STATUS_MAPPINGS: table.STATUS_MAPPINGS.map((m: any) => (m.statusCode === "429" ? { ...m, selectionPattern: "^(429|420)$" } : m)),
    }));
    expect(readFileSync(join(stack.dir, MODULE_FOLDER, "main.tf.json"), "utf8")).toContain("^(429|420)$");
    expect(deploymentReplaced()).toBe(true);
  });

  test("changed binary media types replace the deployment", () => {
    regenerateModuleWithTable("../../src/infra/proxy/rest-api-settings", () => ({ BINARY_MEDIA_TYPES: ["application/x-protobuf", "application/grpc"] }));
    expect(readFileSync(join(stack.dir, MODULE_FOLDER, "main.tf.json"), "utf8")).toContain("application/grpc");
    expect(deploymentReplaced()).toBe(true);
  });

  test("a source-IP allow-list replaces the deployment", () => {
    configure(synthesized({ allowedSourceCidrs: ["203.0.113.0/24"] }));
    expect(deploymentReplaced()).toBe(true);
  });

  test("a change the deployment does not serve, such as log retention, leaves the deployment alone", () => {
    configure(synthesized({ logRetentionDays: 90 }));
    const changes = plannedChanges(stack.dir);
    expect(changes.map((c) => c.address)).toEqual(["module.otlp_proxy.aws_cloudwatch_log_group.otlp_logs"]);
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
