import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { moduleHcl } from "../../src/infra/module/otlp-proxy-module";
import { ACCESS_LOG_GROUP_NAME, ALARMS_NOTIFY, Derived, LOGGING_ROLE_CREATED, TEAM_LIMITS, TRANSACTION_SEARCH_HERE } from "../../src/infra/settings/derived";
import { AlarmSettings } from "../../src/infra/settings/parse-alarms";
import { terraformOk } from "../support/terraform-cli";

// Facts both the module and synth derive from the settings (src/infra/settings/derived.ts) are written once in each
// language, side by side. This holds the two forms to each other: every case is one call of a module made of the
// real module's variables.tf and each derivation's `hcl` as a local, applied by Terraform (no provider, no resource),
// and its outputs must equal the TypeScript `ts` of the same inputs.

const ARN = "arn:aws:sns:us-east-1:123456789012:ops";

interface Case {
  readonly name: string;
  readonly derived: Derived<any, unknown>;
  readonly ts: unknown;
  /** The module's inputs, and the region its provider would be in. */
  readonly region: string;
  readonly inputs: Record<string, unknown>;
  /** Turns the HCL value into the TypeScript form (snake_case objects). */
  readonly fromHcl?: (value: any) => unknown;
}

const alarms = (enabled: boolean, topicArns: Record<string, string>, emails: string[]) => ({
  ts: { alarms: { enabled, topicArns, emails } as unknown as AlarmSettings, region: "us-east-1" },
  inputs: { alarms: { enabled, topic_arns: topicArns, emails } },
});
const search = (enabled: boolean, regions: string[] | undefined) => ({
  ts: { transactionSearch: { enabled, indexingPercentage: 1, ...(regions ? { regions } : {}) }, region: "us-east-1" },
  inputs: { transaction_search: { enabled, regions: regions ?? null } },
});
const accessLogs = (namePrefix: string, accessLogGroupName: string) => ({
  ts: { namePrefix, accessLogGroupName },
  inputs: { name_prefix: namePrefix, access_log_group_name: accessLogGroupName },
});
const logging = (accessLogs: boolean, executionLogLevel: string, accountCloudWatchRole: string) => ({
  ts: { accessLogs, executionLogLevel, accountCloudWatchRole },
  inputs: { access_logs: accessLogs, execution_log_level: executionLogLevel, account_cloud_watch_role: accountCloudWatchRole },
});
const limits = (value: Record<string, { rate_limit: number; burst_limit: number }>) =>
  Object.fromEntries(Object.entries(value).map(([name, l]) => [name, { rateLimit: l.rate_limit, burstLimit: l.burst_limit }]));
const TEAMS = [{ name: "platform" }, { name: "data-science", rateLimit: 5 }, { name: "contractors", burstLimit: 300 }];

const CASES: Case[] = [
  { name: "transaction search off", derived: TRANSACTION_SEARCH_HERE, region: "us-east-1", ...search(false, undefined) },
  { name: "transaction search on, every region", derived: TRANSACTION_SEARCH_HERE, region: "us-east-1", ...search(true, undefined) },
  { name: "transaction search on, another region only", derived: TRANSACTION_SEARCH_HERE, region: "us-east-1", ...search(true, ["eu-west-1"]) },
  { name: "transaction search on, this region named", derived: TRANSACTION_SEARCH_HERE, region: "us-east-1", ...search(true, ["eu-west-1", "us-east-1"]) },
  { name: "alarms off with a topic", derived: ALARMS_NOTIFY, region: "us-east-1", ...alarms(false, { "us-east-1": ARN }, []) },
  { name: "alarms with nobody to notify", derived: ALARMS_NOTIFY, region: "us-east-1", ...alarms(true, {}, []) },
  { name: "alarms with this region's topic", derived: ALARMS_NOTIFY, region: "us-east-1", ...alarms(true, { "us-east-1": ARN }, []) },
  { name: "alarms with another region's topic only", derived: ALARMS_NOTIFY, region: "us-east-1", ...alarms(true, { "eu-west-1": ARN.replace("us-east-1", "eu-west-1") }, []) },
  { name: "alarms with emails", derived: ALARMS_NOTIFY, region: "us-east-1", ...alarms(true, {}, ["oncall@example.com"]) },
  { name: "the default access-log group, default prefix", derived: ACCESS_LOG_GROUP_NAME, region: "us-east-1", ...accessLogs("otlp-proxy", ACCESS_LOG_GROUP_NAME.defaultName) },
  { name: "the default access-log group, another prefix", derived: ACCESS_LOG_GROUP_NAME, region: "us-east-1", ...accessLogs("staging", ACCESS_LOG_GROUP_NAME.defaultName) },
  { name: "a named access-log group, another prefix", derived: ACCESS_LOG_GROUP_NAME, region: "us-east-1", ...accessLogs("staging", "/ops/access") },
  { name: "the logging role, for access logs", derived: LOGGING_ROLE_CREATED, region: "us-east-1", ...logging(true, "OFF", "create") },
  { name: "the logging role, for execution logs in any case", derived: LOGGING_ROLE_CREATED, region: "us-east-1", ...logging(false, "error", "create") },
  { name: "no logging role when nothing logs", derived: LOGGING_ROLE_CREATED, region: "us-east-1", ...logging(false, "off", "create") },
  { name: "no logging role when the region has one", derived: LOGGING_ROLE_CREATED, region: "us-east-1", ...logging(true, "INFO", "existing") },
  {
    name: "team limits: own, partly own, the stack's",
    derived: TEAM_LIMITS,
    region: "us-east-1",
    ts: Object.fromEntries(TEAMS.map((team) => [team.name, TEAM_LIMITS.ts({ team, throttle: { rateLimit: 100, burstLimit: 200 } })])),
    inputs: {
      teams: TEAMS.map((t) => ({ name: t.name, rate_limit: t.rateLimit ?? null, burst_limit: t.burstLimit ?? null })),
      throttle: { rate_limit: 100, burst_limit: 200 },
    },
    fromHcl: limits,
  },
];

describe("each derived fact, in HCL and in TypeScript", () => {
  let root: string;
  let outputs: Record<string, { value: unknown }>;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "otlp-proxy-derived-"));
    const derive = join(root, "derive");
    mkdirSync(derive);
    writeFileSync(join(derive, "variables.tf"), moduleHcl()["variables.tf"]);
    const derivations = [...new Set(CASES.map((c) => c.derived))];
    writeFileSync(
      join(derive, "derived.tf"),
      [
        'variable "region" {\n  type = string\n}\n',
        `locals {\n  region = var.region\n${derivations.map((d) => `  ${d.local} = ${d.hcl}\n`).join("")}}\n`,
        ...derivations.map((d) => `output "${d.local}" {\n  value = local.${d.local}\n}\n`),
      ].join("\n"),
    );
    const calls = Object.fromEntries(CASES.map((c, i) => [`case_${i}`, { source: "./derive", region: c.region, ...c.inputs }]));
    const results = Object.fromEntries(CASES.map((c, i) => [`case_${i}`, { value: `\${module.case_${i}.${c.derived.local}}` }]));
    writeFileSync(join(root, "main.tf.json"), JSON.stringify({ module: calls, output: results }, null, 2));
    terraformOk(root, ["init", "-input=false"]);
    terraformOk(root, ["apply", "-input=false", "-auto-approve", "-lock=false"]);
    outputs = JSON.parse(terraformOk(root, ["output", "-json"]));
  }, 120_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test.each(CASES.map((c, i) => [c.name, i] as const))("agree: %s", (_name, i) => {
    const c = CASES[i];
    const hcl = outputs[`case_${i}`].value;
    const expected = c.derived === TEAM_LIMITS ? c.ts : c.derived.ts(c.ts);
    expect(c.fromHcl ? c.fromHcl(hcl) : hcl).toEqual(expected);
  });
});
