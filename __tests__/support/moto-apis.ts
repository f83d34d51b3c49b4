import { MotoServer } from "./moto-server";

/** A SigV4-shaped Authorization header for moto, which reads the region and service from it and checks no signature. */
function authorization(region: string, service: string): string {
  return `AWS4-HMAC-SHA256 Credential=testing/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;
}

/** Calls a moto query-protocol API (CloudWatch, SNS) and returns the XML answer. */
export async function queryApi(moto: MotoServer, region: string, service: "monitoring" | "sns", params: Record<string, string>): Promise<string> {
  const response = await fetch(`${moto.endpoint}/`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: authorization(region, service) },
    body: new URLSearchParams(params).toString(),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${service} ${params.Action} answered ${response.status}: ${text}`);
  return text;
}

/** wafv2 speaks JSON 1.1; the SDK's wafv2 client is not a dependency. */
export async function wafv2(moto: MotoServer, region: string, action: string, body: object): Promise<any> {
  const response = await fetch(moto.endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSWAF_20190729.${action}`, authorization: authorization(region, "wafv2") },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`wafv2 ${action} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** The text of every `<tag>` element of an XML answer, XML entities decoded. */
export function tagValues(xml: string, tag: string): string[] {
  const decode = (text: string) =>
    text.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => decode(m[1]));
}
