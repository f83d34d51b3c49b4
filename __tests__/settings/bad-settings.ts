/**
 * Every bad value the settings tests feed the parser, as one table: the settings, a part of the parser's message, and
 * what the Terraform module does with the same values as inputs (rules-parity.terraform.test.ts plans them). The settings tests
 * (parse-*.test.ts) check the messages from here; the parity test checks both sides.
 */

/** What the module does with the equivalent inputs. */
export type ModuleSide =
  /** Its plan fails with an error that names this (the variable path of the rule's message, or the variable itself for a type error). */
  | { readonly fails: string; readonly region?: string }
  /** The values have no module equivalent, or the module's types take them; why. */
  | { readonly settingsOnly: string };

export interface BadSetting {
  readonly name: string;
  readonly raw: unknown;
  /** A part of the parser's message: `context.otlpProxy.<setting>: received …; allowed: …`. */
  readonly message: string;
  readonly module: ModuleSide;
}

const CERT = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/12345678-1234-1234-1234-123456789012`;
const ACL = (region: string) => `arn:aws:wafv2:${region}:123456789012:regional/webacl/otlp/12345678-1234-1234-1234-123456789012`;
const ONE = ["us-east-1"];
const TWO = ["us-east-1", "eu-west-1"];

/** Reasons a bad setting has no module equivalent. */
const ONLY = {
  unknownSetting: "a module call with an argument the module does not declare fails at init, before any value is looked at",
  notAnObject: "a module's inputs are the arguments of its call, an object by construction",
  regions: "regions is no variable: the module is called once per region, in its provider's region",
  regionKeys: "the per-region object form, and its keys, exist only in settings: each region's call gets that region's value",
  converted: "Terraform converts the value to the variable's type (a number given as text, a number as a tag value); the region stacks pass parsed values",
  droppedMember: "Terraform drops an object member the variable's type does not declare; the settings refuse it, so a typo does not pass unnoticed",
  nullMeansDefault: "null for a variable that is not nullable means its default in Terraform",
  acrossRegions: "a rule across regions: one simple alias record per domain name, for all the region stacks together",
} as const;

const fails = (subject: string, region?: string): ModuleSide => ({ fails: subject, ...(region ? { region } : {}) });
const only = (reason: string): ModuleSide => ({ settingsOnly: reason });
const bad = (name: string, raw: unknown, message: string, module: ModuleSide): BadSetting => ({ name, raw, message, module });

/** parse-settings.test.ts: regions, names, retention, throttle, signals, tags. */
export const BAD_SETTINGS: readonly BadSetting[] = [
  bad("an unknown setting", { region: "us-east-1" }, 'context.otlpProxy.region: received "us-east-1"; allowed: one of the settings regions, stageName', only(ONLY.unknownSetting)),
  bad("settings that are not an object", ["us-east-1"], "allowed: an object of settings", only(ONLY.notAnObject)),
  bad("an empty region list", { regions: [] }, "context.otlpProxy.regions: received []", only(ONLY.regions)),
  bad("a region that does not exist", { regions: ["us-east-1", "us-middle-1"] }, 'context.otlpProxy.regions[1]: received "us-middle-1"; allowed: a commercial AWS region', only(`${ONLY.regions} (the aws provider refuses a region that does not exist)`)),
  bad("a region of another partition", { regions: ["cn-north-1"] }, 'context.otlpProxy.regions[0]: received "cn-north-1"', fails("the provider's region", "cn-north-1")),
  bad("a region listed twice", { regions: ["eu-west-1", "eu-west-1"] }, 'context.otlpProxy.regions[1]: received "eu-west-1"; allowed: each region once', only(ONLY.regions)),
  bad("a stage name with a slash", { stageName: "a/b" }, 'context.otlpProxy.stageName: received "a/b"', fails("stage_name")),
  bad("a stage name over 128 characters", { stageName: "s".repeat(129) }, "context.otlpProxy.stageName", fails("stage_name")),
  bad("a log group name under aws/", { logGroupName: "aws/spans" }, 'context.otlpProxy.logGroupName: received "aws/spans"; allowed: 1 to 512 of letters, digits', fails("log_group_name")),
  bad("a log group name with a space", { logGroupName: "otlp logs" }, 'context.otlpProxy.logGroupName: received "otlp logs"', fails("log_group_name")),
  bad("a log stream name with a colon", { logStreamName: "a:b" }, "context.otlpProxy.logStreamName: received \"a:b\"; allowed: 1 to 512 characters, none of them ':', '*' or a single quote", fails("log_stream_name")),
  bad("a log stream name with a quote", { logStreamName: "it's" }, 'context.otlpProxy.logStreamName: received "it\'s"', fails("log_stream_name")),
  bad("a log streams mode that does not exist", { logStreams: "per-user" }, 'context.otlpProxy.logStreams: received "per-user"; allowed: "per-team" (one stream per team, named by its API key id', fails("log_streams")),
  bad("log streams as a flag", { logStreams: true }, 'context.otlpProxy.logStreams: received true; allowed: "per-team"', fails("log_streams")),
  bad("a retention CloudWatch does not offer", { logRetentionDays: 10 }, "context.otlpProxy.logRetentionDays: received 10; allowed: one of CloudWatch Logs' retention values 0, 1, 3", fails("log_retention_days")),
  bad("a retention given as text", { logRetentionDays: "30" }, 'context.otlpProxy.logRetentionDays: received "30"', only(ONLY.converted)),
  bad("a throttle that is not an object", { throttle: 100 }, "context.otlpProxy.throttle: received 100; allowed: an object { rateLimit, burstLimit }", fails("throttle")),
  bad("an unknown throttle member", { throttle: { rate: 1 } }, "context.otlpProxy.throttle.rate: received 1; allowed: only rateLimit and burstLimit", only(ONLY.droppedMember)),
  bad("a zero rate limit", { throttle: { rateLimit: 0, burstLimit: 10 } }, "context.otlpProxy.throttle.rateLimit: received 0; allowed: a number of requests per second above 0", fails("throttle.rate_limit")),
  bad("a rate over the account limit", { throttle: { rateLimit: 20000, burstLimit: 5000 } }, "context.otlpProxy.throttle.rateLimit: received 20000", fails("throttle.rate_limit")),
  bad("a fractional burst", { throttle: { rateLimit: 1, burstLimit: 1.5 } }, "context.otlpProxy.throttle.burstLimit: received 1.5; allowed: a whole number", fails("throttle.burst_limit")),
  bad("a negative burst", { throttle: { burstLimit: -1 } }, "context.otlpProxy.throttle.burstLimit: received -1", fails("throttle.burst_limit")),
  bad("a burst below the rate", { throttle: { rateLimit: 50, burstLimit: 10 } }, "context.otlpProxy.throttle.burstLimit: received 10; allowed: at least throttle.rateLimit, so one second of traffic fits in a burst; throttle.rateLimit is 50", fails("throttle.burst_limit")),
  bad("metrics in a region without the OTLP metrics endpoint", { regions: ["il-central-1"] }, 'context.otlpProxy.signals: received ["metrics","traces","logs"]; allowed: metrics only in a region where CloudWatch has the OTLP metrics endpoint: af-south-1', fails("signals", "il-central-1")),
  bad("metrics in a region's own list where the endpoint is missing", { regions: ["us-east-1", "me-central-1"], signals: { default: ["logs"], "me-central-1": ["metrics"] } }, 'context.otlpProxy.signals.me-central-1: received ["metrics"]; allowed: metrics only in a region where CloudWatch has the OTLP metrics endpoint', fails("signals", "me-central-1")),
  bad("a metrics throttle that is not an object", { metricsThrottle: 500 }, "context.otlpProxy.metricsThrottle: received 500; allowed: an object with any of enabled, rateLimit, burstLimit", fails("metrics_throttle")),
  bad("a metrics throttle above the endpoint's account limit", { metricsThrottle: { rateLimit: 600, burstLimit: 600 } }, "context.otlpProxy.metricsThrottle.rateLimit: received 600; allowed: a number of requests per second above 0 and at most 500 (what CloudWatch's OTLP metrics endpoint takes per account", fails("metrics_throttle.rate_limit")),
  bad("a zero metrics throttle", { metricsThrottle: { rateLimit: 0 } }, "context.otlpProxy.metricsThrottle.rateLimit: received 0", fails("metrics_throttle.rate_limit")),
  bad("a fractional metrics burst", { metricsThrottle: { burstLimit: 500.5 } }, "context.otlpProxy.metricsThrottle.burstLimit: received 500.5; allowed: a whole number", fails("metrics_throttle.burst_limit")),
  bad("a metrics burst below its rate", { metricsThrottle: { rateLimit: 400, burstLimit: 100 } }, "context.otlpProxy.metricsThrottle.burstLimit: received 100; allowed: at least metricsThrottle.rateLimit, so one second of traffic fits in a burst; metricsThrottle.rateLimit is 400", fails("metrics_throttle.burst_limit")),
  bad("an unknown metrics throttle member", { metricsThrottle: { rate: 1 } }, "context.otlpProxy.metricsThrottle.rate: received 1; allowed: only enabled, rateLimit, burstLimit", only(ONLY.droppedMember)),
  bad("an unknown signal", { signals: ["metrics", "profiles"] }, 'context.otlpProxy.signals: received ["metrics","profiles"]; allowed: a non-empty list of distinct signals from metrics, traces, logs', fails("signals")),
  bad("an empty signal list", { signals: [] }, "context.otlpProxy.signals: received []", fails("signals")),
  bad("a signal listed twice", { signals: ["logs", "logs"] }, 'context.otlpProxy.signals: received ["logs","logs"]', fails("signals")),
  bad("signals for a region that is not deployed", { regions: ["us-east-1"], signals: { "eu-west-1": ["logs"] } }, 'context.otlpProxy.signals.eu-west-1: received ["logs"]; allowed: keys that are "default" or one of the configured regions (us-east-1)', only(ONLY.regionKeys)),
  bad("a bad per-region signal list", { signals: { default: ["logs"], "us-east-1": "traces" } }, 'context.otlpProxy.signals.us-east-1: received "traces"', fails("signals")),
  bad("signals of the wrong type", { signals: "logs" }, 'context.otlpProxy.signals: received "logs"', fails("signals")),
  bad("tags that are not an object", { tags: ["a"] }, 'context.otlpProxy.tags: received ["a"]; allowed: an object of tag names to string values', fails("tags")),
  bad("a tag name in the aws: namespace", { tags: { "aws:owner": "me" } }, 'context.otlpProxy.tags: received "aws:owner"', fails("tags")),
  bad("a tag name with a character AWS does not allow", { tags: { "bad tag!": "x" } }, 'context.otlpProxy.tags: received "bad tag!"; allowed: tag names of 1 to 128 letters, digits, spaces or _ . : / = + - @', fails("tags")),
  bad("a tag value that is not text", { tags: { owner: 42 } }, "context.otlpProxy.tags.owner: received 42; allowed: a string", only(ONLY.converted)),
  bad("a tag value with a character AWS does not allow", { tags: { owner: "a<b>" } }, 'context.otlpProxy.tags.owner: received "a<b>"; allowed: a string of 0 to 256', fails("tags[*]")),
];

/** parse-teams.test.ts. */
export const BAD_TEAMS: readonly BadSetting[] = [
  bad("teams that are not a list", { teams: { name: "a" } }, 'context.otlpProxy.teams: received {"name":"a"}; allowed: 1 to 300 teams in a list', fails("teams")),
  bad("an empty team list", { teams: [] }, "context.otlpProxy.teams: received []; allowed: 1 to 300 teams in a list", fails("teams")),
  bad("more teams than usage plans AWS allows", { teams: Array.from({ length: 301 }, (_, i) => ({ name: `t${i}` })) }, "300 usage plans per account and region", fails("teams")),
  bad("a team that is not an object", { teams: ["platform"] }, 'context.otlpProxy.teams[0]: received "platform"; allowed: an object { name', fails("teams")),
  bad("a team without a name", { teams: [{ rateLimit: 1 }] }, "context.otlpProxy.teams[0].name: received nothing; allowed: 1 to 48 lowercase letters", fails("teams")),
  bad("a name with capitals", { teams: [{ name: "Platform" }] }, 'context.otlpProxy.teams[0].name: received "Platform"', fails("teams[*].name")),
  bad("a name with an underscore", { teams: [{ name: "data_science" }] }, 'context.otlpProxy.teams[0].name: received "data_science"', fails("teams[*].name")),
  bad("a name ending in a hyphen", { teams: [{ name: "ops-" }] }, 'context.otlpProxy.teams[0].name: received "ops-"', fails("teams[*].name")),
  bad("a name over 48 characters", { teams: [{ name: "a".repeat(49) }] }, "context.otlpProxy.teams[0].name", fails("teams[*].name")),
  bad("two teams with one name", { teams: [{ name: "ops" }, { name: "ops" }] }, 'context.otlpProxy.teams[1].name: received "ops"; allowed: a name no other team has', fails("teams[*].name")),
  bad("an unknown team member", { teams: [{ name: "ops", rate: 1 }] }, "context.otlpProxy.teams[0].rate: received 1; allowed: only name, rateLimit, burstLimit, quota, enabled", only(ONLY.droppedMember)),
  bad("a zero rate", { teams: [{ name: "ops", rateLimit: 0 }] }, "context.otlpProxy.teams[0].rateLimit: received 0; allowed: a number of requests per second above 0 and at most 10000", fails("teams[*].rate_limit")),
  bad("a rate over the account limit", { teams: [{ name: "ops", rateLimit: 10001, burstLimit: 5000 }] }, "context.otlpProxy.teams[0].rateLimit: received 10001", fails("teams[*].rate_limit")),
  bad("a burst over the account limit", { teams: [{ name: "ops", burstLimit: 5001 }] }, "context.otlpProxy.teams[0].burstLimit: received 5001; allowed: a whole number of requests above 0 and at most 5000", fails("teams[*].burst_limit")),
  bad("a fractional burst", { teams: [{ name: "ops", burstLimit: 2.5 }] }, "context.otlpProxy.teams[0].burstLimit: received 2.5", fails("teams[*].burst_limit")),
  bad("a burst below the team's rate", { teams: [{ name: "ops", rateLimit: 50, burstLimit: 10 }] }, "context.otlpProxy.teams[0].burstLimit: received 10; allowed: a burst at least the rate, so one second of traffic fits in a burst (a limit a team leaves out is the one of throttle); here rate 50, burst 10", fails("teams[*].burst_limit")),
  bad("a rate above the stack's burst it falls back to", { teams: [{ name: "ops", rateLimit: 300 }] }, "context.otlpProxy.teams[0].rateLimit: received 300; allowed: a burst at least the rate, so one second of traffic fits in a burst (a limit a team leaves out is the one of throttle); here rate 300, burst 200", fails("teams[*].burst_limit")),
  bad("a quota that is not an object", { teams: [{ name: "ops", quota: 100 }] }, "context.otlpProxy.teams[0].quota: received 100; allowed: an object { limit, period } with period one of DAY, WEEK, MONTH", fails("teams")),
  bad("a quota with a zero limit", { teams: [{ name: "ops", quota: { limit: 0, period: "DAY" } }] }, "context.otlpProxy.teams[0].quota.limit: received 0; allowed: a whole number of requests per period above 0", fails("teams[*].quota.limit")),
  bad("a quota with a fractional limit", { teams: [{ name: "ops", quota: { limit: 1.5, period: "DAY" } }] }, "context.otlpProxy.teams[0].quota.limit: received 1.5", fails("teams[*].quota.limit")),
  bad("a quota above what AWS allows", { teams: [{ name: "ops", quota: { limit: 2_147_483_648, period: "DAY" } }] }, "context.otlpProxy.teams[0].quota.limit: received 2147483648; allowed: a whole number of requests per period above 0 (at most 2147483647)", fails("teams[*].quota.limit")),
  bad("a quota period AWS does not have", { teams: [{ name: "ops", quota: { limit: 10, period: "YEAR" } }] }, 'context.otlpProxy.teams[0].quota.period: received "YEAR"; allowed: one of DAY, WEEK, MONTH', fails("teams[*].quota.period")),
  bad("an unknown quota member", { teams: [{ name: "ops", quota: { limit: 10, period: "DAY", offset: 1 } }] }, "context.otlpProxy.teams[0].quota.offset: received 1; allowed: only limit and period", only(ONLY.droppedMember)),
  bad("enabled given as text", { teams: [{ name: "ops", enabled: "no" }] }, 'context.otlpProxy.teams[0].enabled: received "no"; allowed: true or false', fails("teams")),
];

/** parse-network.test.ts. */
export const BAD_NETWORK: readonly BadSetting[] = [
  bad("CIDRs that are not a list", { regions: ONE, allowedSourceCidrs: "10.0.0.0/8" }, 'context.otlpProxy.allowedSourceCidrs: received "10.0.0.0/8"; allowed: a non-empty list', fails("allowed_source_cidrs")),
  bad("an empty CIDR list", { regions: ONE, allowedSourceCidrs: [] }, "context.otlpProxy.allowedSourceCidrs: received []", fails("allowed_source_cidrs")),
  bad("an IPv4 prefix over 32", { regions: ONE, allowedSourceCidrs: ["10.0.0.0/33"] }, 'context.otlpProxy.allowedSourceCidrs[0]: received "10.0.0.0/33"; allowed: an IPv4 or IPv6 CIDR range', fails("allowed_source_cidrs[*]")),
  bad("an octet over 255", { regions: ONE, allowedSourceCidrs: ["10.0.0.256/32"] }, 'context.otlpProxy.allowedSourceCidrs[0]: received "10.0.0.256/32"', fails("allowed_source_cidrs[*]")),
  bad("a host name", { regions: ONE, allowedSourceCidrs: ["10.0.0.0/8", "example.com"] }, 'context.otlpProxy.allowedSourceCidrs[1]: received "example.com"', fails("allowed_source_cidrs[*]")),
  bad("a malformed IPv6 range", { regions: ONE, allowedSourceCidrs: ["2001:db8:::/32"] }, 'context.otlpProxy.allowedSourceCidrs[0]: received "2001:db8:::/32"', fails("allowed_source_cidrs[*]")),
  bad("a range listed twice", { regions: ONE, allowedSourceCidrs: ["10.0.0.0/8", "10.0.0.0/8"] }, 'context.otlpProxy.allowedSourceCidrs[1]: received "10.0.0.0/8"; allowed: each range once', fails("allowed_source_cidrs[*]")),
  bad("an address listed bare and with its prefix", { regions: ONE, allowedSourceCidrs: ["192.0.2.10/32", "192.0.2.10"] }, 'context.otlpProxy.allowedSourceCidrs[1]: received "192.0.2.10"; allowed: each range once', fails("allowed_source_cidrs[*]")),
  bad("CIDRs for a region not deployed", { regions: ONE, allowedSourceCidrs: { "eu-west-1": ["10.0.0.0/8"] } }, 'context.otlpProxy.allowedSourceCidrs.eu-west-1: received ["10.0.0.0/8"]; allowed: keys that are "default" or one of the configured regions (us-east-1)', only(ONLY.regionKeys)),
  bad("a bad CIDR in a region's list", { regions: ONE, allowedSourceCidrs: { "us-east-1": ["x"] } }, 'context.otlpProxy.allowedSourceCidrs.us-east-1[0]: received "x"', fails("allowed_source_cidrs[*]")),
  bad("a web ACL ARN of the wrong shape", { regions: ONE, webAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/otlp/12345678-1234-1234-1234-123456789012" }, 'context.otlpProxy.webAclArn: received "arn:aws:wafv2:us-east-1:123456789012:global/webacl', fails("web_acl_arn")),
  bad("a web ACL in another region", { regions: ONE, webAclArn: ACL("eu-west-1") }, "allowed: an ARN in the region of the API that uses it (a regional WAFv2 web ACL works only there); here us-east-1", fails("web_acl_arn")),
  bad("one web ACL for two regions", { regions: TWO, webAclArn: ACL("us-east-1") }, "allowed: an ARN in the region of the API that uses it (a regional WAFv2 web ACL works only there); here eu-west-1", fails("web_acl_arn", "eu-west-1")),
  bad("a region's web ACL in another region", { regions: TWO, webAclArn: { "eu-west-1": ACL("us-east-1") } }, "context.otlpProxy.webAclArn.eu-west-1: received", fails("web_acl_arn", "eu-west-1")),
  bad("a certificate ARN of the wrong shape", { regions: ONE, domainName: "otlp.example.com", certificateArn: "arn:aws:iam::123456789012:server-certificate/x" }, 'context.otlpProxy.certificateArn: received "arn:aws:iam::123456789012:server-certificate/x"; allowed: an ACM certificate ARN', fails("certificate_arn")),
  bad("a certificate in another region", { regions: ONE, domainName: "otlp.example.com", certificateArn: CERT("us-west-2") }, "allowed: an ARN in the region of the API that uses it (a regional custom domain needs a certificate of its own region); here us-east-1", fails("certificate_arn")),
  bad("a domain without a certificate", { regions: ONE, domainName: "otlp.example.com" }, "context.otlpProxy.certificateArn: received nothing; allowed: an ACM certificate ARN of the region, since domainName needs certificateArn (a custom domain needs a certificate in its own region); us-east-1 has a domainName but no certificateArn", fails("certificate_arn")),
  bad("a region with a domain but no certificate", { regions: TWO, domainName: { default: "otlp.example.com" }, certificateArn: { "us-east-1": CERT("us-east-1") } }, "eu-west-1 has a domainName but no certificateArn", fails("certificate_arn", "eu-west-1")),
  bad("a certificate without a domain", { regions: ONE, certificateArn: CERT("us-east-1") }, "allowed: only together with domainName", fails("certificate_arn")),
  bad("a certificate for a region without a domain", { regions: TWO, domainName: { "us-east-1": "otlp.example.com" }, certificateArn: { "us-east-1": CERT("us-east-1"), "eu-west-1": CERT("eu-west-1") } }, "context.otlpProxy.certificateArn: received {\"us-east-1\"", fails("certificate_arn", "eu-west-1")),
  bad("a wildcard domain", { regions: ONE, domainName: "*.example.com", certificateArn: CERT("us-east-1") }, 'context.otlpProxy.domainName: received "*.example.com"; allowed: a lowercase fully qualified host name', fails("domain_name")),
  bad("a domain with capitals", { regions: ONE, domainName: "OTLP.example.com", certificateArn: CERT("us-east-1") }, 'context.otlpProxy.domainName: received "OTLP.example.com"', fails("domain_name")),
  bad("a hosted zone id of the wrong shape", { regions: ONE, domainName: "otlp.example.com", certificateArn: CERT("us-east-1"), hostedZoneId: "/hostedzone/Z123" }, 'context.otlpProxy.hostedZoneId: received "/hostedzone/Z123"; allowed: a Route 53 hosted zone id', fails("hosted_zone_id")),
  bad("a hosted zone without a domain", { regions: ONE, hostedZoneId: "Z123" }, 'context.otlpProxy.hostedZoneId: received "Z123"; allowed: only together with domainName', fails("hosted_zone_id")),
  bad("a hosted zone for every region where one has no domain", { regions: TWO, domainName: { "us-east-1": "otlp.example.com" }, certificateArn: { "us-east-1": CERT("us-east-1") }, hostedZoneId: "Z123" }, 'context.otlpProxy.hostedZoneId: received "Z123"; allowed: only together with domainName; eu-west-1 has no custom domain', fails("hosted_zone_id", "eu-west-1")),
  bad("one alias record from two regions", { regions: TWO, domainName: "otlp.example.com", certificateArn: { "us-east-1": CERT("us-east-1"), "eu-west-1": CERT("eu-west-1") }, hostedZoneId: "Z123" }, "allowed: alias records for different domain names per region", only(ONLY.acrossRegions)),
  bad("a base path with a slash", { regions: ONE, domainName: "otlp.example.com", certificateArn: CERT("us-east-1"), basePath: "a/b" }, 'context.otlpProxy.basePath: received "a/b"; allowed: 1 to 128 letters', fails("base_path")),
  bad("a base path without a domain", { regions: ONE, basePath: "otlp" }, 'context.otlpProxy.basePath: received "otlp"; allowed: only together with domainName', fails("base_path")),
  bad("a base path for every region where one has no domain", { regions: TWO, domainName: { "us-east-1": "otlp.example.com" }, certificateArn: { "us-east-1": CERT("us-east-1") }, basePath: "otlp" }, 'context.otlpProxy.basePath: received "otlp"; allowed: only together with domainName; eu-west-1 has no custom domain', fails("base_path", "eu-west-1")),
  bad("no execute-api endpoint and no domain", { regions: ONE, disableExecuteApiEndpoint: true }, "context.otlpProxy.disableExecuteApiEndpoint: received true; allowed: true only where domainName gives a custom domain", fails("disable_execute_api_endpoint")),
  bad("an IP address type API Gateway does not have", { regions: ONE, ipAddressType: "ipv6" }, 'context.otlpProxy.ipAddressType: received "ipv6"; allowed: "ipv4" (IPv4 clients only, API Gateway\'s default) or "dualstack"', fails("ip_address_type")),
  bad("an IPv6 range on an IPv4-only endpoint", { regions: ONE, allowedSourceCidrs: ["203.0.113.0/24", "2001:db8::/32"] }, 'context.otlpProxy.allowedSourceCidrs: received "2001:db8::/32"; allowed: IPv4 ranges only while ipAddressType is "ipv4": an ipv4 endpoint takes no IPv6 connection, so an IPv6 range could never match; set ipAddressType to "dualstack" to admit IPv6 clients; us-east-1 lists 2001:db8::/32', fails("allowed_source_cidrs")),
  bad("an IPv6 address in one region's list on an IPv4-only endpoint", { regions: TWO, allowedSourceCidrs: { default: ["10.0.0.0/8"], "eu-west-1": ["2001:db8::1"] } }, "eu-west-1 lists 2001:db8::1", fails("allowed_source_cidrs", "eu-west-1")),
  bad("disableExecuteApiEndpoint as text", { regions: ONE, disableExecuteApiEndpoint: "yes" }, 'context.otlpProxy.disableExecuteApiEndpoint: received "yes"; allowed: true or false', fails("disable_execute_api_endpoint")),
];

/** parse-access-logs.test.ts and parse-name-prefix.test.ts. */
export const BAD_LOGGING: readonly BadSetting[] = [
  bad("accessLogs as text", { accessLogs: "yes" }, 'context.otlpProxy.accessLogs: received "yes"; allowed: true or false', fails("access_logs")),
  bad("an access log group under aws/", { accessLogGroupName: "aws/access" }, 'context.otlpProxy.accessLogGroupName: received "aws/access"; allowed: 1 to 512 of letters', fails("access_log_group_name")),
  bad("the OTLP log group as the access log group", { accessLogGroupName: "otlp-logs" }, 'context.otlpProxy.accessLogGroupName: received "otlp-logs"; allowed: a log group other than logGroupName', fails("access_log_group_name")),
  bad("a derived access-log group that is the OTLP log group", { namePrefix: "staging", logGroupName: "staging-access" }, 'context.otlpProxy.accessLogGroupName: received "staging-access"; allowed: a log group other than logGroupName', fails("access_log_group_name")),
  bad("a retention CloudWatch does not offer for access logs", { accessLogRetentionDays: 2 }, "context.otlpProxy.accessLogRetentionDays: received 2; allowed: one of CloudWatch Logs' retention values", fails("access_log_retention_days")),
  bad("an unknown log level", { executionLogLevel: "debug" }, 'context.otlpProxy.executionLogLevel: received "debug"; allowed: one of "off", "error", "info" (any case)', fails("execution_log_level")),
  bad("detailedMetrics as a number", { detailedMetrics: 1 }, "context.otlpProxy.detailedMetrics: received 1; allowed: true or false", fails("detailed_metrics")),
  bad("an unknown account role choice", { accountCloudWatchRole: "skip" }, 'context.otlpProxy.accountCloudWatchRole: received "skip"; allowed: "create"', fails("account_cloud_watch_role")),
  bad("data tracing, which would copy telemetry bodies into logs", { dataTraceEnabled: true }, "context.otlpProxy.dataTraceEnabled: received true; allowed: one of the settings", only(ONLY.unknownSetting)),
];

const NAME_PREFIX_ALLOWED = "allowed: 1 to 24 lowercase letters, digits or '-', starting with a letter and not ending with '-'";

/** parse-name-prefix.test.ts: each bad prefix, with the same message. */
export const BAD_NAME_PREFIXES: readonly BadSetting[] = (
  [
    ["an empty string", ""],
    ["upper-case letters", "Staging"],
    ["a leading digit", "1otlp"],
    ["a leading '-'", "-otlp"],
    ["a trailing '-'", "otlp-"],
    ["an underscore", "otlp_proxy"],
    ["a dot", "otlp.proxy"],
    ["25 characters", "a".repeat(25)],
    ["a number", 7],
    ["null", null],
  ] as const
).map(([name, namePrefix]) =>
  bad(
    `a name prefix of ${name}`,
    { namePrefix },
    `context.otlpProxy.namePrefix: received ${JSON.stringify(namePrefix)}; ${NAME_PREFIX_ALLOWED}`,
    namePrefix === null ? only(ONLY.nullMeansDefault) : fails("name_prefix"),
  ),
);

/** parse-observability-settings.test.ts: dashboard, alarms, transactionSearch. */
export const BAD_OBSERVABILITY: readonly BadSetting[] = [
  bad("a dashboard that is not an object", { dashboard: true }, "context.otlpProxy.dashboard: received true; allowed: an object with any of enabled, aiUsageWidgets", fails("dashboard")),
  bad("an unknown dashboard member", { dashboard: { widgets: [] } }, "context.otlpProxy.dashboard.widgets: received []; allowed: only enabled, aiUsageWidgets", only(ONLY.droppedMember)),
  bad("a dashboard switch given as text", { dashboard: { enabled: "no" } }, 'context.otlpProxy.dashboard.enabled: received "no"; allowed: true or false', fails("dashboard")),
  bad("an alarm period that is not whole minutes", { alarms: { periodSeconds: 90 } }, "context.otlpProxy.alarms.periodSeconds: received 90; allowed: a multiple of 60 seconds", fails("alarms.period_seconds")),
  bad("alarm periods longer than a day in all", { alarms: { periodSeconds: 3600, evaluationPeriods: 25 } }, "context.otlpProxy.alarms.evaluationPeriods: received 25; allowed: at most one day in all: alarms.periodSeconds times alarms.evaluationPeriods at most 86400; at most 24 with periods of 3600 s", fails("alarms.evaluation_periods")),
  bad("no evaluation period", { alarms: { evaluationPeriods: 0 } }, "context.otlpProxy.alarms.evaluationPeriods: received 0; allowed: a whole number from 1 to 1440", fails("alarms.evaluation_periods")),
  bad("a fractional client-error threshold", { alarms: { clientErrorsPerPeriod: 2.5 } }, "context.otlpProxy.alarms.clientErrorsPerPeriod: received 2.5; allowed: a whole number from 1", fails("alarms.client_errors_per_period")),
  bad("a throttled-request threshold above a billion", { alarms: { throttledRequestsPerPeriod: 1_000_000_001 } }, "context.otlpProxy.alarms.throttledRequestsPerPeriod: received 1000000001; allowed: a whole number from 1 to 1000000000", fails("alarms.throttled_requests_per_period")),
  bad("a zero threshold", { alarms: { serverErrorsPerPeriod: 0 } }, "context.otlpProxy.alarms.serverErrorsPerPeriod: received 0; allowed: a whole number from 1", fails("alarms.server_errors_per_period")),
  bad("a fractional latency", { alarms: { integrationLatencyP99Millis: 1.5 } }, "context.otlpProxy.alarms.integrationLatencyP99Millis: received 1.5", fails("alarms.integration_latency_p99_millis")),
  bad("a latency threshold above five minutes", { alarms: { integrationLatencyP99Millis: 300_001 } }, "context.otlpProxy.alarms.integrationLatencyP99Millis: received 300001; allowed: a whole number from 1 to 300000", fails("alarms.integration_latency_p99_millis")),
  bad("an email without a domain", { alarms: { emails: ["oncall"] } }, 'context.otlpProxy.alarms.emails[0]: received "oncall"; allowed: a list of distinct email addresses', fails("alarms.emails[*]")),
  bad("an email listed twice", { alarms: { emails: ["oncall@example.com", "oncall@example.com"] } }, 'context.otlpProxy.alarms.emails[1]: received "oncall@example.com"; allowed: a list of distinct email addresses', fails("alarms.emails[*]")),
  bad("a topic of another region", { regions: ["us-east-1"], alarms: { topicArns: { "us-east-1": "arn:aws:sns:us-west-2:123456789012:ops" } } }, 'context.otlpProxy.alarms.topicArns.us-east-1: received "arn:aws:sns:us-west-2:123456789012:ops"; allowed: a standard SNS topic ARN in the region it is given for', fails("alarms.topic_arns[*]")),
  bad("a FIFO topic", { regions: ["us-east-1"], alarms: { topicArns: { "us-east-1": "arn:aws:sns:us-east-1:123456789012:ops.fifo" } } }, "context.otlpProxy.alarms.topicArns.us-east-1", fails("alarms.topic_arns[*]")),
  bad("a topic for a region not deployed", { regions: ["us-east-1"], alarms: { topicArns: { "eu-west-1": "arn:aws:sns:eu-west-1:123456789012:ops" } } }, 'context.otlpProxy.alarms.topicArns.eu-west-1: received "arn:aws:sns:eu-west-1:123456789012:ops"; allowed: keys that are configured regions', only(ONLY.regionKeys)),
  bad("an indexing percentage over 100", { transactionSearch: { enabled: true, indexingPercentage: 101 } }, "context.otlpProxy.transactionSearch.indexingPercentage: received 101; allowed: a number from 0 to 100 percent", fails("transaction_search.indexing_percentage")),
  bad("a Transaction Search region not deployed", { regions: ["us-east-1"], transactionSearch: { enabled: true, regions: ["eu-west-1"] } }, 'context.otlpProxy.transactionSearch.regions[0]: received "eu-west-1"', only(ONLY.regionKeys)),
  bad("a Transaction Search region that does not exist", { transactionSearch: { enabled: true, regions: ["us-middle-1"] } }, 'context.otlpProxy.transactionSearch.regions: received ["us-middle-1"]; allowed: a non-empty list of distinct commercial AWS regions', fails("transaction_search.regions")),
  bad("an unknown Transaction Search member", { transactionSearch: { destination: "CloudWatchLogs" } }, 'context.otlpProxy.transactionSearch.destination: received "CloudWatchLogs"; allowed: only enabled, indexingPercentage, regions', only(ONLY.droppedMember)),
];

/** Every bad setting of the tables above. */
export const ALL_BAD_SETTINGS: readonly BadSetting[] = [...BAD_SETTINGS, ...BAD_TEAMS, ...BAD_NETWORK, ...BAD_LOGGING, ...BAD_NAME_PREFIXES, ...BAD_OBSERVABILITY];
