/**
 * What AWS allows for each setting, with where it is written down. Pure data, shared by validation and the README.
 */

/**
 * Commercial regions of the `aws` partition (the ARNs this construct writes use that partition). China and GovCloud
 * regions need other partitions and are not supported.
 * Source: AWS General Reference, "Regions and Zones" (docs.aws.amazon.com/general/latest/gr/rande.html); ap-southeast-6
 * (Asia Pacific, New Zealand) is named by CloudWatch's PromQL region list (docs/aws-facts.md, "OTLP endpoint regions").
 */
export const AWS_COMMERCIAL_REGIONS: readonly string[] = [
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-south-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ca-central-1",
  "ca-west-1",
  "eu-central-1",
  "eu-central-2",
  "eu-north-1",
  "eu-south-1",
  "eu-south-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
];

/**
 * Values CloudWatch Logs accepts for a log group's retention; 0 means never expire (Terraform's convention).
 * Source: CloudWatch Logs API, PutRetentionPolicy, `retentionInDays`.
 */
export const LOG_RETENTION_DAYS: readonly number[] = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** Stage names: letters, digits, hyphens and underscores, at most 128. Source: API Gateway CreateStage, `stageName`. */
export const STAGE_NAME = { pattern: /^[A-Za-z0-9_-]{1,128}$/, rule: "1 to 128 letters, digits, '-' or '_'" };

/**
 * A name rule that Terraform's regular expressions (RE2, no lookahead) can check too: `characters` is the pattern
 * without the reserved prefix, `reservedPrefix` what a name must not start with. `pattern` is the two together.
 */
export interface PrefixedNameRule {
  readonly pattern: RegExp;
  readonly characters: RegExp;
  readonly reservedPrefix: string;
  readonly rule: string;
}

function prefixedName(characters: RegExp, reservedPrefix: string, rule: string): PrefixedNameRule {
  const escaped = reservedPrefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return { pattern: new RegExp(`^(?!${escaped})${characters.source.slice(1)}`, characters.flags), characters, reservedPrefix, rule };
}

/** Log group names. Source: CloudWatch Logs CreateLogGroup, `logGroupName` (aws/ is reserved for AWS services). */
export const LOG_GROUP_NAME = prefixedName(
  /^[A-Za-z0-9._\-/#]{1,512}$/,
  "aws/",
  "1 to 512 of letters, digits, '.', '_', '-', '/', '#', not starting with 'aws/'",
);

/**
 * Log stream names. Source: CloudWatch Logs CreateLogStream, `logStreamName` (no ':' or '*'). A single quote is refused
 * too, because API Gateway quotes static header values with it.
 */
export const LOG_STREAM_NAME = { pattern: /^[^:*']{1,512}$/, rule: "1 to 512 characters, none of them ':', '*' or a single quote" };

/**
 * Account-level API Gateway throttle per region, the ceiling for any usage plan.
 * Source: docs/aws-facts.md, "API Gateway REST API" limits [doc].
 */
export const ACCOUNT_THROTTLE = { rateLimit: 10_000, burstLimit: 5_000 };

/** Tag keys and values. Source: AWS tagging best practices, "Tag naming limits and requirements". */
export const TAG_KEY = prefixedName(
  /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u,
  "aws:",
  "1 to 128 letters, digits, spaces or _ . : / = + - @, not starting with 'aws:'",
);
export const TAG_VALUE = { pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u, rule: "0 to 256 letters, digits, spaces or _ . : / = + - @" };

/**
 * Usage plans per account and region (10,000 API keys); each team has one of each, so usage plans bound the team
 * count. Source: docs/aws-facts.md, "API keys" [doc].
 */
export const USAGE_PLANS_PER_REGION = 300;

/**
 * Team names: they name the API key and usage plan, appear in construct ids (Terraform addresses) and in outputs, so
 * they are kept to lowercase letters, digits and inner hyphens. This project's rule, well inside API Gateway's own
 * (key and plan names of up to 1,024 characters).
 */
export const TEAM_NAME = {
  pattern: /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/,
  rule: "1 to 48 lowercase letters, digits or '-', starting and ending with a letter or digit",
};

/** Usage-plan quota periods. Source: API Gateway CreateUsagePlan, `quota.period`. */
export const QUOTA_PERIODS = ["DAY", "WEEK", "MONTH"] as const;

/** Execution log levels of a stage's method settings. Source: API Gateway method settings, `loggingLevel`. */
export const EXECUTION_LOG_LEVELS = ["OFF", "ERROR", "INFO"] as const;

/**
 * A regional WAFv2 web ACL ARN (API Gateway stages take only REGIONAL web ACLs). Source: AWS WAF Developer Guide,
 * "Web ACL" ARN format `arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>`.
 */
export const WEB_ACL_ARN = /^arn:aws:wafv2:([a-z0-9-]+):(\d{12}):regional\/webacl\/[A-Za-z0-9_-]{1,128}\/[0-9a-f-]{36}$/;

/** An ACM certificate ARN; a regional custom domain needs one in its own region. Source: ACM ARN format. */
export const CERTIFICATE_ARN = /^arn:aws:acm:([a-z0-9-]+):(\d{12}):certificate\/[0-9a-f-]{36}$/;

/** A Route 53 hosted zone id. Source: Route 53 API, `HostedZone.Id` (without the `/hostedzone/` prefix). */
export const HOSTED_ZONE_ID = { pattern: /^Z[A-Z0-9]{1,31}$/, rule: "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ" };

/**
 * Custom domain names: a fully qualified lowercase host name, each label 1 to 63 characters, at most 253 in all, no
 * wildcard. Source: RFC 1035 host names; API Gateway CreateDomainName.
 */
export const DOMAIN_NAME = {
  pattern: /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
  /** The same without the length lookahead, for RE2; `length` holds the bounds. */
  labels: /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
  length: { min: 4, max: 253 },
  rule: "a lowercase fully qualified host name such as otlp.example.com (no wildcard, no trailing dot)",
};

/** Base path of a base path mapping. Source: API Gateway CreateBasePathMapping, `basePath`. */
export const BASE_PATH = { pattern: /^[A-Za-z0-9._-]{1,128}$/, rule: "1 to 128 letters, digits, '.', '_' or '-' (no slash)" };

/** The most requests a usage-plan quota may allow per period. Source: API Gateway CreateUsagePlan, `quota.limit` (Integer). */
export const QUOTA_LIMIT_MAX = 2_147_483_647;

/**
 * CloudWatch PutMetricAlarm: `Period` is 10, 30 or a multiple of 60 (below 60 only for high-resolution metrics, which
 * API Gateway's are not), and `Period` times `EvaluationPeriods` is at most one day.
 */
export const ALARM_PERIOD = { multipleOfSeconds: 60, maxTotalSeconds: 86_400 } as const;

/** Five minutes: well above API Gateway's 29 s default integration timeout (docs/aws-facts.md, "API Gateway REST API", limits). */
export const MAX_LATENCY_MILLIS = 300_000;

/** Email addresses an SNS email subscription takes: something@domain.tld, without spaces or quotes. */
export const EMAIL = /^[^@\s'"]+@[^@\s'"]+\.[^@\s'"]+$/;

/**
 * An SNS topic ARN of the `aws` partition in `region` (a regex fragment: the settings capture any region, the module
 * interpolates the map key); standard topics only (alarms cannot publish to FIFO topics).
 */
export const topicArnPattern = (region: string): string => `^arn:aws:sns:${region}:[0-9]{12}:[A-Za-z0-9_-]{1,256}$`;

/** {@link topicArnPattern} in any region, captured. */
export const TOPIC_ARN = new RegExp(topicArnPattern("([a-z0-9-]+)"));

/** `IndexingPercentage` of AWS::XRay::TransactionSearchConfig: Minimum 0, Maximum 100 (CloudFormation template reference). */
export const INDEXING_PERCENTAGE = { min: 0, max: 100, unit: "percent" } as const;

/**
 * What a name prefix may be. 24 characters keep the tightest derived name, the IAM role
 * `<prefix>-apigw-logs-<longest region>`, well within IAM's 64 ("IAM and AWS STS quotas", role name); lowercase
 * letters, digits and '-' are allowed in every name it starts (IAM, API Gateway, CloudWatch, SNS, CloudFormation stack
 * names, which must start with a letter).
 */
export const NAME_PREFIX_RULE = {
  pattern: /^[a-z](?:[a-z0-9-]{0,22}[a-z0-9])?$/,
  maxLength: 24,
  rule: "1 to 24 lowercase letters, digits or '-', starting with a letter and not ending with '-'",
} as const;
