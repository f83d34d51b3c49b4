/**
 * The headers CloudWatch receives besides API Gateway's own signature headers: the client's Content-Type (JSON or
 * protobuf), and static values. A non-proxy integration forwards only mapped headers [code]; Content-Encoding is
 * never mapped, since API Gateway has already decompressed the body [doc/infer]; Accept is left to API Gateway's
 * `application/json`, so CloudWatch answers in JSON, which stays text through the response conversion.
 */
export function integrationRequestHeaders(staticHeaders: Readonly<Record<string, string>>): Record<string, string> {
  return {
    "integration.request.header.Content-Type": "method.request.header.Content-Type",
    ...Object.fromEntries(
      // Static values are single-quoted in request parameters [doc].
      Object.entries(staticHeaders).map(([name, value]) => [`integration.request.header.${name}`, `'${value}'`]),
    ),
  };
}
