import { IncomingHttpHeaders } from "http";
import { ApiKey } from "./api-keys";

/** What the request mapping can read: the method request and a little context. */
export interface MethodRequest {
  readonly headers: IncomingHttpHeaders;
  readonly query: URLSearchParams;
  readonly stage: string;
  readonly requestId: string;
  readonly apiKey?: ApiKey;
}

/** The headers and query string an integration request carries, before signing. */
export interface MappedRequest {
  readonly headers: Record<string, string>;
  readonly query: Record<string, string>;
}

/**
 * Maps a method request to the integration request's headers and query string, from the integration's
 * `request_parameters`. A non-proxy integration forwards only what is mapped (docs/aws-facts.md, "AWS service
 * integrations" [code] and "Headers to a non-proxy integration" [recorded]): `'...'` is a static value sent without the
 * quotes, `method.request.header.X` copies the client's header (case-insensitively) and is left out when the client
 * did not send it ("Parameter mapping" [recorded]). API Gateway then adds `Accept: application/json` unless Accept is
 * mapped, and `User-Agent: AmazonAPIGateway_<apiId>` ("Headers to a non-proxy integration" [recorded]).
 */
export function mapIntegrationRequest(requestParameters: Readonly<Record<string, string>>, method: MethodRequest, apiId: string): MappedRequest {
  const headers: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const [target, source] of Object.entries(requestParameters)) {
    const value = sourceValue(source, method);
    if (value === undefined) continue;
    const header = /^integration\.request\.header\.(.+)$/.exec(target);
    const queryParam = /^integration\.request\.querystring\.(.+)$/.exec(target);
    if (header) headers[header[1].toLowerCase()] = value;
    else if (queryParam) query[queryParam[1]] = value;
  }
  if (!("accept" in headers)) headers.accept = "application/json";
  if (!("user-agent" in headers)) headers["user-agent"] = `AmazonAPIGateway_${apiId}`;
  return { headers, query };
}

/**
 * The context variable holding the id of the key a request was accepted with (docs/aws-facts.md, "Context variables as
 * request parameters"). The local gateway keeps its own copy of the name, as it does the team tag: it learns the API
 * from Terraform's plan and never imports the product.
 */
export const API_KEY_ID_SOURCE = "context.identity.apiKeyId";

/** The context variable holding the key's secret value (same section): never mapped; the local gateway refuses it. */
export const API_KEY_VALUE_SOURCE = "context.identity.apiKey";

/** Thrown when an integration maps the API key's secret value: API Gateway would send it on to the integration. */
export class SecretMappingError extends Error {
  constructor(source: string) {
    super(`the integration maps ${source}, the API key's secret value, which API Gateway would send on to CloudWatch; map ${API_KEY_ID_SOURCE} instead`);
    this.name = "SecretMappingError";
  }
}

/**
 * The value of one mapping source, or undefined when the request does not have it: a quoted static value, a client's
 * header or query parameter, or one of API Gateway's context variables (`context.identity.apiKeyId`, `context.stage`,
 * `context.requestId`).
 * @throws SecretMappingError for `context.identity.apiKey`
 */
export function sourceValue(source: string, method: MethodRequest): string | undefined {
  const literal = /^'(.*)'$/s.exec(source);
  if (literal) return literal[1];
  const header = /^method\.request\.header\.(.+)$/.exec(source);
  if (header) return headerValue(method.headers, header[1]);
  const queryParam = /^method\.request\.querystring\.(.+)$/.exec(source);
  if (queryParam) return method.query.get(queryParam[1]) ?? undefined;
  switch (source) {
    case API_KEY_ID_SOURCE:
      // The id of the key the request was accepted with (a team's key stands for its key in the stack: see
      // checkAgainstStack), never anything the client sends: per-team log streams rest on it.
      return method.apiKey?.id;
    case API_KEY_VALUE_SOURCE:
      throw new SecretMappingError(source);
    case "context.stage":
      return method.stage;
    case "context.requestId":
      return method.requestId;
    default:
      return undefined;
  }
}

/** A request header by name, case-insensitively; repeated headers joined with `, `. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}
