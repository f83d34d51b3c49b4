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

interface ResourceChange {
  readonly address: string;
  readonly previous_address?: string;
  readonly change: { readonly actions: readonly string[] };
}

describeWithMoto("upgrading a stack deployed with module 0.2.0", () => {
  let moto: MotoServer;
  let root: string;
  let changes: ResourceChange[];

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
    terraformOk(root, ["plan", "-input=false", "-lock=false", "-out=upgrade.tfplan"]);
    changes = JSON.parse(terraformOk(root, ["show", "-json", "upgrade.tfplan"])).resource_changes ?? [];
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
    const acting = changes.filter((c) => !c.change.actions.every((a) => a === "no-op"));
    expect(acting.map((c) => `${c.change.actions.join("/")} ${c.address}`)).toEqual([]);
    expect(changes.length).toBeGreaterThan(100);
  });

  test("moves each route's resources, method and integration responses, gateway responses and alarms to their for_each keys", () => {
    const moves = Object.fromEntries(changes.filter((c) => c.previous_address).map((c) => [c.previous_address!.replace("module.otlp_proxy.", ""), c.address.replace("module.otlp_proxy.", "")]));
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
