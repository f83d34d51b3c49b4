import { signalPath, SIGNALS } from "../../otlp/signals";
import { accessLogFormat } from "../../proxy/access-log-format";
import { API_KEY_HEADER } from "../../proxy/gateway-responses";
import { apiGatewayTrustPolicy, integrationPolicyStatements } from "../../proxy/integration-policy";
import { BINARY_MEDIA_TYPES, MINIMUM_COMPRESSION_SIZE_BYTES, REDEPLOYING_REST_API_ATTRIBUTES } from "../../proxy/rest-api-settings";
import { Block } from "../hcl/hcl-block";
import { Call, expr, exprString, Value } from "../hcl/hcl-value";
import { dynamic, locals, nested, onlyIf, PREFIX, REGION, resource, TAGS } from "../hcl/blocks";
import { ApiChanges } from "./api-changes";
import { servedConfiguration } from "./deployment-trigger";
import { routeBlocks } from "./routes";

/** A stage's method-settings key for the metrics route: its resource path without the leading slash, then the method. */
const METRICS_METHOD_PATH = `${signalPath("metrics").slice(1)}/POST`;

/** The REST API's preconditions: the rules of the table across variables (module/rule-validations.ts). */
export interface Precondition {
  readonly condition: string;
  readonly errorMessage: string;
}

/**
 * The REST API and everything a deployment serves: the integration role, the routes, the deployment (replaced whenever
 * what it serves changes), the stage, its method settings and web ACL. Every change to the API joins `changes`.
 */
export function apiBlocks(changes: ApiChanges, preconditions: readonly Precondition[]): Block[] {
  const statements = Object.fromEntries(
    SIGNALS.map((signal) => [signal, integrationPolicyStatements([signal], exprString("aws_cloudwatch_log_group.otlp_logs.arn"))[0] as unknown as Value]),
  );
  const role = resource("aws_iam_role", "integration", {
    name: `${PREFIX}-${REGION}`,
    description: "Assumed by API Gateway to forward OTLP requests to CloudWatch's OTLP endpoints.",
    assume_role_policy: new Call("jsonencode", apiGatewayTrustPolicy() as Value),
    tags: TAGS,
  });
  const rolePolicy = resource("aws_iam_role_policy", "integration_policy", {
    name: "otlp-ingest",
    role: expr("aws_iam_role.integration.id"),
    policy: expr('jsonencode({ Version = "2012-10-17", Statement = [for s in local.signals : local.integration_statements[s]] })'),
  });

  const api = changes.resource("aws_api_gateway_rest_api", "api", {
    name: expr("var.name_prefix"),
    description: "OTLP/HTTP to CloudWatch's native OTLP endpoints, signed by API Gateway. No code in the data path.",
    api_key_source: "HEADER",
    binary_media_types: BINARY_MEDIA_TYPES,
    minimum_compression_size: String(MINIMUM_COMPRESSION_SIZE_BYTES),
    disable_execute_api_endpoint: expr("var.disable_execute_api_endpoint"),
    tags: TAGS,
    endpoint_configuration: nested("endpoint_configuration", { types: ["REGIONAL"], ip_address_type: expr("var.ip_address_type") }),
    lifecycle: nested("lifecycle", {
      precondition: preconditions.map((p) => nested("precondition", { condition: expr(p.condition), error_message: p.errorMessage })),
    }),
  });
  const routes = routeBlocks(changes);
  const served = servedConfiguration([...routes.served, { block: api, attributes: REDEPLOYING_REST_API_ATTRIBUTES }]);
  const deployment = changes.resource("aws_api_gateway_deployment", "api_deployment", {
    rest_api_id: expr("aws_api_gateway_rest_api.api.id"),
    description: "Managed by Terraform; replaced whenever a route, integration or response changes.",
    triggers: { redeployment: expr("sha1(jsonencode(local.deployment_serves))") },
    lifecycle: nested("lifecycle", { create_before_destroy: true }),
    // A deployment that maps the stream from the key id waits for the teams' streams (switching to per-team).
    depends_on: [expr("aws_iam_role_policy.integration_policy"), expr("aws_cloudwatch_log_stream.team")],
  });
  const account = changes.resource("aws_api_gateway_account", "account", {
    count: onlyIf("local.logging_role_created"),
    cloudwatch_role_arn: expr("aws_iam_role.account_logging[0].arn"),
    depends_on: [expr("aws_iam_role_policy_attachment.account_logging_push_to_cloudwatch_logs")],
  });
  const stage = changes.resource("aws_api_gateway_stage", "api_stage", {
    rest_api_id: expr("aws_api_gateway_rest_api.api.id"),
    stage_name: expr("var.stage_name"),
    deployment_id: expr("aws_api_gateway_deployment.api_deployment.id"),
    description: `OTLP endpoint; clients send ${API_KEY_HEADER}.`,
    tags: TAGS,
    access_log_settings: dynamic("access_log_settings", "var.access_logs ? [1] : []", {
      destination_arn: expr("aws_cloudwatch_log_group.access_logs[0].arn"),
      format: accessLogFormat(),
    }),
  });
  const stageWide = { logging_level: expr("local.execution_log_level"), metrics_enabled: expr("var.detailed_metrics"), data_trace_enabled: false };
  const methodSettings = changes.resource("aws_api_gateway_method_settings", "method_settings", {
    rest_api_id: expr("aws_api_gateway_rest_api.api.id"),
    stage_name: expr("aws_api_gateway_stage.api_stage.stage_name"),
    method_path: "*/*",
    settings: nested("settings", stageWide),
    depends_on: [expr("aws_cloudwatch_log_group.execution_logs")],
  });
  // All teams together under the metrics endpoint's account limit (docs/aws-facts.md, "OTLP endpoint limits"); a
  // method's own settings replace the stage's for it, so logging and metrics repeat the stage-wide values.
  const metricsThrottle = changes.resource("aws_api_gateway_method_settings", "metrics_throttle", {
    count: onlyIf(`var.metrics_throttle.enabled && contains(local.signals, "metrics")`),
    rest_api_id: expr("aws_api_gateway_rest_api.api.id"),
    stage_name: expr("aws_api_gateway_stage.api_stage.stage_name"),
    method_path: METRICS_METHOD_PATH,
    settings: nested("settings", {
      ...stageWide,
      throttling_rate_limit: expr("var.metrics_throttle.rate_limit"),
      throttling_burst_limit: expr("var.metrics_throttle.burst_limit"),
    }),
    depends_on: [expr("aws_cloudwatch_log_group.execution_logs")],
  });
  const waf = changes.resource("aws_wafv2_web_acl_association", "web_acl", {
    count: onlyIf("var.web_acl_arn != null"),
    resource_arn: expr("aws_api_gateway_stage.api_stage.arn"),
    web_acl_arn: expr("var.web_acl_arn"),
  });
  const apiLocals = locals({
    region: expr("data.aws_region.current.name"),
    route_paths: expr('[for s in local.signals : "/v1/${s}"]'),
    integration_statements: statements,
    // What a deployment serves; the deployment is replaced whenever it changes.
    deployment_serves: served,
  });
  const region = new Block("data", ["aws_region", "current"], {});
  return [region, apiLocals, role, rolePolicy, api, ...routes.blocks, deployment, account, stage, methodSettings, metricsThrottle, waf];
}
