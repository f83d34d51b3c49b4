import { Agent as HttpAgent, request as httpRequest } from "http";
import { Agent as HttpsAgent, request as httpsRequest } from "https";

/** A back-end answer. Header names are lowercase. */
export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** A back-end answer, or why there is none. */
export type UpstreamResult =
  | { readonly ok: true; readonly response: UpstreamResponse }
  | { readonly ok: false; readonly error: "timeout" | "connection"; readonly message: string };

/** An integration request ready to send. */
export interface UpstreamRequest {
  readonly url: URL;
  readonly method: string;
  /** Sent exactly as given, `host` included (it may name AWS while the bytes go to a local stand-in). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly timeoutMs: number;
}

/** Sends integration requests over keep-alive connections; {@link close} drops them. */
export class UpstreamClient {
  private readonly httpAgent = new HttpAgent({ keepAlive: true });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true });

  /** Sends one request; resolves with the whole answer, a timeout after `timeoutMs`, or a connection failure. */
  send(request: UpstreamRequest): Promise<UpstreamResult> {
    return new Promise((resolve) => {
      const secure = request.url.protocol === "https:";
      const send = secure ? httpsRequest : httpRequest;
      let settled = false;
      const finish = (result: UpstreamResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const outgoing = send(
        request.url,
        {
          method: request.method,
          headers: { ...request.headers, "content-length": String(request.body.length) },
          agent: secure ? this.httpsAgent : this.httpAgent,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("end", () => finish({ ok: true, response: { status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) } }));
          incoming.on("error", (error) => finish({ ok: false, error: "connection", message: error.message }));
        },
      );
      const timer = setTimeout(() => {
        finish({ ok: false, error: "timeout", message: `no answer within ${request.timeoutMs} ms` });
        outgoing.destroy();
      }, request.timeoutMs);
      outgoing.on("error", (error) => finish({ ok: false, error: "connection", message: error.message }));
      outgoing.end(request.body);
    });
  }

  /** Closes idle and open back-end connections. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
