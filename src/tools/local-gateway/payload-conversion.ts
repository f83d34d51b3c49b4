import { ContentHandling } from "./route-table";

/**
 * Whether a client's `Accept: *∕*` counts as matching the binary media types. AWS does not say (docs/aws-facts.md,
 * "Response bodies" [open]); the local gateway takes the stricter reading, that it does, because that is the reading
 * under which an unset response content handling would base64-decode a text answer and fail.
 */
export const STAR_ACCEPT_MATCHES_BINARY = true;

/** The media type of a header value, lowercased and without parameters (`application/json; charset=utf-8` → `application/json`). */
export function mediaType(headerValue: string | undefined): string | undefined {
  const type = headerValue?.split(";")[0].trim().toLowerCase();
  return type ? type : undefined;
}

/** The first media type of an `Accept` header: the only one API Gateway honours (docs/aws-facts.md, "Binary bodies" [doc]). */
export function firstAccept(accept: string | undefined): string | undefined {
  return mediaType(accept?.split(",")[0]);
}

/**
 * Whether a media type matches one of the API's binary media types. Entries may be wildcards (`image/*`, `*∕*`); a
 * `*∕*` *value* (an Accept header) matches when {@link STAR_ACCEPT_MATCHES_BINARY}.
 */
export function isBinaryMediaType(type: string | undefined, binaryMediaTypes: readonly string[]): boolean {
  if (!type || binaryMediaTypes.length === 0) return false;
  if (type === "*/*") return STAR_ACCEPT_MATCHES_BINARY;
  const [major, minor] = type.split("/");
  return binaryMediaTypes.some((entry) => {
    const [entryMajor, entryMinor] = entry.trim().toLowerCase().split("/");
    return (entryMajor === "*" || entryMajor === major) && (entryMinor === "*" || entryMinor === minor);
  });
}

/** A converted payload, or the conversion failure API Gateway answers with API_CONFIGURATION_ERROR (500). */
export type Converted = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly error: string };

/**
 * The integration request body (payload-encodings request table,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html, and
 * docs/aws-facts.md "Request bodies" [recorded]): a body whose Content-Type is a binary media type passes byte for byte
 * (unset or CONVERT_TO_BINARY) or is base64-encoded (CONVERT_TO_TEXT); any other body is text: decoded as UTF-8 with
 * invalid bytes replaced and re-encoded (unset or CONVERT_TO_TEXT), or base64-decoded (CONVERT_TO_BINARY).
 */
export function convertRequestBody(body: Buffer, contentType: string | undefined, binaryMediaTypes: readonly string[], handling: ContentHandling): Converted {
  const binary = isBinaryMediaType(mediaType(contentType), binaryMediaTypes);
  if (binary) return handling === "CONVERT_TO_TEXT" ? ok(Buffer.from(body.toString("base64"))) : ok(body);
  return handling === "CONVERT_TO_BINARY" ? base64Decode(body) : ok(asUtf8Text(body));
}

/**
 * The method response body (payload-encodings response table, same page, and docs/aws-facts.md "Response bodies"
 * [recorded]). The payload is binary when the back end's Content-Type is a binary media type; the client wants binary
 * when its first Accept value is one. Unset handling converts only when the two differ (binary → base64 text, text →
 * base64-decoded, which fails for text that is not base64); CONVERT_TO_TEXT base64-encodes binary payloads and leaves
 * text; CONVERT_TO_BINARY base64-decodes text payloads and leaves binary ones.
 */
export function convertResponseBody(
  payload: Buffer,
  payloadContentType: string | undefined,
  accept: string | undefined,
  binaryMediaTypes: readonly string[],
  handling: ContentHandling,
): Converted {
  const binaryPayload = isBinaryMediaType(mediaType(payloadContentType), binaryMediaTypes);
  if (handling === "CONVERT_TO_TEXT") return binaryPayload ? ok(Buffer.from(payload.toString("base64"))) : ok(payload);
  if (handling === "CONVERT_TO_BINARY") return binaryPayload ? ok(payload) : base64Decode(payload);
  const binaryAccept = isBinaryMediaType(firstAccept(accept), binaryMediaTypes);
  if (binaryPayload && !binaryAccept) return ok(Buffer.from(payload.toString("base64")));
  if (!binaryPayload && binaryAccept) return base64Decode(payload);
  return ok(payload);
}

/** A body read as UTF-8 text and written back: every invalid byte sequence becomes U+FFFD, as on AWS. */
export function asUtf8Text(body: Buffer): Buffer {
  return Buffer.from(new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(body), "utf8");
}

function base64Decode(text: Buffer): Converted {
  const compact = text.toString("latin1").replace(/[\r\n]/g, "");
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) {
    return { ok: false, error: "the payload is not valid base64" };
  }
  return ok(Buffer.from(compact, "base64"));
}

function ok(body: Buffer): Converted {
  return { ok: true, body };
}
