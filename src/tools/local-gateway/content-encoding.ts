import { gunzipSync, inflateRawSync, inflateSync } from "zlib";

/**
 * API Gateway's payload limit: 10 MB, not raisable (docs/aws-facts.md, "Limits" [doc];
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html). Read as 10,000,000 bytes, the stricter
 * of 10^7 and 2^20 × 10, and applied both to the body as received and to the body after decompression: whether AWS
 * checks before or after decompression is open (docs/aws-facts.md, "gzip" [open]), so the local gateway refuses
 * whatever either reading would refuse.
 */
export const MAX_PAYLOAD_BYTES = 10_000_000;

/** The result of undoing a request's `Content-Encoding`. */
export type DecodedBody =
  | { readonly ok: true; readonly body: Buffer; readonly coding: string }
  | { readonly ok: false; readonly error: "unsupported-coding" | "broken" | "too-large"; readonly coding: string };

/**
 * Decompresses a request body as API Gateway does before the integration: `gzip` and `deflate` are undone, `identity`
 * (or none) passes; any other coding, a stack of codings, or a body that does not decompress gives an error the
 * caller answers with UNSUPPORTED_MEDIA_TYPE (415), and a body over {@link MAX_PAYLOAD_BYTES} once decompressed gives
 * `too-large` (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-make-request-with-compressed-payload.html,
 * supported codings: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-enable-compression.html).
 */
export function decodeContentEncoding(body: Buffer, contentEncoding: string | undefined, maxBytes: number = MAX_PAYLOAD_BYTES): DecodedBody {
  const coding = (contentEncoding ?? "").trim().toLowerCase();
  if (coding === "" || coding === "identity") return { ok: true, body, coding: "identity" };
  if (coding !== "gzip" && coding !== "x-gzip" && coding !== "deflate") return { ok: false, error: "unsupported-coding", coding };
  try {
    const options = { maxOutputLength: maxBytes + 1 };
    const decoded = coding === "deflate" ? inflateEitherForm(body, options) : gunzipSync(body, options);
    return decoded.length > maxBytes ? { ok: false, error: "too-large", coding } : { ok: true, body: decoded, coding };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE") return { ok: false, error: "too-large", coding };
    return { ok: false, error: "broken", coding };
  }
}

// HTTP's "deflate" is zlib-wrapped (RFC 9110 §8.4.1.2), but some clients send raw DEFLATE; accept both.
function inflateEitherForm(body: Buffer, options: { maxOutputLength: number }): Buffer {
  try {
    return inflateSync(body, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw error;
    return inflateRawSync(body, options);
  }
}
