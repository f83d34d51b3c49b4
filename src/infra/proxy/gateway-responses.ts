/** A customised answer for a request API Gateway itself rejects before it reaches CloudWatch. */
export interface GatewayResponseSpec {
  /** API Gateway's gateway response type. */
  readonly responseType: string;
  readonly statusCode: string;
  /** Readable text returned as `{"message": ...}`. */
  readonly message: string;
  /** Static response headers, by name. */
  readonly headers: Readonly<Record<string, string>>;
}

/** The header clients must send the key in (the REST API's `api_key_source = HEADER`). */
export const API_KEY_HEADER = "x-api-key";

/**
 * API Gateway's own rejections, each with a message that says what to fix. Creating a gateway response replaces the
 * whole default for its type (docs/aws-facts.md, "Gateway responses" [doc]/[recorded]); unknown paths and methods come
 * as MISSING_AUTHENTICATION_TOKEN, whose default 403 is changed to an honest 404.
 * @param routes the routes the not-found answer lists (`POST /prod/v1/metrics, POST /prod/v1/traces`)
 */
export function gatewayResponseSpecs(routes: string): GatewayResponseSpec[] {
  return [
    {
      responseType: "INVALID_API_KEY",
      statusCode: "403",
      message: `Forbidden: missing, unknown or disabled API key. Send your team's key in the ${API_KEY_HEADER} header.`,
      headers: {},
    },
    {
      responseType: "MISSING_AUTHENTICATION_TOKEN",
      statusCode: "404",
      message: `Not found: this OTLP proxy serves only ${routes}.`,
      headers: {},
    },
    {
      responseType: "THROTTLED",
      statusCode: "429",
      message: "Too many requests: this API key is over its usage plan's rate limit. Retry later or send larger batches less often.",
      headers: { "Retry-After": "1" },
    },
    {
      responseType: "QUOTA_EXCEEDED",
      statusCode: "429",
      message: "Quota exceeded: this API key has used its usage plan's request quota for the current period.",
      headers: {},
    },
    {
      responseType: "REQUEST_TOO_LARGE",
      statusCode: "413",
      message: "Request body too large: API Gateway accepts at most 10 MB per request. Export smaller batches.",
      headers: {},
    },
    {
      responseType: "UNSUPPORTED_MEDIA_TYPE",
      statusCode: "415",
      message: "Unsupported Content-Encoding: send the body uncompressed or compressed with gzip.",
      headers: {},
    },
    {
      responseType: "INTEGRATION_TIMEOUT",
      statusCode: "504",
      message: "CloudWatch did not answer in time. Retry the export.",
      headers: {},
    },
  ];
}

/**
 * The answer to a caller the resource policy denies (allowedSourceCidrs): ACCESS_DENIED, 403, saying why rather than
 * AWS's default "User: anonymous is not authorized..." text.
 */
export const SOURCE_IP_DENIED_RESPONSE: GatewayResponseSpec = {
  responseType: "ACCESS_DENIED",
  statusCode: "403",
  message: "Forbidden: your network address is not in this OTLP proxy's allowed source ranges.",
  headers: {},
};

/** The JSON body template of a gateway response: static text, so it renders the same on AWS and in the local gateway. */
export function gatewayResponseBody(message: string): string {
  return JSON.stringify({ message });
}
