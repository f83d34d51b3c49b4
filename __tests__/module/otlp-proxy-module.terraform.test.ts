import { integrationPolicyStatements } from "../../src/infra/proxy/integration-policy";
import { REDEPLOYING_REST_API_ATTRIBUTES } from "../../src/infra/proxy/rest-api-settings";
import { STATUS_MAPPINGS } from "../../src/infra/proxy/status-mapping";
import { committedModule, evaluateExpression } from "../support/plan-module";
import { modulePlansFor } from "../support/shared-module-plan";
import CALLS from "./otlp-proxy-module.module-calls";

// The OTLP proxy is defined once, as the Terraform module in modules/otlp-proxy. Facts that hold for every input are
// read from its committed JSON; what the inputs decide is read from `terraform plan` of the module called with them.
const { main } = committedModule();
const resource = (type: string, name: string): Record<string, any> => main.resource[type][name];
const namesOf = (type: string) => Object.keys(main.resource[type] ?? {});
const SIGNALS = ["metrics", "traces", "logs"] as const;
/** What the deployment's redeployment trigger hashes: local.deployment_serves, each served resource by address. */
const REDEPLOYMENT_TRIGGER = "${sha1(jsonencode(local.deployment_serves))}";
const served = (): string => main.locals.deployment_serves;
const LOG_GROUP_ARN = "arn:aws:logs:us-west-2:123456789012:log-group:otlp-logs";

const plan = modulePlansFor(CALLS);

describe("the OTLP proxy module", () => {
  test("creates a regional REST API that reads API keys from the header and passes protobuf as binary", () => {
    expect(plan.plain.at("aws_api_gateway_rest_api.api")).toMatchObject({
      endpoint_configuration: [{ types: ["REGIONAL"], ip_address_type: "ipv4" }],
      api_key_source: "HEADER",
      binary_media_types: ["application/x-protobuf"],
    });
  });

  test("decompresses request bodies of every size, so no gzip body reaches CloudWatch still compressed", () => {
    expect(plan.plain.at("aws_api_gateway_rest_api.api").minimum_compression_size).toBe("0");
  });

  test("keeps JSON out of the binary media types so JSON bodies stay text", () => {
    const types = plan.plain.at("aws_api_gateway_rest_api.api").binary_media_types;
    expect(types).not.toContain("application/json");
    expect(types).not.toContain("*/*");
  });

  test("creates POST /v1/metrics, /v1/traces and /v1/logs, each requiring the API key", () => {
    expect(plan.plain.ofType("aws_api_gateway_resource").map((r) => r.values.path_part).sort()).toEqual(["logs", "metrics", "traces", "v1"]);
    const methods = plan.plain.ofType("aws_api_gateway_method");
    expect(methods).toHaveLength(3);
    for (const method of methods) expect(method.values).toMatchObject({ http_method: "POST", authorization: "NONE", api_key_required: true });
  });

  test("requires the API key on every method it can create", () => {
    // One method block, one instance per route: its for_each covers every signal.
    expect(namesOf("aws_api_gateway_method")).toEqual(["post"]);
    expect(resource("aws_api_gateway_method", "post")).toMatchObject({ for_each: "${local.routes}", api_key_required: true });
    expect(resource("aws_api_gateway_resource", "route").for_each).toBe("${local.routes}");
    expect(plan.plain.ofType("aws_api_gateway_method").map((m) => m.index).sort()).toEqual([...SIGNALS].sort());
  });

  test.each([
    ["metrics", "monitoring"],
    ["traces", "xray"],
    ["logs", "logs"],
  ])("signs /v1/%s for the %s service in the provider's region with the integration role", (signal, service) => {
    const integration = plan.plain.at(`aws_api_gateway_integration.post["${signal}"]`);
    expect(integration).toMatchObject({
      type: "AWS",
      integration_http_method: "POST",
      uri: `arn:aws:apigateway:us-west-2:${service}:path/v1/${signal}`,
      passthrough_behavior: "WHEN_NO_MATCH",
      request_templates: null,
      content_handling: null,
    });
    expect(resource("aws_api_gateway_integration", "post").credentials).toBe("${aws_iam_role.integration.arn}");
    expect(integration.request_parameters["integration.request.header.Content-Type"]).toBe("method.request.header.Content-Type");
  });

  test("declares the Content-Type header it maps on every method", () => {
    for (const method of plan.plain.ofType("aws_api_gateway_method")) {
      expect(method.values.request_parameters).toEqual({ "method.request.header.Content-Type": false });
    }
  });

  test("sends the log group as a static header and the stream from the calling key's id (or the shared stream) on the logs route only", () => {
    // Each route's integration maps the headers of its entry in local.signal_routes; only the logs entry adds any.
    expect(resource("aws_api_gateway_integration", "post").request_parameters).toBe("${each.value.request_parameters}");
    expect(main.locals.signal_routes).toContain(
      'logs = { service = "logs", path = "/v1/logs", request_parameters = { "integration.request.header.Content-Type" = "method.request.header.Content-Type", ' +
        '"integration.request.header.x-aws-log-group" = "\'${aws_cloudwatch_log_group.otlp_logs.name}\'", ' +
        '"integration.request.header.x-aws-log-stream" = var.log_streams == "per-team" ? "context.identity.apiKeyId" : "\'${aws_cloudwatch_log_stream.otlp_logs_stream.name}\'" } }',
    );
    expect(plan.custom.at('aws_api_gateway_integration.post["traces"]').request_parameters).toEqual({
      "integration.request.header.Content-Type": "method.request.header.Content-Type",
    });
    expect(plan.plain.at('aws_api_gateway_integration.post["logs"]').request_parameters).toEqual({
      "integration.request.header.Content-Type": "method.request.header.Content-Type",
      "integration.request.header.x-aws-log-group": "'otlp-logs'",
      "integration.request.header.x-aws-log-stream": "context.identity.apiKeyId",
    });
    for (const signal of ["metrics", "traces"]) {
      expect(Object.keys(plan.plain.at(`aws_api_gateway_integration.post["${signal}"]`).request_parameters)).toEqual(["integration.request.header.Content-Type"]);
    }
  });

  test("never forwards Content-Encoding or the client's Accept", () => {
    // Every integration's headers come from local.signal_routes, and every route's are planned with the plain call.
    expect(namesOf("aws_api_gateway_integration")).toEqual(["post"]);
    expect(resource("aws_api_gateway_integration", "post").request_parameters).toBe("${each.value.request_parameters}");
    expect(main.locals.signal_routes.toLowerCase()).not.toMatch(/integration\.request\.header\.(content-encoding|accept)\b/);
    const integrations = plan.plain.ofType("aws_api_gateway_integration");
    expect(integrations).toHaveLength(3);
    for (const integration of integrations) {
      const mapped = Object.keys(integration.values.request_parameters).map((k) => k.toLowerCase());
      expect(mapped).not.toContain("integration.request.header.content-encoding");
      expect(mapped).not.toContain("integration.request.header.accept");
    }
  });

  test("gives every route a method response and an integration response for every status mapping", () => {
    const expected = STATUS_MAPPINGS.map((m) => m.statusCode).sort();
    for (const signal of SIGNALS) {
      const forRoute = (type: string) => plan.plain.ofType(type).filter((r) => String(r.index).startsWith(`${signal}/`));
      expect(forRoute("aws_api_gateway_method_response").map((r) => r.values.status_code).sort()).toEqual(expected);
      const responses = forRoute("aws_api_gateway_integration_response");
      expect(responses).toHaveLength(12);
      expect(responses.map((r) => r.index).sort()).toEqual(expected.map((status) => `${signal}/${status}`));
      expect(responses.map((r) => [r.values.status_code, r.values.selection_pattern ?? undefined]).sort()).toEqual(
        STATUS_MAPPINGS.map((m) => [m.statusCode, m.selectionPattern]).sort(),
      );
    }
  });

  test("converts every integration response to text, so no Accept value can make a 500 of CloudWatch's answer", () => {
    const responses = plan.plain.ofType("aws_api_gateway_integration_response");
    expect(responses).toHaveLength(36);
    for (const response of responses) expect(response.values.content_handling).toBe("CONVERT_TO_TEXT");
  });

  test("copies Retry-After from CloudWatch to the client on 429 and 503", () => {
    const withRetryAfter = plan.plain
      .ofType("aws_api_gateway_integration_response")
      .filter((r) => r.values.response_parameters?.["method.response.header.Retry-After"] === "integration.response.header.Retry-After");
    expect(withRetryAfter.map((r) => r.values.selection_pattern).sort()).toEqual(["^(429)$", "^(429)$", "^(429)$", "^(503)$", "^(503)$", "^(503)$"]);
    const declared = plan.plain.ofType("aws_api_gateway_method_response").filter((r) => r.values.response_parameters?.["method.response.header.Retry-After"] === false);
    expect(declared.map((r) => r.values.status_code).sort()).toEqual(["429", "429", "429", "503", "503", "503"]);
  });

  test.each<[string, string, string]>([
    ["INVALID_API_KEY", "403", "x-api-key header"],
    ["MISSING_AUTHENTICATION_TOKEN", "404", "POST /prod/v1/metrics, POST /prod/v1/traces, POST /prod/v1/logs"],
    ["THROTTLED", "429", "rate limit"],
    ["QUOTA_EXCEEDED", "429", "quota"],
    ["REQUEST_TOO_LARGE", "413", "10 MB"],
    ["UNSUPPORTED_MEDIA_TYPE", "415", "Content-Encoding"],
  ])("answers API Gateway's own %s with %s and a readable JSON message", (type, status, text) => {
    const response = plan.plain.ofType("aws_api_gateway_gateway_response").find((r) => r.values.response_type === type)!.values;
    expect(response).toMatchObject({ status_code: status });
    expect(JSON.parse(response.response_templates["application/json"]).message).toContain(text);
  });

  test("tells throttled clients when to retry", () => {
    const throttled = plan.plain.ofType("aws_api_gateway_gateway_response").find((r) => r.values.response_type === "THROTTLED")!;
    expect(throttled.values.response_parameters).toEqual({ "gatewayresponse.header.Retry-After": "'1'" });
  });

  test("redeploys whenever any route, integration, response or the source-IP policy changes", () => {
    const deployment = resource("aws_api_gateway_deployment", "api_deployment");
    expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
    expect(deployment.triggers.redeployment).toBe(REDEPLOYMENT_TRIGGER);
    const trigger = served();
    expect(trigger).toMatch(/^\$\{merge\(.+\)\}$/);
    let forEachKinds = 0;
    for (const type of [
      "aws_api_gateway_resource",
      "aws_api_gateway_method",
      "aws_api_gateway_integration",
      "aws_api_gateway_method_response",
      "aws_api_gateway_integration_response",
      "aws_api_gateway_gateway_response",
      "aws_api_gateway_rest_api_policy",
    ]) {
      for (const name of namesOf(type)) {
        // A for_each resource is hashed once per key it can take (null where it has no instance), each bound as the
        // resource binds it; a counted one only while it exists.
        const { for_each: forEach, count } = resource(type, name);
        if (forEach) {
          forEachKinds += 1;
          expect(trigger).toContain(` : "${type}.`);
        } else {
          expect(trigger).toContain(`"${type}.${name}" = ${count ? `(${count.slice(2, -1)}) > 0 ? ` : ""}`);
        }
      }
    }
    expect(trigger.split("[for each in [{ key = k, value = ").length - 1).toBe(forEachKinds);
  });

  test("hashes what the configuration decides, never whole resource objects that the provider reads back changed", () => {
    expect(resource("aws_api_gateway_deployment", "api_deployment").triggers.redeployment).toBe(REDEPLOYMENT_TRIGGER);
    const trigger = served();
    // A reference to a whole resource, with no attribute, is what made the first plan after every apply replace the deployment.
    expect(trigger).not.toMatch(/\(aws_[a-z0-9_]+\.[A-Za-z0-9_-]+(\[[^\]]+\])?\)/);
    // Each integration response's selection pattern is hashed, from the status mapping its instance is made of.
    expect(namesOf("aws_api_gateway_integration_response")).toEqual(["post"]);
    expect(resource("aws_api_gateway_integration_response", "post").selection_pattern).toBe("${each.value.selection_pattern}");
    const responses = /"aws_api_gateway_integration_response\.[^=]*=> [^?]*\? \[for each in \[\{ key = k, value = local\.route_responses\[k\] \}\] : \{ for name, value in \{ (.*?) \} :/.exec(trigger)![1];
    expect(responses).toContain("selection_pattern = each.value.selection_pattern");
    for (const { statusCode, selectionPattern } of STATUS_MAPPINGS) {
      expect(main.locals.status_mappings).toContain(`"${statusCode}" = { selection_pattern = ${selectionPattern ? JSON.stringify(selectionPattern) : "null"}, `);
    }
    // The REST API itself is hashed only for the attributes a deployment serves.
    const api = /"aws_api_gateway_rest_api\.api" = \{ for name, value in \{ ([^}]*) \}/.exec(trigger)![1];
    expect([...api.matchAll(/([a-z_]+) = /g)].map((m) => m[1]).sort()).toEqual([...REDEPLOYING_REST_API_ATTRIBUTES].sort());
    expect(api).toContain(`binary_media_types = ["application/x-protobuf"]`);
  });

  test("creates the stage from the stage name on the deployment", () => {
    expect(plan.custom.at("aws_api_gateway_stage.api_stage").stage_name).toBe("otlp");
    expect(resource("aws_api_gateway_stage", "api_stage").deployment_id).toBe("${aws_api_gateway_deployment.api_deployment.id}");
  });

  test("binds one API key to the stage through a usage plan with the throttle", () => {
    expect(plan.custom.at('aws_api_gateway_usage_plan.team_plan["default"]')).toMatchObject({
      throttle_settings: [{ rate_limit: 7, burst_limit: 9 }],
      api_stages: [expect.objectContaining({ stage: "otlp" })],
    });
    // A nested block in Terraform's JSON syntax: one object, or a list of them.
    expect([resource("aws_api_gateway_usage_plan", "team_plan").api_stages].flat()).toEqual([
      { api_id: "${aws_api_gateway_rest_api.api.id}", stage: "${aws_api_gateway_stage.api_stage.stage_name}" },
    ]);
    expect(plan.plain.ofType("aws_api_gateway_api_key").map((k) => k.values)).toEqual([expect.objectContaining({ name: "otlp-proxy-default-us-west-2", enabled: true })]);
    expect(plan.plain.ofType("aws_api_gateway_usage_plan_key").map((k) => k.values)).toEqual([expect.objectContaining({ key_type: "API_KEY" })]);
    expect(resource("aws_api_gateway_usage_plan_key", "team_plan_key")).toMatchObject({
      key_id: "${aws_api_gateway_api_key.team[each.key].id}",
      usage_plan_id: "${aws_api_gateway_usage_plan.team_plan[each.key].id}",
    });
  });

  test("creates the OTLP log group with its retention and the log stream in it", () => {
    expect(plan.custom.at("aws_cloudwatch_log_group.otlp_logs")).toMatchObject({ name: "ai/otlp", retention_in_days: 90 });
    expect(plan.custom.at("aws_cloudwatch_log_stream.otlp_logs_stream")).toMatchObject({ name: "clients", log_group_name: "ai/otlp" });
    expect(resource("aws_cloudwatch_log_stream", "otlp_logs_stream").log_group_name).toBe("${aws_cloudwatch_log_group.otlp_logs.name}");
  });

  test("names the integration role after the region, since IAM names are global", () => {
    expect(plan.plain.ofType("aws_iam_role").map((role) => role.values.name).sort()).toEqual(["otlp-proxy-apigw-logs-us-west-2", "otlp-proxy-us-west-2"]);
  });

  test("grants the three X-Ray actions for traces, and logs on the log group itself and its streams", () => {
    const policy = resource("aws_iam_role_policy", "integration_policy").policy as string;
    expect(policy).toMatch(/Statement = \[for s in local\.signals : local\.integration_statements\[s\]\] \}\)\}$/);
    const statements = evaluateExpression(main.locals.integration_statements, { standIns: { "aws_cloudwatch_log_group.otlp_logs.arn": LOG_GROUP_ARN } });
    expect(statements).toEqual(Object.fromEntries(SIGNALS.map((signal) => [signal, integrationPolicyStatements([signal], LOG_GROUP_ARN)[0]])));
    expect(statements.traces.Action).toEqual(["xray:PutTraceSegments", "xray:PutSpans", "xray:PutSpansForIndexing"]);
    expect(statements.logs.Resource).toEqual([LOG_GROUP_ARN, `${LOG_GROUP_ARN}:*`]);
  });

  describe("with only some signals", () => {
    test("creates only their routes", () => {
      expect(plan.custom.ofType("aws_api_gateway_integration").map((i) => i.values.uri).sort()).toEqual([
        "arn:aws:apigateway:us-west-2:monitoring:path/v1/metrics",
        "arn:aws:apigateway:us-west-2:xray:path/v1/traces",
      ]);
      expect(plan.custom.ofType("aws_api_gateway_method")).toHaveLength(2);
      expect(plan.custom.ofType("aws_api_gateway_integration_response")).toHaveLength(24);
    });

    test("grants only their actions", () => {
      const policy = JSON.parse(plan.custom.at("aws_iam_role_policy.integration_policy").policy);
      expect(policy.Statement.map((s: any) => s.Action)).toEqual([["cloudwatch:PutMetricData"], ["xray:PutTraceSegments", "xray:PutSpans", "xray:PutSpansForIndexing"]]);
    });

    test("lists only their routes in the not-found message", () => {
      const notFound = plan.custom.ofType("aws_api_gateway_gateway_response").find((r) => r.values.response_type === "MISSING_AUTHENTICATION_TOKEN")!;
      expect(JSON.parse(notFound.values.response_templates["application/json"]).message).toBe(
        "Not found: this OTLP proxy serves only POST /otlp/v1/metrics, POST /otlp/v1/traces.",
      );
    });
  });

  test("never creates a provider or a backend", () => {
    const files = committedModule();
    for (const file of Object.values(files)) {
      expect(file.provider).toBeUndefined();
      expect(file.terraform?.backend).toBeUndefined();
      expect(file.terraform?.cloud).toBeUndefined();
    }
    expect(Object.keys(files.versions.terraform).sort()).toEqual(["required_providers", "required_version"]);
  });

  test("keeps the Terraform addresses of its main resources, which are state keys", () => {
    for (const address of [
      "aws_api_gateway_rest_api.api",
      "aws_api_gateway_stage.api_stage",
      'aws_api_gateway_api_key.team["default"]',
      'aws_api_gateway_usage_plan.team_plan["default"]',
      'aws_api_gateway_usage_plan_key.team_plan_key["default"]',
      "aws_cloudwatch_log_group.otlp_logs",
      "aws_iam_role.integration",
      "aws_api_gateway_deployment.api_deployment",
    ]) {
      expect(plan.plain.has(address)).toBe(true);
    }
  });
});
