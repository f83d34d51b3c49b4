import { initAndValidate } from "../support/terraform-cli";
import { synthesizeApp } from "../support/synth";

// terraform init + validate (offline, hashicorp/aws 5.100.0) of stacks with every team, logging and network setting,
// so each new resource and argument is checked against the provider's schema.
const CERT = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/12345678-1234-1234-1234-123456789012`;
const WEB_ACL = (region: string) => `arn:aws:wafv2:${region}:123456789012:regional/webacl/otlp/12345678-1234-1234-1234-123456789012`;

const THREE_TEAMS = [
  { name: "platform", rateLimit: 50, burstLimit: 100 },
  { name: "data-science", rateLimit: 10, burstLimit: 20, quota: { limit: 100000, period: "DAY" } },
  { name: "contractors", quota: { limit: 5000, period: "MONTH" }, enabled: false },
];

const CASES: ReadonlyArray<[string, Record<string, unknown>]> = [
  ["three teams, an IP allow-list and access logs in every default region", { teams: THREE_TEAMS, allowedSourceCidrs: ["203.0.113.0/24", "2001:db8::/32"] }],
  ["no logging at all", { regions: ["us-east-1"], accessLogs: false, detailedMetrics: false }],
  ["execution logs, detailed metrics and an existing account role", { regions: ["us-east-1"], executionLogLevel: "info", detailedMetrics: true, accountCloudWatchRole: "existing", accessLogRetentionDays: 7, accessLogGroupName: "/otlp/access" }],
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
];

describe("stacks with team, logging and network settings are valid Terraform", () => {
  const stacks = CASES.flatMap(([name, settings]) => synthesizeApp(settings).map((stack) => [`${name}: ${stack.name}`, stack.dir] as const));

  test.each(stacks)("%s passes terraform validate", (_name, dir) => {
    expect(initAndValidate(dir)).toContain("Success! The configuration is valid.");
  });
});
