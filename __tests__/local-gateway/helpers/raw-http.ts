import { request } from "http";

/** A response as the client saw it. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** Sends one request with exact control over headers and framing (`chunked` sends no Content-Length). */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? Buffer.alloc(0) : Buffer.from(options.body);
    const headers = { ...options.headers };
    if (options.chunked) headers["transfer-encoding"] = "chunked";
    else headers["content-length"] = String(body.length);
    const req = request(url, { method: options.method ?? "POST", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (options.chunked) {
      // Several chunks, as streaming exporters write them.
      const size = Math.max(1, Math.ceil(body.length / 3));
      for (let i = 0; i < body.length; i += size) req.write(body.subarray(i, i + size));
      req.end();
    } else req.end(body);
  });
}
