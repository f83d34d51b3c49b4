import { SIGNAL_ENDPOINTS, SIGNALS, signalPath } from "../../otlp/signals";
import { gatewayResponseBody, gatewayResponseSpecs, SOURCE_IP_DENIED_RESPONSE } from "../../proxy/gateway-responses";
import { integrationRequestHeaders, logStreamSource } from "../../proxy/integration-request";
import { sourceIpPolicy } from "../../proxy/source-ip-policy";
import { STATUS_MAPPINGS } from "../../proxy/status-mapping";
import { Block } from "../hcl/hcl-block";
import { Call, expr, exprString, oneLine, Value } from "../hcl/hcl-value";
import { locals, onlyIf } from "../hcl/blocks";
import { prefixedCidr } from "../../settings/rules";
import { ApiChanges } from "./api-changes";
import { ServedResource } from "./deployment-trigger";
import { V0_2_0_NAMES as NAMES } from "./v0-2-0-names";

const REST_API_ID = expr("aws_api_gateway_rest_api.api.id");

/** `POST /<stage>/v1/<signal>` for each route of `var.signals`, as the not-found answer lists them. */
const ROUTE_LIST = exprString('join(", ", [for s in local.signals : "POST /${var.stage_name}/v1/${s}"])');

/**
 * The routes: `/v1/<signal>` for each of `var.signals`, each a POST method with an AWS service integration to its
 * CloudWatch endpoint and one method and integration response per status mapping; then the gateway responses and the
 * source-IP policy. Each kind of resource is written once, `for_each` over a local map.
 */
export function routeBlocks(changes: ApiChanges): { blocks: Block[]; served: ServedResource[] } {
  const logStream = expr(
    `var.log_streams == "per-team" ? ${oneLine(logStreamSource("per-team", ""))} : ${oneLine(logStreamSource("shared", exprString("aws_cloudwatch_log_stream.otlp_logs_stream.name")))}`,
  );
  const signalRoutes = Object.fromEntries(
    SIGNALS.map((signal) => {
      const logs = signal === "logs";
      const headers = integrationRequestHeaders(
        logs ? { "x-aws-log-group": exprString("aws_cloudwatch_log_group.otlp_logs.name") } : {},
        logs ? { "x-aws-log-stream": String(logStream) } : {},
      );
      return [signal, { service: SIGNAL_ENDPOINTS[signal].service, path: signalPath(signal), request_parameters: headers }];
    }),
  );
  const statusMappings = Object.fromEntries(
    STATUS_MAPPINGS.map((m) => [m.statusCode, { selection_pattern: m.selectionPattern ?? null, headers: [...m.passedHeaders] }]),
  );
  const responses = [...gatewayResponseSpecs(ROUTE_LIST), SOURCE_IP_DENIED_RESPONSE];
  const gatewayResponses = Object.fromEntries(
    responses.map((spec) => [spec.responseType, { status_code: spec.statusCode, body: gatewayResponseBody(spec.message), headers: spec.headers }]),
  );
  const routeLocals = locals({
    signal_routes: signalRoutes,
    // The routes of var.signals, in the order of signal_routes.
    signals: expr(`[for s in ${oneLine([...SIGNALS])} : s if contains(var.signals, s)]`),
    routes: expr("{ for s in local.signals : s => local.signal_routes[s] }"),
    status_mappings: statusMappings,
    // One method and integration response per route and status: "metrics/200".
    route_responses: expr(
      '{ for pair in setproduct(local.signals, keys(local.status_mappings)) : "${pair[0]}/${pair[1]}" => merge(local.status_mappings[pair[1]], { signal = pair[0], status_code = pair[1] }) }',
    ),
    gateway_responses: gatewayResponses,
    source_ip_restricted: expr("var.allowed_source_cidrs != null"),
    // Each range with its prefix: IAM reads a bare address as /32.
    allowed_source_cidrs: expr(`var.allowed_source_cidrs == null ? null : [for c in var.allowed_source_cidrs : ${prefixedCidr("c")}]`),
  });

  const v1 = changes.resource("aws_api_gateway_resource", "v1", {
    rest_api_id: REST_API_ID,
    parent_id: expr("aws_api_gateway_rest_api.api.root_resource_id"),
    path_part: "v1",
  });
  const route = changes.resource("aws_api_gateway_resource", "route", {
    for_each: expr("local.routes"),
    rest_api_id: REST_API_ID,
    parent_id: expr("aws_api_gateway_resource.v1.id"),
    path_part: expr("each.key"),
  });
  const method = changes.resource("aws_api_gateway_method", "post", {
    for_each: expr("local.routes"),
    rest_api_id: REST_API_ID,
    resource_id: expr("aws_api_gateway_resource.route[each.key].id"),
    http_method: "POST",
    authorization: "NONE",
    api_key_required: true,
    request_parameters: { "method.request.header.Content-Type": false },
  });
  const integration = changes.resource("aws_api_gateway_integration", "post", {
    for_each: expr("local.routes"),
    rest_api_id: REST_API_ID,
    resource_id: expr("aws_api_gateway_resource.route[each.key].id"),
    http_method: "POST",
    type: "AWS",
    integration_http_method: "POST",
    // arn:aws:apigateway:<region>:<service>:path/<path> (docs/aws-facts.md, "AWS service integrations" [doc]/[code]).
    uri: `arn:aws:apigateway:${exprString("local.region")}:${exprString("each.value.service")}:path${exprString("each.value.path")}`,
    credentials: expr("aws_iam_role.integration.arn"),
    // No request templates: WHEN_NO_MATCH passes the body through unchanged [doc]. Request content handling stays
    // unset, so bodies of a binary media type pass byte for byte and JSON stays text [doc, recorded].
    passthrough_behavior: "WHEN_NO_MATCH",
    request_parameters: expr("each.value.request_parameters"),
  });
  const methodResponse = changes.resource("aws_api_gateway_method_response", "post", {
    for_each: expr("local.route_responses"),
    rest_api_id: REST_API_ID,
    resource_id: expr("aws_api_gateway_resource.route[each.value.signal].id"),
    http_method: "POST",
    status_code: expr("each.value.status_code"),
    response_parameters: expr('length(each.value.headers) > 0 ? { for h in each.value.headers : "method.response.header.${h}" => false } : null'),
  });
  const integrationResponse = changes.resource("aws_api_gateway_integration_response", "post", {
    for_each: expr("local.route_responses"),
    rest_api_id: REST_API_ID,
    resource_id: expr("aws_api_gateway_resource.route[each.value.signal].id"),
    http_method: "POST",
    status_code: expr("each.value.status_code"),
    selection_pattern: expr("each.value.selection_pattern"),
    content_handling: "CONVERT_TO_TEXT",
    response_parameters: expr(
      'length(each.value.headers) > 0 ? { for h in each.value.headers : "method.response.header.${h}" => "integration.response.header.${h}" } : null',
    ),
  });
  const gatewayResponse = changes.resource("aws_api_gateway_gateway_response", "otlp", {
    // ACCESS_DENIED only answers callers the source-IP policy denies.
    for_each: expr(`{ for type, r in local.gateway_responses : type => r if type != "${SOURCE_IP_DENIED_RESPONSE.responseType}" || local.source_ip_restricted }`),
    rest_api_id: REST_API_ID,
    response_type: expr("each.key"),
    status_code: expr("each.value.status_code"),
    response_templates: { "application/json": expr("each.value.body") },
    response_parameters: expr(`length(each.value.headers) > 0 ? { for name, value in each.value.headers : "gatewayresponse.header.\${name}" => "'\${value}'" } : null`),
  });
  const policy = changes.resource("aws_api_gateway_rest_api_policy", "source_ip_policy", {
    count: onlyIf("local.source_ip_restricted"),
    rest_api_id: REST_API_ID,
    policy: new Call("jsonencode", sourceIpPolicy(exprString("aws_api_gateway_rest_api.api.execution_arn"), expr("local.allowed_source_cidrs") as unknown as string[]) as Value),
  });
  // Each instance is hashed under its 0.2.0 address, so upgrading from 0.2.0 does not redeploy (v0-2-0-names.ts).
  const k = exprString("k");
  const [signal, status] = [exprString('split("/", k)[0]'), exprString('split("/", k)[1]')];
  const bySignal = { keys: oneLine([...SIGNALS]), present: "contains(local.signals, k)", values: "local.signal_routes" };
  const byResponse = {
    keys: `[for pair in setproduct(${oneLine([...SIGNALS])}, keys(local.status_mappings)) : "\${pair[0]}/\${pair[1]}"]`,
    present: "contains(keys(local.route_responses), k)",
    values: "local.route_responses",
  };
  const served: ServedResource[] = [
    { block: v1 },
    { block: route, instances: { ...bySignal, name: oneLine(NAMES.route(k)) } },
    { block: method, instances: { ...bySignal, name: oneLine(NAMES.method(k)) } },
    { block: integration, instances: { ...bySignal, name: oneLine(NAMES.integration(k)) } },
    { block: methodResponse, instances: { ...byResponse, name: oneLine(NAMES.methodResponse(signal, status)) } },
    { block: integrationResponse, instances: { ...byResponse, name: oneLine(NAMES.integrationResponse(signal, status)) } },
    {
      block: gatewayResponse,
      instances: {
        keys: "keys(local.gateway_responses)",
        present: `k != "${SOURCE_IP_DENIED_RESPONSE.responseType}" || local.source_ip_restricted`,
        values: "local.gateway_responses",
        name: oneLine(NAMES.gatewayResponse(exprString("lower(k)"))),
      },
    },
    { block: policy },
  ];
  return { blocks: [routeLocals, v1, route, method, integration, methodResponse, integrationResponse, gatewayResponse, policy], served };
}
