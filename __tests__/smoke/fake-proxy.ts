import * as http from "http";
import { AddressInfo } from "net";
import { gunzipSync } from "zlib";
import { Signal } from "../../src/infra/otlp/signals";

/** A request the fake proxy received, body decompressed. */
export interface ReceivedRequest {
  readonly signal: Signal;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** How the fake proxy answers one route. */
export interface RouteAnswer {
  readonly status: number;
  readonly body: string;
}

/** A loopback HTTP server standing in for the proxy: answers per route and records every request. */
export interface FakeProxy {
  /** The base URL, `http://127.0.0.1:<port>/prod`. */
  readonly endpoint: string;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

const OK: RouteAnswer = { status: 200, body: "{}" };

/**
 * Starts the fake proxy on 127.0.0.1 and a free port. Routes not in `answers` answer 200 `{}`; `onRequest` runs before
 * the answer (e.g. to store what CloudWatch would have stored).
 */
export function startFakeProxy(
  answers: Partial<Record<Signal, RouteAnswer>> = {},
  onRequest: (request: ReceivedRequest) => Promise<void> = async () => {},
): Promise<FakeProxy> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks);
      const body = req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
      const signal = (req.url ?? "").split("/").pop() as Signal;
      const request = { signal, path: req.url ?? "", headers: req.headers, body };
      received.push(request);
      await onRequest(request);
      const answer = answers[signal] ?? OK;
      res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        endpoint: `http://127.0.0.1:${port}/prod`,
        received,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** A base URL where nothing listens: a port bound once and released. */
export function refusedEndpoint(): Promise<string> {
  const probe = http.createServer();
  return new Promise((resolve) => {
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(`http://127.0.0.1:${port}/prod`));
    });
  });
}
