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

/** The value of one mapping source, or undefined when the request does not have it. */
export function sourceValue(source: string, method: MethodRequest): string | undefined {
  const literal = /^'(.*)'$/s.exec(source);
  if (literal) return literal[1];
  const header = /^method\.request\.header\.(.+)$/.exec(source);
  if (header) return headerValue(method.headers, header[1]);
  const queryParam = /^method\.request\.querystring\.(.+)$/.exec(source);
  if (queryParam) return method.query.get(queryParam[1]) ?? undefined;
  switch (source) {
    case "context.identity.apiKeyId":
      return method.apiKey?.id;
    case "context.identity.apiKey":
      return method.apiKey?.value;
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
