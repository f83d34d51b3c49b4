import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { writeModule } from "../../src/infra/module/write-module";
import { checkAgainstStack, policyAllows } from "../../src/tools/local-gateway/access-control";
import { makeApiKey } from "../../src/tools/local-gateway/api-keys";
import { loadStack } from "../../src/tools/local-gateway/load-stack";
import { LocalGatewayError } from "../../src/tools/local-gateway/local-gateway-error";
import { planToDoc, TerraformPlan } from "../../src/tools/local-gateway/plan-doc";
import { buildGatewayModel, GatewayModel } from "../../src/tools/local-gateway/route-table";
import { planStack } from "../../src/tools/local-gateway/terraform-plan";
import { TerraformRefs } from "../../src/tools/local-gateway/terraform-refs";
import { gatewayResponseSpecs, SOURCE_IP_DENIED_RESPONSE } from "../../src/infra/proxy/gateway-responses";
import { STATUS_MAPPINGS } from "../../src/infra/proxy/status-mapping";
import { terraformEnv } from "../support/terraform-cli";

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name)))
    .sort();
}

/** A stack folder as the region stacks are now: a provider, a backend, and one call of the module copied inside it. */
function moduleStack(): string {
  const dir = mkdtempSync(join(tmpdir(), "local-gateway-module-stack-"));
  writeModule(join(dir, "modules", "otlp-proxy"));
  const root = {
    terraform: {
      required_providers: { aws: { source: "aws", version: "5.100.0" } },
      // A backend the plan must never reach: the reader plans with a local one instead.
      backend: { s3: { bucket: "no-such-bucket-local-gateway", key: "otlp-proxy/terraform.tfstate", region: "eu-west-1" } },
    },
    provider: { aws: [{ region: "eu-west-1", default_tags: [{ tags: { owner: "platform" } }] }] },
    module: {
      otlp_proxy: {
        source: "./modules/otlp-proxy",
        stage_name: "otel",
        log_group_name: "team-otlp-logs",
        log_stream_name: "stream-1",
        log_streams: "shared",
        signals: ["traces", "logs"],
        allowed_source_cidrs: ["198.51.100.0/24", "127.0.0.1"],
        teams: [{ name: "platform" }, { name: "contractors", enabled: false }],
      },
    },
    output: { otlp_endpoint: { value: "${module.otlp_proxy.otlp_endpoint}" } },
  };
  writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(root, null, 2));
  return dir;
}

/**
 * A stack folder of the older shape: the resources in cdk.tf.json itself, no module. Its REST API has a `for_each`, so
 * the reader cannot seed it from the files and needs the plan to find it.
 */
function rootResourcesStack(): string {
  const dir = mkdtempSync(join(tmpdir(), "local-gateway-root-stack-"));
  const api = '${aws_api_gateway_rest_api.api["main"].id}';
  const root = {
    terraform: { required_providers: { aws: { source: "aws", version: "5.100.0" } }, backend: { local: { path: "../../elsewhere.tfstate" } } },
    provider: { aws: [{ region: "ap-southeast-2" }] },
    locals: { api_arn: '${aws_api_gateway_rest_api.api["main"].execution_arn}' },
    resource: {
      aws_api_gateway_rest_api: { api: { for_each: '${toset(["main"])}', name: "plain-${each.key}", binary_media_types: ["application/x-protobuf"] } },
      aws_api_gateway_rest_api_policy: {
        only_documentation_range: {
          rest_api_id: api,
          policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "${local.api_arn}/*" },
              {
                Effect: "Deny",
                Principal: "*",
                Action: "execute-api:Invoke",
                Resource: "${local.api_arn}/*",
                Condition: { NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } },
              },
            ],
          }),
        },
      },
      aws_api_gateway_resource: {
        v1: { rest_api_id: api, parent_id: '${aws_api_gateway_rest_api.api["main"].root_resource_id}', path_part: "v1" },
        metrics: { rest_api_id: api, parent_id: "${aws_api_gateway_resource.v1.id}", path_part: "metrics" },
      },
      aws_api_gateway_method: {
        metrics: { rest_api_id: api, resource_id: "${aws_api_gateway_resource.metrics.id}", http_method: "POST", authorization: "NONE", api_key_required: true },
      },
      aws_api_gateway_integration: {
        metrics: {
          rest_api_id: api,
          resource_id: "${aws_api_gateway_resource.metrics.id}",
          http_method: "${aws_api_gateway_method.metrics.http_method}",
          type: "AWS",
          integration_http_method: "POST",
          uri: "arn:aws:apigateway:ap-southeast-2:monitoring:path/v1/metrics",
        },
      },
      aws_api_gateway_method_response: {
        ok: { rest_api_id: api, resource_id: "${aws_api_gateway_resource.metrics.id}", http_method: "POST", status_code: "200" },
      },
      aws_api_gateway_integration_response: {
        ok: {
          rest_api_id: api,
          resource_id: "${aws_api_gateway_resource.metrics.id}",
          http_method: "POST",
          status_code: "200",
          depends_on: ["aws_api_gateway_integration.metrics"],
        },
      },
      aws_api_gateway_deployment: { d: { rest_api_id: api, depends_on: ["aws_api_gateway_integration.metrics"] } },
      aws_api_gateway_stage: { s: { rest_api_id: api, deployment_id: "${aws_api_gateway_deployment.d.id}", stage_name: "live" } },
    },
  };
  writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(root, null, 2));
  return dir;
}

describe("the local gateway reading a module-based stack through terraform plan", () => {
  let dir: string;
  let filesBefore: string[];
  let cacheDir: string;
  let model: GatewayModel;
  let coldMillis: number;
  let passes: number;

  beforeAll(() => {
    dir = moduleStack();
    filesBefore = filesUnder(dir);
    cacheDir = mkdtempSync(join(tmpdir(), "local-gateway-plan-cache-"));
    const started = Date.now();
    const planned = planStack({ stackDir: dir, env: terraformEnv(), cacheDir });
    coldMillis = Date.now() - started;
    passes = planned.passes;
    model = buildGatewayModel(planned.planDoc.doc);
  });

  test("plans a copy once (the REST API found in the module's files): the stack folder gets no override, state or .terraform", () => {
    expect(passes).toBe(1);
    expect(filesUnder(dir)).toEqual(filesBefore);
  });

  test("serves the stage and one POST route per signal the module call enables", () => {
    expect(model.stageNames).toEqual(["otel"]);
    expect(model.routes.map((r) => `${r.httpMethod} ${r.path}`).sort()).toEqual(["POST /v1/logs", "POST /v1/traces"]);
    expect(model.routes.every((r) => r.apiKeyRequired)).toBe(true);
    expect(model.apiId).toMatch(/^[a-z0-9]{10}$/);
    expect(model.binaryMediaTypes).toEqual(["application/x-protobuf"]);
    expect(model.warnings).toEqual([]);
  });

  test("sends each route to CloudWatch's OTLP endpoint in the provider's region", () => {
    const uri = (path: string) => model.routes.find((r) => r.path === path)!.integration!.uri;
    expect(uri("/v1/traces")).toBe("arn:aws:apigateway:eu-west-1:xray:path/v1/traces");
    expect(uri("/v1/logs")).toBe("arn:aws:apigateway:eu-west-1:logs:path/v1/logs");
  });

  test("gives the logs route the module call's log group and stream as static headers", () => {
    const logs = model.routes.find((r) => r.path === "/v1/logs")!;
    expect(logs.integration!.requestParameters).toMatchObject({
      "integration.request.header.x-aws-log-group": "'team-otlp-logs'",
      "integration.request.header.x-aws-log-stream": "'stream-1'",
    });
  });

  test.each(["/v1/traces", "/v1/logs"])("maps every CloudWatch status on %s as the status table says", (path) => {
    const route = model.routes.find((r) => r.path === path)!;
    const byStatus = (list: readonly { statusCode: string; selectionPattern?: string }[]) =>
      list.map((r) => [r.statusCode, r.selectionPattern]).sort(([a], [b]) => String(a).localeCompare(String(b)));
    expect(byStatus(route.integrationResponses)).toEqual(byStatus(STATUS_MAPPINGS));
    expect(route.integrationResponses.every((r) => r.contentHandling === "CONVERT_TO_TEXT")).toBe(true);
    expect([...route.methodResponses.keys()].sort()).toEqual(STATUS_MAPPINGS.map((m) => m.statusCode).sort());
  });

  test("reads every gateway response with the values Terraform evaluated", () => {
    const expected = [...gatewayResponseSpecs("POST /otel/v1/traces, POST /otel/v1/logs"), SOURCE_IP_DENIED_RESPONSE];
    expect([...model.gatewayResponses.keys()].sort()).toEqual(expected.map((s) => s.responseType).sort());
    for (const spec of expected) {
      const configured = model.gatewayResponses.get(spec.responseType)!;
      expect(configured.statusCode).toBe(spec.statusCode);
      expect(JSON.parse(configured.templates["application/json"])).toEqual({ message: spec.message });
      expect(configured.responseParameters).toEqual(Object.fromEntries(Object.entries(spec.headers).map(([k, v]) => [`gatewayresponse.header.${k}`, `'${v}'`])));
    }
  });

  test("reads one key per team from the for_each, with its enabled flag and the stage its usage plan binds", () => {
    expect([...model.access.apiKeys].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { id: expect.stringMatching(/^[a-z0-9]{10}$/), name: "otlp-proxy-contractors-eu-west-1", team: "contractors", enabled: false, stages: ["otel"] },
      { id: expect.stringMatching(/^[a-z0-9]{10}$/), name: "otlp-proxy-platform-eu-west-1", team: "platform", enabled: true, stages: ["otel"] },
    ]);
    expect(checkAgainstStack(model.access, makeApiKey("k", "platform"), "otel")).toEqual({ ok: true, stackKey: expect.objectContaining({ team: "platform" }) });
    expect(checkAgainstStack(model.access, makeApiKey("k", "contractors"), "otel")).toMatchObject({ ok: false });
  });

  test("evaluates the resource policy Terraform built from the REST API's ARN and the allowed ranges", () => {
    expect(model.access.policy).toHaveLength(2);
    expect(policyAllows(model.access, "198.51.100.7")).toBe(true);
    expect(policyAllows(model.access, "127.0.0.1")).toBe(true);
    expect(policyAllows(model.access, "203.0.113.1")).toBe(false);
  });

  test("reads the same model from the cache on the next start, without Terraform", () => {
    const started = Date.now();
    const again = loadStack({ stackFile: join(dir, "cdk.tf.json"), terraformEnv: { PATH: "/nonexistent" }, planCacheDir: cacheDir });
    const cachedMillis = Date.now() - started;
    expect(again.cached).toBe(true);
    expect(cachedMillis).toBeLessThan(2000);
    expect(buildGatewayModel(again.doc)).toEqual(model);
    // Shown with --verbose: what a start costs.
    console.log(`plan-stack: cold ${coldMillis} ms, cached ${cachedMillis} ms`);
  });

  test("keys the cache by content: the same files elsewhere are cached, a changed module file is not", () => {
    const withoutTerraform = (stackDir: string) => {
      try {
        return planStack({ stackDir, env: { PATH: "/nonexistent" }, cacheDir }).cached;
      } catch (error) {
        return (error as Error).message;
      }
    };
    const copy = moduleStack();
    expect(withoutTerraform(copy)).toBe(true);
    const variables = join(copy, "modules", "otlp-proxy", "variables.tf");
    writeFileSync(variables, `${readFileSync(variables, "utf8")}\n`);
    expect(withoutTerraform(copy)).toMatch(/needs Terraform/);
  });
});

describe("the local gateway reading a stack that declares its resources itself", () => {
  test("builds the same kind of model from the plan, planning twice to learn a policy built from the API's ARN", () => {
    const planned = planStack({ stackDir: rootResourcesStack(), env: terraformEnv(), cacheDir: mkdtempSync(join(tmpdir(), "local-gateway-plan-cache-")) });
    expect(planned.passes).toBe(2);
    const model = buildGatewayModel(planned.planDoc.doc);
    expect(model.apiName).toBe("plain-main");
    expect(model.stageNames).toEqual(["live"]);
    expect(model.routes).toHaveLength(1);
    expect(model.routes[0]).toMatchObject({ path: "/v1/metrics", httpMethod: "POST", apiKeyRequired: true });
    expect(model.routes[0].integration!.uri).toBe("arn:aws:apigateway:ap-southeast-2:monitoring:path/v1/metrics");
    expect(model.routes[0].integrationResponses.map((r) => r.statusCode)).toEqual(["200"]);
    expect(policyAllows(model.access, "192.0.2.1")).toBe(true);
    expect(policyAllows(model.access, "127.0.0.1")).toBe(false);
  });
});

describe("the local gateway's plan reader failing", () => {
  test("says in one line that terraform is needed when it is not installed", () => {
    const dir = moduleStack();
    const error = thrownBy(() => planStack({ stackDir: dir, env: { PATH: "/nonexistent" }, cacheDir: mkdtempSync(join(tmpdir(), "local-gateway-plan-cache-")) }));
    expect(error).toBeInstanceOf(LocalGatewayError);
    expect(error.message).toBe("The local gateway needs Terraform to read the stack (it runs terraform plan): install terraform and put it on PATH");
  });

  test("reports Terraform's own error in one line when the stack does not plan", () => {
    const dir = mkdtempSync(join(tmpdir(), "local-gateway-bad-stack-"));
    mkdirSync(join(dir, "m"));
    writeFileSync(join(dir, "m", "main.tf.json"), JSON.stringify({ variable: { n: { type: "number" } } }));
    // No provider: Terraform rejects the module call before it would load one, so the failing plan is quick.
    writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify({ module: { m: { source: "./m" } } }));
    const error = thrownBy(() => planStack({ stackDir: dir, env: terraformEnv(), cacheDir: mkdtempSync(join(tmpdir(), "local-gateway-plan-cache-")) }));
    expect(error).toBeInstanceOf(LocalGatewayError);
    expect(error.message).toMatch(/^terraform plan failed for .*local-gateway-bad-stack-.*: Error: Missing required argument/);
    expect(error.message).not.toContain("\n");
  });
});

describe("planToDoc", () => {
  const plan: TerraformPlan = {
    resource_changes: [
      change("aws_api_gateway_rest_api", "api", undefined, { name: "a" }, { id: true, root_resource_id: true }),
      change("aws_api_gateway_api_key", "team", "platform", { name: "k" }, { id: true, value: true }),
      change("aws_api_gateway_usage_plan_key", "key", "platform", { key_type: "API_KEY" }, { id: true, key_id: true }),
      change("aws_api_gateway_resource", "logs", 0, { path_part: "logs" }, { id: true, parent_id: true }),
      change("aws_api_gateway_rest_api_policy", "policy", 0, {}, { id: true, policy: true }),
    ],
    configuration: {
      root_module: {
        module_calls: {
          otlp_proxy: {
            module: {
              resources: [
                config("aws_api_gateway_rest_api", "api", {}),
                config("aws_api_gateway_api_key", "team", {}),
                config("aws_api_gateway_usage_plan_key", "key", { key_id: { references: ["aws_api_gateway_api_key.team", "each.key"] } }),
                config("aws_api_gateway_resource", "logs", { parent_id: { references: ["aws_api_gateway_rest_api.api.root_resource_id", "aws_api_gateway_rest_api.api"] } }),
                config("aws_api_gateway_rest_api_policy", "policy", {
                  policy: { references: ["aws_api_gateway_rest_api.api.execution_arn", "aws_api_gateway_rest_api.api", "local.cidrs"] },
                }),
              ],
            },
          },
        },
      },
    },
  };
  const { doc, unresolved, unknownRestApis } = planToDoc(plan);
  const resource = doc.resource!;

  test("names each instance by its name and key, and leaves out unknown values nothing configures", () => {
    expect(Object.keys(resource.aws_api_gateway_api_key)).toEqual(["team_platform"]);
    expect(resource.aws_api_gateway_api_key.team_platform).toEqual({ name: "k" });
    expect(Object.keys(resource.aws_api_gateway_resource)).toEqual(["logs_0"]);
  });

  test("writes a reference for an unknown value its configuration reads from one other instance, each.key as this key", () => {
    expect(resource.aws_api_gateway_usage_plan_key.key_platform.key_id).toBe("${aws_api_gateway_api_key.team_platform.id}");
    expect(resource.aws_api_gateway_resource.logs_0.parent_id).toBe("${aws_api_gateway_rest_api.api.root_resource_id}");
  });

  test("marks any other unknown value, which fails naming it only when the gateway reads it", () => {
    expect(unresolved).toEqual(['module.otlp_proxy.aws_api_gateway_rest_api_policy.policy[0].policy']);
    expect(unknownRestApis).toEqual([{ moduleAddress: "module.otlp_proxy", name: "api", index: undefined, providerName: "registry.terraform.io/hashicorp/aws" }]);
    const refs = new TerraformRefs(doc);
    expect(() => refs.resolve(resource.aws_api_gateway_rest_api_policy.policy_0.policy)).toThrow(
      "module.otlp_proxy.aws_api_gateway_rest_api_policy.policy[0].policy is known only after apply",
    );
  });
});

function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

function change(type: string, name: string, index: number | string | undefined, after: object, afterUnknown: object) {
  const key = index === undefined ? "" : typeof index === "number" ? `[${index}]` : `[${JSON.stringify(index)}]`;
  return {
    address: `module.otlp_proxy.${type}.${name}${key}`,
    module_address: "module.otlp_proxy",
    mode: "managed",
    type,
    name,
    index,
    provider_name: "registry.terraform.io/hashicorp/aws",
    change: { actions: ["create"], after, after_unknown: afterUnknown },
  };
}

function config(type: string, name: string, expressions: Record<string, unknown>) {
  return { address: `${type}.${name}`, mode: "managed", type, name, expressions };
}
