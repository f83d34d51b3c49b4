import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { committedModule } from "../support/plan-module";
import { projectSettings, synthesizeApp, SynthesizedStack } from "../support/synth";
import { countByType, offlinePlannedResources, terraformOk } from "../support/terraform-cli";

// terraform init + validate against the real hashicorp/aws 5.100.0 provider, offline through the project's own CLI
// configuration (support/terraform-cli.ts), of every synthesized stack of the project and of stacks with every
// setting: each stack folder (its module included) is a child module of one root, so one init and one validate check
// them all against the provider's schema. Terraform ignores a child module's backend block (with a warning), so the
// backend kinds are held to their expected blocks by __tests__/stacks/stack-backend.terraform.test.ts.
//
// validate checks a module's body with its inputs unknown, so the body's check is the same for every call: the first
// stack keeps the whole module, and every other stack calls the module's interface (its variables, with their types
// and validations, and its outputs), which is what a stack's own configuration is checked against.
const CERT = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/12345678-1234-1234-1234-123456789012`;
const WEB_ACL = (region: string) => `arn:aws:wafv2:${region}:123456789012:regional/webacl/otlp/12345678-1234-1234-1234-123456789012`;
const THREE_TEAMS = [
  { name: "platform", rateLimit: 50, burstLimit: 100 },
  { name: "data-science", rateLimit: 10, burstLimit: 20, quota: { limit: 100000, period: "DAY" } },
  { name: "contractors", quota: { limit: 5000, period: "MONTH" }, enabled: false },
];
const EVERY_OBSERVABILITY_OPTION = {
  regions: ["us-east-1"],
  detailedMetrics: true,
  teams: [{ name: "platform" }, { name: "data" }],
  dashboard: { enabled: true, aiUsageWidgets: true },
  alarms: { periodSeconds: 60, evaluationPeriods: 3, emails: ["oncall@example.com"] },
  transactionSearch: { enabled: true, indexingPercentage: 5 },
};

const VARIANTS: ReadonlyArray<[string, unknown]> = [
  ["the project's cdktf.json", projectSettings()],
  [
    "non-default names, retention and throttle",
    {
      regions: ["ca-central-1"],
      stageName: "v2_otlp",
      logGroupName: "/ai-tools/otlp",
      logStreamName: "all-clients",
      logRetentionDays: 0,
      throttle: { rateLimit: 12.5, burstLimit: 25 },
      signals: { default: ["traces", "logs"] },
      tags: { team: "platform", "cost-center": "123" },
    },
  ],
  ["an S3 backend", { regions: ["us-east-1"], backend: { type: "s3", bucket: "acme-tf-state", keyPrefix: "otlp-proxy", region: "us-east-1" } }],
  ["a Terraform Cloud backend with a named workspace", { regions: ["us-east-1"], backend: { type: "cloud", organization: "acme", project: "Telemetry", workspacePrefix: "ai-" } }],
  ["a Terraform Cloud backend with tagged workspaces", { regions: ["us-east-1"], backend: { type: "cloud", organization: "acme", workspaceTags: ["otlp-proxy"] } }],
  ["three teams, an IP allow-list and access logs", { regions: ["us-west-2"], teams: THREE_TEAMS, allowedSourceCidrs: ["203.0.113.0/24", "2001:db8::/32"], ipAddressType: "dualstack" }],
  ["no logging at all", { regions: ["us-east-1"], accessLogs: false, detailedMetrics: false }],
  [
    "execution logs, detailed metrics and an existing account role",
    { regions: ["us-east-1"], executionLogLevel: "info", detailedMetrics: true, accountCloudWatchRole: "existing", accessLogRetentionDays: 7, accessLogGroupName: "/otlp/access" },
  ],
  [
    "a custom domain per region with a Route 53 record, base path, no execute-api endpoint and a web ACL",
    {
      regions: ["us-east-1", "eu-west-1"],
      domainName: { "us-east-1": "otlp-use1.example.com", "eu-west-1": "otlp-euw1.example.com" },
      certificateArn: { "us-east-1": CERT("us-east-1"), "eu-west-1": CERT("eu-west-1") },
      hostedZoneId: "Z0123456789ABCDEFGHIJ",
      basePath: "otlp",
      disableExecuteApiEndpoint: true,
      webAclArn: { "us-east-1": WEB_ACL("us-east-1"), "eu-west-1": WEB_ACL("eu-west-1") },
      allowedSourceCidrs: { default: ["10.0.0.0/8"], "eu-west-1": ["192.0.2.10"] },
    },
  ],
  ["a custom domain without a DNS record", { regions: ["ap-southeast-2"], domainName: "otlp.example.com", certificateArn: CERT("ap-southeast-2") }],
  ["every observability option", EVERY_OBSERVABILITY_OPTION],
  ["an existing alarm topic per region", { regions: ["eu-west-1"], alarms: { topicArns: { "eu-west-1": "arn:aws:sns:eu-west-1:123456789012:ops" } } }],
  // The prefixed stack of __tests__/stacks/name-prefix.test.ts, validated here with the others.
  [
    "a name prefix, with teams, access logs, alarms and transaction search",
    {
      regions: ["ap-southeast-2"],
      teams: [{ name: "default" }, { name: "data" }],
      accessLogs: true,
      alarms: { emails: ["oncall@example.com"] },
      transactionSearch: { enabled: true },
      namePrefix: "staging-otlp",
    },
  ],
];

describe("every synthesized stack, with every kind of setting, is valid Terraform", () => {
  const root = mkdtempSync(join(tmpdir(), "otlp-proxy-validate-"));
  const stacks: { variant: string; stack: SynthesizedStack; call: string }[] = [];
  let validation: string;

  beforeAll(() => {
    const calls: Record<string, { source: string }> = {};
    VARIANTS.forEach(([variant, settings], v) => {
      for (const stack of synthesizeApp(settings)) {
        const call = `v${v}_${stack.region.replace(/-/g, "_")}`;
        cpSync(stack.dir, join(root, call), { recursive: true });
        if (stacks.length > 0) writeModuleInterface(join(root, call, "assets", "module", "otlp-proxy"));
        calls[call] = { source: `./${call}` };
        stacks.push({ variant, stack, call });
      }
    });
    writeFileSync(join(root, "main.tf.json"), JSON.stringify({ module: calls }, null, 2));
    terraformOk(root, ["init", "-backend=false", "-input=false"]);
    validation = terraformOk(root, ["validate"]);
  }, 300_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test("covers each variant and each of the project's regions", () => {
    expect(new Set(stacks.map((s) => s.variant)).size).toBe(VARIANTS.length);
    expect(stacks.filter((s) => s.variant === VARIANTS[0][0])).toHaveLength((projectSettings() as { regions: string[] }).regions.length);
  });

  test("passes terraform validate, every stack and its module", () => {
    expect(validation).toContain("Success! The configuration is valid");
    // The only warnings are Terraform's notes that a child module's provider and backend blocks stay with the root.
    const warnings = [...validation.matchAll(/Warning: ([^\n]+)/g)].map((m) => m[1]);
    expect(warnings.filter((w) => !/Backend configuration ignored|Redundant empty provider block|provider configuration/i.test(w))).toEqual([]);
  });

  test("plans the module's dashboard, alarms, 429 filter, topic, subscription and CloudFormation stack with every observability option", () => {
    const { stack } = stacks.find((s) => s.variant === "every observability option")!;
    const planned = offlinePlannedResources(stack.dir, "us-east-1");
    expect(planned.every((r) => r.address.startsWith("module.otlp_proxy."))).toBe(true);
    expect(countByType(planned)).toMatchObject({
      aws_cloudwatch_dashboard: 1,
      aws_cloudwatch_metric_alarm: 4,
      aws_cloudwatch_log_metric_filter: 1,
      aws_sns_topic: 1,
      aws_sns_topic_subscription: 1,
      aws_cloudformation_stack: 1,
    });
  }, 300_000);
});

/** The module as a call sees it, in place of the module in `dir`: its versions, its variables and its outputs (null). */
function writeModuleInterface(dir: string): void {
  const { versions, variables, outputs } = committedModule();
  const nullOutputs = Object.fromEntries(Object.entries(outputs.output as Record<string, Record<string, unknown>>).map(([name, o]) => [name, { ...o, value: null }]));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "versions.tf.json"), JSON.stringify(versions));
  writeFileSync(join(dir, "variables.tf.json"), JSON.stringify(variables));
  writeFileSync(join(dir, "outputs.tf.json"), JSON.stringify({ output: nullOutputs }));
}
