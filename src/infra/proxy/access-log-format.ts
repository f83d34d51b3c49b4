/**
 * The stage's access-log line: one JSON object per request, built from API Gateway's `$context` variables
 * (docs/aws-facts.md, "Logging" [doc]; https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-variables-for-access-logging.html).
 * Field names are a contract with the README's Logs Insights queries. The API key's value is never logged, only its id
 * (`apiKeyId`), which `terraform output api_key_ids` maps to a team. Numbers stay quoted strings: a variable with no
 * value is written as `-`, which would not be valid JSON unquoted.
 */
export const ACCESS_LOG_FIELDS: Readonly<Record<string, string>> = {
  requestId: "$context.requestId",
  extendedRequestId: "$context.extendedRequestId",
  time: "$context.requestTime",
  timeEpochMillis: "$context.requestTimeEpoch",
  sourceIp: "$context.identity.sourceIp",
  userAgent: "$context.identity.userAgent",
  apiKeyId: "$context.identity.apiKeyId",
  httpMethod: "$context.httpMethod",
  resourcePath: "$context.resourcePath",
  path: "$context.path",
  protocol: "$context.protocol",
  stage: "$context.stage",
  domainName: "$context.domainName",
  status: "$context.status",
  responseLength: "$context.responseLength",
  responseLatency: "$context.responseLatency",
  integrationStatus: "$context.integration.status",
  integrationLatency: "$context.integration.latency",
  errorMessage: "$context.error.messageString",
  errorResponseType: "$context.error.responseType",
  integrationErrorMessage: "$context.integrationErrorMessage",
  wafResponseCode: "$context.wafResponseCode",
};

/**
 * Variables API Gateway writes already quoted and escaped as a JSON string; an error message can hold a `"`, which
 * would break the line inside our own quotes (`$context.error.messageString`, same page as above).
 */
const PRE_QUOTED_VARIABLES: ReadonlySet<string> = new Set(["$context.error.messageString"]);

/** The access-log format string for `access_log_settings.format`: one line of JSON. */
export function accessLogFormat(fields: Readonly<Record<string, string>> = ACCESS_LOG_FIELDS): string {
  return `{${Object.entries(fields)
    .map(([name, variable]) => `"${name}":${PRE_QUOTED_VARIABLES.has(variable) ? variable : `"${variable}"`}`)
    .join(",")}}`;
}
