import { Block } from "../hcl/hcl-block";
import { moved } from "../hcl/blocks";
import { V0_2_0, V0_2_0_NAMES as NAMES } from "./v0-2-0-names";

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
    blocks.push(moved(`${NAMES.route(signal)}[0]`, to("aws_api_gateway_resource", "route")));
    blocks.push(moved(`${NAMES.method(signal)}[0]`, to("aws_api_gateway_method", "post")));
    blocks.push(moved(`${NAMES.integration(signal)}[0]`, to("aws_api_gateway_integration", "post")));
    for (const statusCode of V0_2_0.statuses) {
      const key = `${signal}/${statusCode}`;
      blocks.push(moved(`${NAMES.methodResponse(signal, statusCode)}[0]`, to("aws_api_gateway_method_response", "post", key)));
      blocks.push(moved(`${NAMES.integrationResponse(signal, statusCode)}[0]`, to("aws_api_gateway_integration_response", "post", key)));
    }
  }
  for (const responseType of V0_2_0.gatewayResponses) {
    blocks.push(moved(NAMES.gatewayResponse(snake(responseType)), `aws_api_gateway_gateway_response.otlp["${responseType}"]`));
  }
  const denied = V0_2_0.sourceIpResponse;
  blocks.push(moved(`${NAMES.gatewayResponse(snake(denied))}[0]`, `aws_api_gateway_gateway_response.otlp["${denied}"]`));
  for (const id of V0_2_0.alarms) blocks.push(moved(`${NAMES.alarm(snake(id))}[0]`, `aws_cloudwatch_metric_alarm.proxy["${id}"]`));
  return blocks;
}
