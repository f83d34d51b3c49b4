import { SIGNAL_ENDPOINTS, Signal } from "../otlp/signals";

/** One IAM policy statement, with the reason for any wildcard resource. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Action: string;
  readonly Resource: string;
}

/** Why a statement's resource is a wildcard; checked by the guardrail tests and shown in the README's IAM table. */
export const WILDCARD_REASONS: Readonly<Record<string, string>> = {
  "cloudwatch:PutMetricData":
    "PutMetricData has no resource-level permissions; AWS's own OTLP template grants it on * (aws-behaviour.md, CloudWatch OTLP endpoints [code]). The cloudwatch:namespace condition is not applied to OTLP ingestion, so it cannot narrow this [code].",
  "xray:PutTraceSegments": "PutTraceSegments has no resource-level permissions (aws-behaviour.md, CloudWatch OTLP endpoints [doc]).",
};

/**
 * The integration role's permissions: exactly one action per enabled signal. Logs are scoped to the one OTLP log
 * group (`<group ARN>:*` covers its streams); the other two services allow no narrower resource.
 */
export function integrationPolicyStatements(signals: readonly Signal[], logGroupArn: string): PolicyStatement[] {
  return signals.map((signal) => {
    const action = SIGNAL_ENDPOINTS[signal].iamAction;
    return {
      Sid: `Otlp${signal[0].toUpperCase()}${signal.slice(1)}`,
      Effect: "Allow",
      Action: action,
      Resource: signal === "logs" ? `${logGroupArn}:*` : "*",
    };
  });
}

/**
 * Trust policy: only API Gateway may assume the role, with no `aws:SourceAccount` or `aws:SourceArn` condition.
 * API Gateway does not set those keys when it assumes an integration's credentials role, so such a condition makes
 * every request a 500 (aws-behaviour.md, "API Gateway REST API with AWS service integrations" [code]). Another
 * account cannot misuse the role: attaching it to an integration needs `iam:PassRole` in this account [infer].
 */
export function apiGatewayTrustPolicy(): object {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }],
  };
}
