/**
 * The CloudFormation template that switches on X-Ray Transaction Search in one account and region: the CloudWatch Logs
 * resource policy that lets X-Ray write spans into `aws/spans` (and `/aws/application-signals/data`), and
 * `AWS::XRay::TransactionSearchConfig`. Pure, so it can be tested without synthesis.
 * Sources: docs/aws-facts.md, "Traces need X-Ray Transaction Search"; CloudWatch User Guide, "Using Transaction Search
 * with AWS CloudFormation"; CloudFormation template reference, AWS::XRay::TransactionSearchConfig (IndexingPercentage,
 * Number, 0–100) and AWS::Logs::ResourcePolicy (PolicyName, PolicyDocument as a JSON string).
 */

/** The resource policy's name with the default prefix; CloudWatch Logs allows a few resource policies per account and region. */
export const TRANSACTION_SEARCH_POLICY_NAME = "otlp-proxy-transaction-search";

/** The name of the CloudFormation stack and of its resource policy: `<namePrefix>-transaction-search`. */
export function transactionSearchName(namePrefix: string): string {
  return `${namePrefix}-transaction-search`;
}

/** The log groups X-Ray writes to once Transaction Search is on. */
export const TRANSACTION_SEARCH_LOG_GROUPS = ["aws/spans", "/aws/application-signals/data"] as const;

type CfnValue = string | { readonly Ref: string };

/**
 * The policy as text with `{{AWS::...}}` placeholders for the pseudo parameters. They become `Ref`s in an `Fn::Join`
 * rather than `${...}` in an `Fn::Sub`, because Terraform would read `${...}` inside `template_body` as its own
 * interpolation.
 */
export function transactionSearchPolicyText(): string {
  const logGroupArn = (name: string) => `arn:{{AWS::Partition}}:logs:{{AWS::Region}}:{{AWS::AccountId}}:log-group:${name}:*`;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "TransactionSearchXRayAccess",
        Effect: "Allow",
        Principal: { Service: "xray.amazonaws.com" },
        Action: "logs:PutLogEvents",
        Resource: TRANSACTION_SEARCH_LOG_GROUPS.map(logGroupArn),
        Condition: {
          ArnLike: { "aws:SourceArn": "arn:{{AWS::Partition}}:xray:{{AWS::Region}}:{{AWS::AccountId}}:*" },
          StringEquals: { "aws:SourceAccount": "{{AWS::AccountId}}" },
        },
      },
    ],
  });
}

/** Splits text with `{{AWS::X}}` placeholders into the parts of an `Fn::Join` with `Ref`s. */
export function joinWithPseudoParameters(text: string): { readonly "Fn::Join": [string, CfnValue[]] } {
  const parts: CfnValue[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{\{(AWS::[A-Za-z]+)\}\}/g)) {
    if (match.index! > last) parts.push(text.slice(last, match.index));
    parts.push({ Ref: match[1] });
    last = match.index! + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return { "Fn::Join": ["", parts] };
}

/** The template, as an object; `JSON.stringify` it for `template_body`. */
export function transactionSearchTemplate(indexingPercentage: number, policyName: string = TRANSACTION_SEARCH_POLICY_NAME): Record<string, unknown> {
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: "X-Ray Transaction Search for the OTLP proxy: spans to CloudWatch Logs (aws/spans). Account- and region-wide.",
    Resources: {
      LogsResourcePolicy: {
        Type: "AWS::Logs::ResourcePolicy",
        Properties: { PolicyName: policyName, PolicyDocument: joinWithPseudoParameters(transactionSearchPolicyText()) },
      },
      TransactionSearchConfig: {
        Type: "AWS::XRay::TransactionSearchConfig",
        // X-Ray needs the policy before it can write to aws/spans.
        DependsOn: "LogsResourcePolicy",
        Properties: { IndexingPercentage: indexingPercentage },
      },
    },
    Outputs: {
      AccountId: { Value: { "Fn::GetAtt": ["TransactionSearchConfig", "AccountId"] } },
    },
  };
}
