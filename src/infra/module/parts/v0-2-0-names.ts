/**
 * The resource names of module 0.2.0, which wrote one block per route, per route and status, per gateway response and
 * per alarm. History, so written out rather than read from today's tables. `moved.tf` moves their state to today's
 * addresses, and the deployment's trigger still hashes each served instance under its 0.2.0 address, so upgrading a
 * deployed 0.2.0 stack neither destroys nor redeploys. Each name takes its keys as text: a literal in `moved` blocks,
 * an HCL interpolation (`${k}`) inside the trigger's `for` expressions.
 */
export const V0_2_0 = {
  signals: ["metrics", "traces", "logs"],
  statuses: ["200", "400", "401", "403", "404", "413", "415", "429", "502", "503", "504", "500"],
  gatewayResponses: ["INVALID_API_KEY", "MISSING_AUTHENTICATION_TOKEN", "THROTTLED", "QUOTA_EXCEEDED", "REQUEST_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "INTEGRATION_TIMEOUT"],
  /** Declared with `count`, only with allowed_source_cidrs. */
  sourceIpResponse: "ACCESS_DENIED",
  alarms: ["server-errors", "client-errors", "integration-latency", "throttled"],
} as const;

/** 0.2.0's name of each kind of served or alarm resource, from its key parts. */
export const V0_2_0_NAMES = {
  route: (signal: string) => `aws_api_gateway_resource.${signal}`,
  method: (signal: string) => `aws_api_gateway_method.${signal}_post`,
  integration: (signal: string) => `aws_api_gateway_integration.${signal}_integration`,
  methodResponse: (signal: string, status: string) => `aws_api_gateway_method_response.${signal}_method_response_${status}`,
  integrationResponse: (signal: string, status: string) => `aws_api_gateway_integration_response.${signal}_integration_response_${status}`,
  /** `lowerType` is the response type in lower case: 0.2.0 named each gateway response after it. */
  gatewayResponse: (lowerType: string) => `aws_api_gateway_gateway_response.gateway_response_${lowerType}`,
  /** `snakeId` is the alarm id with `-` as `_`. */
  alarm: (snakeId: string) => `aws_cloudwatch_metric_alarm.${snakeId}`,
};
