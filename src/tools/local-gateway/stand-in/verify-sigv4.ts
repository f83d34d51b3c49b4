import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import { createHash } from "crypto";
import { IncomingHttpHeaders } from "http";
import { AwsCredentials } from "../sigv4-signer";

/** Node's native SHA-256, as the AWS SDK for JavaScript itself signs with in Node (the pure-JS hash is far slower on 1 MB bodies). */
const SHA256 = Hash.bind(null, "sha256");

/** What a SigV4 check found. */
export interface SignatureCheck {
  readonly ok: boolean;
  /** Every problem, in words; empty when ok. */
  readonly problems: readonly string[];
  readonly service?: string;
  readonly region?: string;
  readonly signedHeaders?: readonly string[];
}

/** The request as received. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query as on the request line. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** What the request must have been signed for. */
export interface ExpectedSignature {
  readonly credentials: AwsCredentials;
  readonly service: string;
  readonly region: string;
  /** @default `<service>.<region>.amazonaws.com` */
  readonly host?: string;
  /** Allowed clock skew. @default 15 minutes, as AWS allows */
  readonly maxSkewMs?: number;
  /** @default now */
  readonly now?: Date;
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/**
 * Verifies a SigV4-signed request as an AWS endpoint would: the credential scope (key, date, region, service), the
 * Host, that every `x-amz-*` header and `host` are signed, the payload hash, the clock skew, and finally the signature
 * itself, recomputed with `@smithy/signature-v4` from the received method, path, query, signed headers and body.
 */
export async function verifySigV4(request: ReceivedRequest, expected: ExpectedSignature): Promise<SignatureCheck> {
  const problems: string[] = [];
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const auth = AUTH.exec(header("authorization") ?? "");
  if (!auth) return { ok: false, problems: [`Authorization is not an AWS4-HMAC-SHA256 header: ${header("authorization") ?? "(missing)"}`] };
  const [, accessKeyId, scopeDate, region, service, signedHeaderList] = auth;
  const signedHeaders = signedHeaderList.split(";");
  const expectedHost = expected.host ?? `${expected.service}.${expected.region}.amazonaws.com`;
  if (accessKeyId !== expected.credentials.accessKeyId) problems.push(`signed with key ${accessKeyId}, expected ${expected.credentials.accessKeyId}`);
  if (region !== expected.region) problems.push(`signed for region ${region}, expected ${expected.region}`);
  if (service !== expected.service) problems.push(`signed for service ${service}, expected ${expected.service}`);
  if (header("host") !== expectedHost) problems.push(`Host is ${header("host")}, expected ${expectedHost}`);
  for (const name of ["host", "x-amz-date", ...Object.keys(request.headers).filter((n) => n.startsWith("x-amz-"))]) {
    if (!signedHeaders.includes(name)) problems.push(`${name} is not signed`);
  }
  if (expected.credentials.sessionToken && header("x-amz-security-token") !== expected.credentials.sessionToken) problems.push("x-amz-security-token is missing or wrong");
  const amzDate = header("x-amz-date") ?? "";
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate) problems.push(`x-amz-date is not a SigV4 date: ${amzDate || "(missing)"}`);
  else {
    if (amzDate.slice(0, 8) !== scopeDate) problems.push(`credential scope date ${scopeDate} differs from x-amz-date ${amzDate}`);
    const skew = Math.abs((expected.now ?? new Date()).getTime() - signingDate.getTime());
    if (skew > (expected.maxSkewMs ?? 15 * 60_000)) problems.push(`x-amz-date is ${Math.round(skew / 1000)} s off`);
  }
  const payloadHash = header("x-amz-content-sha256");
  const actualHash = createHash("sha256").update(request.body).digest("hex");
  if (payloadHash !== undefined && payloadHash !== actualHash) problems.push("x-amz-content-sha256 does not match the body");

  if (signingDate) {
    const url = new URL(request.url, "http://stand-in");
    const query: Record<string, string> = {};
    url.searchParams.forEach((value, name) => (query[name] = value));
    const headers: Record<string, string> = {};
    for (const name of signedHeaders) headers[name] = header(name) ?? "";
    const signer = new SignatureV4({ service, region, sha256: SHA256, credentials: expected.credentials, applyChecksum: false });
    const resigned = await signer.sign(
      { method: request.method, protocol: "https:", hostname: header("host") ?? "", path: url.pathname, query, headers, body: request.body },
      { signingDate, signableHeaders: new Set(signedHeaders) },
    );
    const expectedAuth = (resigned.headers as Record<string, string>).authorization;
    if (expectedAuth !== header("authorization")) problems.push("the signature does not match the request (method, path, signed headers or body changed)");
  }
  return { ok: problems.length === 0, problems, service, region, signedHeaders };
}

/** `20261127T002855Z` → Date, or undefined. */
export function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}
