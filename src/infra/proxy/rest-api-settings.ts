/** Settings of the REST API itself that only a new deployment puts into effect. */
export const REDEPLOYING_REST_API_ATTRIBUTES = ["binary_media_types", "minimum_compression_size", "api_key_source", "disable_execute_api_endpoint"];

/**
 * The media types API Gateway passes byte for byte. Protobuf must be listed, or API Gateway treats it as UTF-8 text
 * and replaces invalid bytes; JSON must not be, so it stays text and is never base64-touched (docs/aws-facts.md,
 * "Binary bodies" [doc] and "Request bodies" [recorded]).
 */
export const BINARY_MEDIA_TYPES = ["application/x-protobuf"];

/**
 * 0 turns on the REST API's content encoding for bodies of every size. AWS says of this setting: "If the payload size
 * is smaller than this value, compression or decompression are not applied on the payload" (Content encoding for
 * REST APIs; docs/aws-facts.md, "gzip" [open]). Any higher value could let a small gzip body reach CloudWatch still
 * compressed, without its Content-Encoding, and be rejected. The cost: CloudWatch's small answers are gzipped for
 * clients that send Accept-Encoding: gzip.
 */
export const MINIMUM_COMPRESSION_SIZE_BYTES = 0;
