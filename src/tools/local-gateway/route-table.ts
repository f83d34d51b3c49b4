import { AccessControlModel, readAccessControl } from "./access-control";
import { LocalGatewayError } from "./local-gateway-error";
import { TerraformRefError, TerraformRefs, TerraformJson, TerraformResourceConfig } from "./terraform-refs";

/** `content_handling` of an integration or integration response; undefined is "unset" (passthrough). */
export type ContentHandling = "CONVERT_TO_TEXT" | "CONVERT_TO_BINARY" | undefined;

/** One `aws_api_gateway_integration_response`. */
export interface IntegrationResponseSpec {
  readonly statusCode: string;
  /** Undefined (or empty) marks the default response. */
  readonly selectionPattern?: string;
  readonly contentHandling: ContentHandling;
  /** `method.response.header.X` → `integration.response.header.Y` or `'static'`. */
  readonly responseParameters: Readonly<Record<string, string>>;
}

/** One `aws_api_gateway_integration`. */
export interface IntegrationSpec {
  /** `AWS`, `AWS_PROXY`, `HTTP`, `HTTP_PROXY` or `MOCK`; only `AWS` is emulated. */
  readonly type: string;
  readonly httpMethod: string;
  readonly uri: string;
  /** `integration.request.header.X` → `method.request.header.Y` or `'static'`. */
  readonly requestParameters: Readonly<Record<string, string>>;
  readonly contentHandling: ContentHandling;
  readonly passthroughBehavior?: string;
  readonly requestTemplateTypes: readonly string[];
  readonly timeoutMs: number;
}

/** A method on a resource path: what the stage serves at `POST /<stage><path>`. */
export interface RouteSpec {
  /** The resource path, e.g. `/v1/metrics`. */
  readonly path: string;
  /** `POST`, ..., or `ANY`. */
  readonly httpMethod: string;
  readonly apiKeyRequired: boolean;
  /** `method.request.header.X` → required. */
  readonly methodRequestParameters: Readonly<Record<string, boolean>>;
  readonly integration?: IntegrationSpec;
  /** Method responses by status code, with the headers each declares. */
  readonly methodResponses: ReadonlyMap<string, readonly string[]>;
  /** In file order. */
  readonly integrationResponses: readonly IntegrationResponseSpec[];
}

/** One `aws_api_gateway_gateway_response`. */
export interface GatewayResponseConfig {
  readonly statusCode?: string;
  readonly templates: Readonly<Record<string, string>>;
  /** `gatewayresponse.header.X` → `'static'` (or a request source). */
  readonly responseParameters: Readonly<Record<string, string>>;
}

/** Everything the local gateway serves, read from one REST API in a synthesized stack. */
export interface GatewayModel {
  /** A stand-in for the API id AWS would assign (stable per stack). */
  readonly apiId: string;
  readonly apiName: string;
  readonly binaryMediaTypes: readonly string[];
  readonly apiKeySource: string;
  readonly minimumCompressionSize?: number;
  readonly stageNames: readonly string[];
  readonly routes: readonly RouteSpec[];
  readonly gatewayResponses: ReadonlyMap<string, GatewayResponseConfig>;
  /** The stack's API keys (teams) and resource policy. */
  readonly access: AccessControlModel;
  /** Configuration the local gateway reads but does not emulate. */
  readonly warnings: readonly string[];
}

/** API Gateway's default integration timeout (docs/aws-facts.md, "Limits" [doc]). */
export const DEFAULT_INTEGRATION_TIMEOUT_MS = 29_000;

/**
 * Builds the {@link GatewayModel} of the stack's REST API from its resources, methods, integrations, method and
 * integration responses, gateway responses and stages, resolving Terraform references within the document.
 */
export function buildGatewayModel(doc: TerraformJson): GatewayModel {
  try {
    return build(new TerraformRefs(doc));
  } catch (error) {
    if (error instanceof TerraformRefError) throw new LocalGatewayError(`Cannot read the stack: ${error.message}`);
    throw error;
  }
}

function build(refs: TerraformRefs): GatewayModel {
  const apis = refs.resourcesOf("aws_api_gateway_rest_api");
  if (apis.length !== 1) throw new LocalGatewayError(`Expected one aws_api_gateway_rest_api in the stack, found ${apis.length}`);
  const [apiName, api] = apis[0];
  const apiId = refs.attribute("aws_api_gateway_rest_api", apiName, "id") as string;
  const rootId = refs.attribute("aws_api_gateway_rest_api", apiName, "root_resource_id") as string;
  const warnings: string[] = [];
  const ofApi = (type: string) => refs.resourcesOf(type).filter(([, config]) => refs.resolve(config.rest_api_id) === apiId);
  const str = (value: unknown) => refs.resolveToString(value);

  const paths = resourcePaths(refs, ofApi("aws_api_gateway_resource"), rootId);
  const pathOf = (config: TerraformResourceConfig): string => {
    const id = str(config.resource_id) ?? "";
    const path = id === rootId ? "/" : paths.get(id);
    if (path === undefined) throw new LocalGatewayError(`resource_id ${config.resource_id} is not a resource of the API`);
    return path;
  };
  const key = (config: TerraformResourceConfig) => `${str(config.http_method)} ${pathOf(config)}`;

  const integrations = new Map<string, IntegrationSpec>();
  for (const [, config] of ofApi("aws_api_gateway_integration")) {
    const templates = Object.keys((refs.resolve(config.request_templates) as Record<string, string> | undefined) ?? {});
    if (templates.length) warnings.push(`${key(config)}: request templates are not emulated; bodies pass through`);
    integrations.set(key(config), {
      type: str(config.type) ?? "",
      httpMethod: str(config.integration_http_method) ?? str(config.http_method) ?? "POST",
      uri: str(config.uri) ?? "",
      requestParameters: (refs.resolve(config.request_parameters) as Record<string, string> | undefined) ?? {},
      contentHandling: str(config.content_handling) as ContentHandling,
      passthroughBehavior: str(config.passthrough_behavior),
      requestTemplateTypes: templates,
      timeoutMs: Number(str(config.timeout_milliseconds) ?? DEFAULT_INTEGRATION_TIMEOUT_MS),
    });
  }

  const methodResponses = new Map<string, Map<string, string[]>>();
  for (const [, config] of ofApi("aws_api_gateway_method_response")) {
    const byStatus = methodResponses.get(key(config)) ?? new Map<string, string[]>();
    const params = (refs.resolve(config.response_parameters) as Record<string, boolean> | undefined) ?? {};
    byStatus.set(str(config.status_code) ?? "", Object.keys(params));
    methodResponses.set(key(config), byStatus);
  }

  const integrationResponses = new Map<string, IntegrationResponseSpec[]>();
  for (const [, config] of ofApi("aws_api_gateway_integration_response")) {
    if (config.response_templates) warnings.push(`${key(config)}: response templates are not emulated; bodies pass through`);
    const list = integrationResponses.get(key(config)) ?? [];
    list.push({
      statusCode: str(config.status_code) ?? "",
      selectionPattern: str(config.selection_pattern) || undefined,
      contentHandling: str(config.content_handling) as ContentHandling,
      responseParameters: (refs.resolve(config.response_parameters) as Record<string, string> | undefined) ?? {},
    });
    integrationResponses.set(key(config), list);
  }

  const routes: RouteSpec[] = ofApi("aws_api_gateway_method").map(([, config]) => {
    const routeKey = key(config);
    const authorization = str(config.authorization);
    if (authorization && authorization !== "NONE") warnings.push(`${routeKey}: authorization ${authorization} is not emulated`);
    return {
      path: pathOf(config),
      httpMethod: str(config.http_method) ?? "",
      apiKeyRequired: refs.resolve(config.api_key_required) === true,
      methodRequestParameters: (refs.resolve(config.request_parameters) as Record<string, boolean> | undefined) ?? {},
      integration: integrations.get(routeKey),
      methodResponses: methodResponses.get(routeKey) ?? new Map(),
      integrationResponses: integrationResponses.get(routeKey) ?? [],
    };
  });

  const gatewayResponses = new Map<string, GatewayResponseConfig>();
  for (const [, config] of ofApi("aws_api_gateway_gateway_response")) {
    gatewayResponses.set(str(config.response_type) ?? "", {
      statusCode: str(config.status_code),
      templates: (refs.resolve(config.response_templates) as Record<string, string> | undefined) ?? {},
      responseParameters: (refs.resolve(config.response_parameters) as Record<string, string> | undefined) ?? {},
    });
  }

  const stageNames = ofApi("aws_api_gateway_stage").map(([, config]) => str(config.stage_name) ?? "");
  if (stageNames.length === 0) throw new LocalGatewayError("The stack has no aws_api_gateway_stage for its REST API, so nothing is deployed");
  const minimumCompressionSize = str(api.minimum_compression_size);
  const access = readAccessControl(refs, apiId, warnings);

  return {
    apiId,
    apiName: str(api.name) ?? apiName,
    binaryMediaTypes: (refs.resolve(api.binary_media_types) as string[] | undefined) ?? [],
    apiKeySource: str(api.api_key_source) ?? "HEADER",
    minimumCompressionSize: minimumCompressionSize === undefined || minimumCompressionSize === "" ? undefined : Number(minimumCompressionSize),
    stageNames,
    routes,
    gatewayResponses,
    access,
    warnings,
  };
}

/** Full paths (`/v1/metrics`) of the API's resources, by their resolved id. */
function resourcePaths(refs: TerraformRefs, resources: Array<[string, TerraformResourceConfig]>, rootId: string): Map<string, string> {
  const byId = new Map(resources.map(([name, config]) => [refs.attribute("aws_api_gateway_resource", name, "id") as string, config]));
  const paths = new Map<string, string>();
  const pathOf = (id: string, depth: number): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const config = byId.get(id);
    if (!config || depth > byId.size) throw new LocalGatewayError(`Resource ${id} has no path back to the API's root resource`);
    const parent = refs.resolveToString(config.parent_id) ?? "";
    const parentPath = parent === rootId ? "" : pathOf(parent, depth + 1);
    const path = `${parentPath}/${refs.resolveToString(config.path_part)}`;
    paths.set(id, path);
    return path;
  };
  for (const id of byId.keys()) pathOf(id, 0);
  return paths;
}

/** The result of matching a request line against the model. */
export type RouteMatch = { readonly route: RouteSpec; readonly stage: string } | { readonly route?: undefined };

/**
 * Finds the route for `<method> /<stage><path>`: the stage must be deployed, the resource path must exist (literal
 * segments, `{name}` for one segment, `{name+}` for the rest) and the method must be defined on it or be `ANY`.
 */
export function matchRoute(model: GatewayModel, method: string, urlPath: string): RouteMatch {
  const [, stage, ...rest] = urlPath.split("/");
  if (!stage || !model.stageNames.includes(stage)) return {};
  const resourcePath = `/${rest.join("/")}`;
  const candidates = model.routes.filter((route) => pathMatches(route.path, resourcePath));
  const route = candidates.find((r) => r.httpMethod === method) ?? candidates.find((r) => r.httpMethod === "ANY");
  return route ? { route, stage } : {};
}

function pathMatches(template: string, path: string): boolean {
  const pattern = template
    .split("/")
    .map((segment) => (/^\{.+\+\}$/.test(segment) ? ".+" : /^\{.+\}$/.test(segment) ? "[^/]+" : escapeRegExp(segment)))
    .join("/");
  return new RegExp(`^${pattern}$`).test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
