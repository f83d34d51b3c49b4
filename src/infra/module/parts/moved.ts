import { Block } from "../hcl/hcl-block";
import { moved } from "../hcl/blocks";

/** What 0.2.0 declared, by its resource names: history, so written out rather than read from today's tables. */
const V0_2_0 = {
  signals: ["metrics", "traces", "logs"],
  statuses: ["200", "400", "401", "403", "404", "413", "415", "429", "502", "503", "504", "500"],
  gatewayResponses: ["INVALID_API_KEY", "MISSING_AUTHENTICATION_TOKEN", "THROTTLED", "QUOTA_EXCEEDED", "REQUEST_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "INTEGRATION_TIMEOUT"],
  /** Declared with `count`, only with allowed_source_cidrs. */
  sourceIpResponse: "ACCESS_DENIED",
  alarms: ["server-errors", "client-errors", "integration-latency", "throttled"],
} as const;

/** `throttled` → `gateway_response_throttled`: 0.2.0 named each gateway response after its type. */
const snake = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "_");

/**
 * Where each resource of module 0.2.0 is now, so that upgrading a deployed 0.2.0 stack moves its state instead of
 * destroying and creating: 0.2.0 wrote one resource block per route (`count` 0 or 1) and per route and status, one per
 * gateway response and one per alarm; this version writes each kind once, with `for_each`.
 */
export function movedBlocks(): Block[] {
  const blocks: Block[] = [];
  for (const signal of V0_2_0.signals) {
    const to = (type: string, name: string, key: string = signal) => `${type}.${name}["${key}"]`;
    blocks.push(moved(`aws_api_gateway_resource.${signal}[0]`, to("aws_api_gateway_resource", "route")));
    blocks.push(moved(`aws_api_gateway_method.${signal}_post[0]`, to("aws_api_gateway_method", "post")));
    blocks.push(moved(`aws_api_gateway_integration.${signal}_integration[0]`, to("aws_api_gateway_integration", "post")));
    for (const statusCode of V0_2_0.statuses) {
      const key = `${signal}/${statusCode}`;
      blocks.push(moved(`aws_api_gateway_method_response.${signal}_method_response_${statusCode}[0]`, to("aws_api_gateway_method_response", "post", key)));
      blocks.push(
        moved(`aws_api_gateway_integration_response.${signal}_integration_response_${statusCode}[0]`, to("aws_api_gateway_integration_response", "post", key)),
      );
    }
  }
  for (const responseType of V0_2_0.gatewayResponses) {
    blocks.push(moved(`aws_api_gateway_gateway_response.gateway_response_${snake(responseType)}`, `aws_api_gateway_gateway_response.otlp["${responseType}"]`));
  }
  const denied = V0_2_0.sourceIpResponse;
  blocks.push(moved(`aws_api_gateway_gateway_response.gateway_response_${snake(denied)}[0]`, `aws_api_gateway_gateway_response.otlp["${denied}"]`));
  for (const id of V0_2_0.alarms) blocks.push(moved(`aws_cloudwatch_metric_alarm.${snake(id)}[0]`, `aws_cloudwatch_metric_alarm.proxy["${id}"]`));
  return blocks;
}
