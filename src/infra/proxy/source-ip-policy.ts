/**
 * The REST API resource policy that lets only `cidrs` call the API: an Allow of `execute-api:Invoke` for everyone and a
 * Deny for every source address outside the ranges (`NotIpAddress` on `aws:SourceIp`). With API keys and no IAM
 * authorizer, API Gateway needs an explicit Allow, and any explicit Deny wins
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html;
 * https://repost.aws/knowledge-center/api-gateway-access-denied). `executeApiArn` is the API's `execution_arn`; each
 * range is written as given, so callers write bare addresses with their prefix first (see withPrefix).
 */
export function sourceIpPolicy(executeApiArn: string, cidrs: readonly string[]): object {
  const resource = `${executeApiArn}/*`;
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "AllowInvoke", Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: resource },
      {
        Sid: "DenyOtherSourceIps",
        Effect: "Deny",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: resource,
        Condition: { NotIpAddress: { "aws:SourceIp": cidrs } },
      },
    ],
  };
}
