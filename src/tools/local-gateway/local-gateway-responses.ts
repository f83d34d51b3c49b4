import { IncomingHttpHeaders } from "http";
import { headerValue } from "./map-integration-request";
import { GatewayResponseConfig } from "./route-table";

/** The gateway response types the local gateway knows (it never raises THROTTLED or QUOTA_EXCEEDED itself). */
export type GatewayResponseType =
  | "THROTTLED"
  | "QUOTA_EXCEEDED"
  | "MISSING_AUTHENTICATION_TOKEN"
  | "INVALID_API_KEY"
  | "REQUEST_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "INTEGRATION_TIMEOUT"
  | "API_CONFIGURATION_ERROR"
  | "ACCESS_DENIED";

/** A response written to the client. */
export interface GatewayAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/**
 * API Gateway's defaults for the types it raises here: status (https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html)
 * and message, rendered through the default template `{"message":$context.error.messageString}` (docs/aws-facts.md,
 * "Gateway responses" [recorded]). API_CONFIGURATION_ERROR covers a failed base64 decode, no matching integration
 * response and an unreachable endpoint, all "Internal server error".
 */
export const DEFAULT_GATEWAY_RESPONSES: Readonly<Record<GatewayResponseType, { readonly status: number; readonly message: string }>> = {
  THROTTLED: { status: 429, message: "Too Many Requests" },
  QUOTA_EXCEEDED: { status: 429, message: "Limit Exceeded" },
  MISSING_AUTHENTICATION_TOKEN: { status: 403, message: "Missing Authentication Token" },
  INVALID_API_KEY: { status: 403, message: "Forbidden" },
  REQUEST_TOO_LARGE: { status: 413, message: "Request Too Long" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Unsupported Media Type" },
  INTEGRATION_TIMEOUT: { status: 504, message: "Endpoint request timed out" },
  API_CONFIGURATION_ERROR: { status: 500, message: "Internal server error" },
  // A resource policy's deny; AWS's message names the caller and the resource ARN [infer].
  ACCESS_DENIED: { status: 403, message: "User: anonymous is not authorized to perform: execute-api:Invoke" },
};

const DEFAULT_TEMPLATE = '{"message":$context.error.messageString}';

/** Context available to gateway response templates and header mappings. */
export interface GatewayResponseContext {
  readonly requestHeaders: IncomingHttpHeaders;
  readonly requestId: string;
  readonly stage?: string;
}

/**
 * Renders a gateway response as the stack configures it: the type's own `aws_api_gateway_gateway_response` if any
 * (it replaces the whole default), else a configured DEFAULT_4XX or DEFAULT_5XX of the type's class, else API Gateway's
 * default (docs/aws-facts.md, "Gateway responses" [recorded]). Templates get `$context.error.messageString`,
 * `$context.error.message`, `$context.error.responseType`, `$context.requestId` and `$context.stage`; headers are
 * `'static'` values or `method.request.header.X`.
 */
export function renderGatewayResponse(
  type: GatewayResponseType,
  configured: ReadonlyMap<string, GatewayResponseConfig>,
  context: GatewayResponseContext,
): GatewayAnswer {
  const builtIn = DEFAULT_GATEWAY_RESPONSES[type];
  const classDefault = configured.get(builtIn.status >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
  const config = configured.get(type) ?? classDefault;
  const status = Number(config?.statusCode ?? classDefault?.statusCode ?? builtIn.status);
  const templates = config?.templates ?? {};
  const contentType = "application/json" in templates ? "application/json" : (Object.keys(templates)[0] ?? "application/json");
  const template = templates[contentType] ?? DEFAULT_TEMPLATE;
  const body = template
    .replace(/\$(?:\{context\.error\.messageString\}|context\.error\.messageString)/g, JSON.stringify(builtIn.message))
    .replace(/\$(?:\{context\.error\.message\}|context\.error\.message)/g, builtIn.message)
    .replace(/\$(?:\{context\.error\.responseType\}|context\.error\.responseType)/g, type)
    .replace(/\$(?:\{context\.requestId\}|context\.requestId)/g, context.requestId)
    .replace(/\$(?:\{context\.stage\}|context\.stage)/g, context.stage ?? "");
  const headers: Record<string, string> = { "content-type": contentType };
  for (const [target, source] of Object.entries(config?.responseParameters ?? {})) {
    const name = /^gatewayresponse\.header\.(.+)$/.exec(target)?.[1];
    if (!name) continue;
    const literal = /^'(.*)'$/s.exec(source)?.[1];
    const fromRequest = /^method\.request\.header\.(.+)$/.exec(source)?.[1];
    const value = literal ?? (fromRequest ? headerValue(context.requestHeaders, fromRequest) : undefined);
    if (value !== undefined) headers[name] = value;
  }
  return { status, headers, body: Buffer.from(body, "utf8") };
}
