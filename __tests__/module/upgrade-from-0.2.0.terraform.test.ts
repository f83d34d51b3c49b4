import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { MotoServer, motoProvider, motoUnavailableReason, startMoto } from "../support/moto-server";
import { PROJECT_ROOT } from "../support/project";
import { terraformOk } from "../support/terraform-cli";
import { MODULE_DIR } from "../../src/infra/module/module-dir";

// A stack deployed with module 0.2.0 (a copy of it, __tests__/fixtures/module-0.2.0/) is upgraded to today's module:
// applied against moto with 0.2.0, then the same state planned with modules/otlp-proxy/ in its place. 0.2.0 wrote one
// resource block per route, per route and status, per gateway response and per alarm; today's module writes each kind
// once with for_each, and its moved blocks carry the state over, so the upgrade destroys nothing.
// The inputs are the ones moto can apply with every kind that moved: all three routes (36 method and integration
// responses), access logs and alarms (all four alarms). allowed_source_cidrs (ACCESS_DENIED's gateway response) is left
// out: moto cannot read back a REST API policy (see __tests__/terraform/deploy-against-moto.terraform.test.ts).
const REGION = "us-west-2";
const FIXTURE = join(PROJECT_ROOT, "__tests__", "fixtures", "module-0.2.0");
const INPUTS = {
  teams: [{ name: "platform" }, { name: "data-science", rate_limit: 10, burst_limit: 20 }],
  access_logs: true,
  account_cloud_watch_role: "existing",
  alarms: { enabled: true, emails: ["oncall@example.com"] },
};

const skipReason = motoUnavailableReason();
if (skipReason) console.warn(`SKIPPED: upgrade from module 0.2.0 against moto: ${skipReason}`);
const describeWithMoto = skipReason ? describe.skip : describe;

/** One `planned_change` line of `terraform plan -json`: an instance Terraform would act on, moves included. */
interface PlannedChange {
  readonly address: string;
  readonly previousAddress?: string;
  readonly action: string;
}

describeWithMoto("upgrading a stack deployed with module 0.2.0", () => {
  let moto: MotoServer;
  let root: string;
  let changes: PlannedChange[];
  let summary: { add: number; change: number; remove: number };

  /** Puts the module of `source` in the root's module folder, in place of what was there. */
  const useModule = (source: string) => {
    rmSync(join(root, "proxy"), { recursive: true, force: true });
    cpSync(source, join(root, "proxy"), { recursive: true, filter: (path) => !path.endsWith(".md") });
  };

  beforeAll(async () => {
    moto = await startMoto();
    root = mkdtempSync(join(tmpdir(), "otlp-proxy-upgrade-"));
    writeFileSync(
      join(root, "main.tf.json"),
      JSON.stringify({ provider: { aws: motoProvider(moto.endpoint, REGION) }, module: { otlp_proxy: { source: "./proxy", ...INPUTS } } }, null, 2),
    );
    useModule(FIXTURE);
    terraformOk(root, ["init", "-input=false"]);
    terraformOk(root, ["apply", "-input=false", "-auto-approve", "-lock=false"]);
    useModule(MODULE_DIR);
    // Planned against the state as applied (no refresh): an upgrade is a change of configuration, and its plan's
    // machine-readable lines name every move and every other action.
    const lines = terraformOk(root, ["plan", "-input=false", "-lock=false", "-refresh=false", "-json"])
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line));
    changes = lines
      .filter((line) => line.type === "planned_change")
      .map(({ change }) => ({ address: change.resource.addr, previousAddress: change.previous_resource?.addr, action: change.action }));
    summary = lines.find((line) => line.type === "change_summary").changes;
  }, 600_000);

  afterAll(async () => {
    await moto?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test("uses the HCL module in place of 0.2.0's Terraform JSON", () => {
    expect(readdirSync(join(root, "proxy")).filter((f) => f.endsWith(".tf.json"))).toEqual([]);
  });

  test("plans only moves: nothing is created, changed, replaced or destroyed, not even the deployment", () => {
    // The redeployment trigger still hashes each served instance under its 0.2.0 address (v0-2-0-names.ts), so the
    // moved addresses leave it as it was.
    expect(changes.filter((c) => c.action !== "move").map((c) => `${c.action} ${c.address}`)).toEqual([]);
    expect(summary).toMatchObject({ add: 0, change: 0, remove: 0 });
  });

  test("moves each route's resources, method and integration responses, gateway responses and alarms to their for_each keys", () => {
    const moves = Object.fromEntries(changes.filter((c) => c.previousAddress).map((c) => [c.previousAddress!.replace("module.otlp_proxy.", ""), c.address.replace("module.otlp_proxy.", "")]));
    expect(moves).toMatchObject({
      "aws_api_gateway_resource.metrics[0]": 'aws_api_gateway_resource.route["metrics"]',
      "aws_api_gateway_method.logs_post[0]": 'aws_api_gateway_method.post["logs"]',
      "aws_api_gateway_integration.traces_integration[0]": 'aws_api_gateway_integration.post["traces"]',
      "aws_api_gateway_method_response.metrics_method_response_200[0]": 'aws_api_gateway_method_response.post["metrics/200"]',
      "aws_api_gateway_integration_response.logs_integration_response_429[0]": 'aws_api_gateway_integration_response.post["logs/429"]',
      "aws_api_gateway_gateway_response.gateway_response_throttled": 'aws_api_gateway_gateway_response.otlp["THROTTLED"]',
      "aws_cloudwatch_metric_alarm.throttled[0]": 'aws_cloudwatch_metric_alarm.proxy["throttled"]',
    });
    expect(Object.keys(moves)).toHaveLength(3 * 3 + 3 * 12 * 2 + 7 + 4);
  });
});
