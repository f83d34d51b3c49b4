import { APIGatewayClient, GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { motoClientConfig, MotoServer, motoUnavailableReason, startMoto } from "../support/moto-server";
import { PROJECT_ROOT } from "../support/project";
import { terraformEnv } from "../support/terraform-cli";

// `cdktf deploy` and `cdktf destroy`, the README's first way in, run by the real cdktf CLI in a project folder of
// its own (this project's main.ts, a one-region cdktf.json) against moto, which the AWS provider reaches through
// AWS_ENDPOINT_URL. moto needs AWS's managed policies loaded for the account logging role's policy attachment.
const REGION = "us-west-2";
const STACK = `otlp-proxy-${REGION}`;
const skipReason = motoUnavailableReason();
if (skipReason) console.warn(`SKIPPED: cdktf deploy against moto: ${skipReason}`);
const describeWithMoto = skipReason ? describe.skip : describe;

describeWithMoto("cdktf deploy and destroy of a region stack against moto", () => {
  let moto: MotoServer;
  let project: string;
  let env: NodeJS.ProcessEnv;

  const cdktf = (command: string) =>
    spawnSync("npx", ["cdktf", command, STACK, "--auto-approve", "--skip-provider-lock"], {
      cwd: project,
      env,
      encoding: "utf8",
      timeout: 600_000,
    });

  beforeAll(async () => {
    moto = await startMoto({ MOTO_IAM_LOAD_MANAGED_POLICIES: "true" });
    project = mkdtempSync(join(tmpdir(), "otlp-proxy-cdktf-"));
    const cdktfJson = JSON.parse(readFileSync(join(PROJECT_ROOT, "cdktf.json"), "utf8"));
    cdktfJson.app = `npx ts-node --transpile-only ${JSON.stringify(join(PROJECT_ROOT, "main.ts"))}`;
    // One region with one route and no dashboard, alarms or access logs: the CLI's path is what is proved here; every
    // setting is applied and read back by deploy-against-moto.terraform.test.ts.
    Object.assign(cdktfJson.context.otlpProxy, { regions: [REGION], signals: ["logs"], dashboard: { enabled: false }, alarms: { enabled: false }, accessLogs: false });
    writeFileSync(join(project, "cdktf.json"), JSON.stringify(cdktfJson, null, 2));
    symlinkSync(join(PROJECT_ROOT, "node_modules"), join(project, "node_modules"));
    env = {
      ...terraformEnv(),
      CI: "1",
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_REGION: REGION,
      AWS_PROFILE: "",
    };
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
  });

  test("deploys the stack, keeping state beside the project by a relative path", async () => {
    const deploy = cdktf("deploy");
    const output = `${deploy.stdout}${deploy.stderr}`;
    expect(output).toContain("Apply complete!");
    expect({ status: deploy.status, end: deploy.status === 0 ? "" : output.slice(-3000) }).toEqual({ status: 0, end: "" });
    expect(existsSync(join(project, `terraform.${STACK}.tfstate`))).toBe(true);
    const apis = await new APIGatewayClient(motoClientConfig(moto.endpoint, REGION)).send(new GetRestApisCommand({}));
    expect(apis.items!.map((api) => api.name)).toEqual(["otlp-proxy"]);
  }, 600_000);

  test("destroys it again", async () => {
    const destroy = cdktf("destroy");
    const output = `${destroy.stdout}${destroy.stderr}`;
    expect(output).toContain("Destroy complete!");
    expect({ status: destroy.status, end: destroy.status === 0 ? "" : output.slice(-3000) }).toEqual({ status: 0, end: "" });
    const apis = await new APIGatewayClient(motoClientConfig(moto.endpoint, REGION)).send(new GetRestApisCommand({}));
    expect(apis.items ?? []).toEqual([]);
  }, 600_000);
});
