import { SIGNAL_ENDPOINTS, Signal } from "../otlp/signals";

/** One IAM policy statement; the resource is `*` only with a reason in WILDCARD_REASONS for each of its actions. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Action: readonly string[];
  readonly Resource: string | readonly string[];
}

/** Why a statement's resource is a wildcard; checked by the guardrail tests and shown in the README's IAM table. */
export const WILDCARD_REASONS: Readonly<Record<string, string>> = {
  "cloudwatch:PutMetricData":
    "PutMetricData has no resource-level permissions; AWS's own OTLP template grants it on * (docs/aws-facts.md, \"CloudWatch OTLP endpoints\" [code]). The cloudwatch:namespace condition is not applied to OTLP ingestion, so it cannot narrow this [code].",
  "xray:PutTraceSegments":
    "Named by X-Ray's OTLP bearer-token page for the traces endpoint; X-Ray actions have no resource-level permissions (docs/aws-facts.md, \"CloudWatch OTLP endpoints\" [doc]).",
  "xray:PutSpans":
    "Named by the Service Authorization Reference for uploading OpenTelemetry spans to X-Ray; the pages disagree on which action the endpoint checks, so both are granted; no resource-level permissions [doc].",
  "xray:PutSpansForIndexing":
    "Granted with the other two by working public templates for the OTLP traces endpoint (spans indexed by Transaction Search); no resource-level permissions [code].",
};

/**
 * The integration role's permissions: one statement per enabled signal, with that signal's actions. Logs are scoped to
 * the one OTLP log group, named both as the group itself and as `<group ARN>:*` (its streams): no AWS page says which
 * of the two the OTLP endpoint authorizes against, so both are granted. The other two services allow no narrower
 * resource.
 */
export function integrationPolicyStatements(signals: readonly Signal[], logGroupArn: string): PolicyStatement[] {
  return signals.map((signal) => ({
    Sid: `Otlp${signal[0].toUpperCase()}${signal.slice(1)}`,
    Effect: "Allow",
    Action: SIGNAL_ENDPOINTS[signal].iamActions,
    Resource: signal === "logs" ? [logGroupArn, `${logGroupArn}:*`] : "*",
  }));
}

/**
 * Trust policy: only API Gateway may assume the role, with no `aws:SourceAccount` or `aws:SourceArn` condition.
 * API Gateway does not set those keys when it assumes an integration's credentials role, so such a condition makes
 * every request a 500 (docs/aws-facts.md, "AWS service integrations" [code]). Another
 * account cannot misuse the role: attaching it to an integration needs `iam:PassRole` in this account [infer].
 */
export function apiGatewayTrustPolicy(): object {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }],
  };
}
