import { createServer, IncomingHttpHeaders } from "http";
import { AddressInfo } from "net";
import { exportAnswer, PartialSuccess, signalOfPath } from "../otlp-response";
import { AwsCredentials } from "../sigv4-signer";
import { SignatureCheck, verifySigV4 } from "./verify-sigv4";

/** CloudWatch's OTLP paths and the SigV4 service of each (docs/aws-facts.md, "CloudWatch OTLP endpoints" [doc]). */
export const CLOUDWATCH_OTLP_SERVICES: Readonly<Record<string, string>> = {
  "/v1/traces": "xray",
  "/v1/metrics": "monitoring",
  "/v1/logs": "logs",
};

/** How the stand-in answers. */
export interface StandInAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** @default `{}` */
  readonly body?: string | Buffer;
  /** Wait this long before answering (for timeouts). @default 0 */
  readonly delayMs?: number;
}

/** One request as the stand-in received it. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawHeaders: readonly string[];
  /** The body bytes exactly as received. */
  readonly body: Buffer;
  readonly signature: SignatureCheck;
  /** Problems other than the signature (an unknown path, missing logs headers). */
  readonly problems: readonly string[];
}

export interface StandInOptions {
  /** The credentials requests must be signed with. */
  readonly credentials: AwsCredentials;
  readonly region: string;
  /** @default {@link CLOUDWATCH_SUCCESS}: 200 with an empty export response, in the request's encoding */
  readonly answer?: StandInAnswer | ((request: RecordedRequest) => StandInAnswer);
  /** Answer 403 (bad signature) or 400 (other problems) instead of the chosen answer, as AWS would. @default true */
  readonly rejectInvalid?: boolean;
}

/** A running stand-in. */
export interface CloudWatchStandIn {
  /** `http://127.0.0.1:<port>`: give it to the local gateway as `upstream`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Changes the answer for the next requests. */
  setAnswer(answer: StandInAnswer | ((request: RecordedRequest) => StandInAnswer)): void;
  close(): Promise<void>;
}

/**
 * CloudWatch's 200 answer, in the encoding of the request it answers (docs/aws-facts.md, "CloudWatch OTLP endpoints",
 * responses [doc]): a protobuf request gets a serialized `Export<Signal>ServiceResponse` as `application/x-protobuf`
 * (no bytes on full success), a JSON request `{}` or its `partialSuccess` as `application/json`.
 */
export function cloudWatchSuccess(partialSuccess?: PartialSuccess): (request: RecordedRequest) => StandInAnswer {
  return (request) => {
    const signal = signalOfPath(new URL(request.url, "http://stand-in").pathname);
    const contentType = request.headers["content-type"];
    if (!signal) return { status: 200, headers: { "content-type": "application/json" }, body: "{}" };
    const answer = exportAnswer(signal, contentType, partialSuccess);
    return { status: 200, headers: { "content-type": answer.contentType }, body: answer.body };
  };
}

/** CloudWatch's full success: {@link cloudWatchSuccess} without a partial success. */
export const CLOUDWATCH_SUCCESS = cloudWatchSuccess();

/**
 * A CloudWatch OTLP endpoint stand-in on 127.0.0.1: it verifies each request's SigV4 signature for the service its
 * path belongs to, checks the logs route's `x-aws-log-group` and `x-aws-log-stream`, records everything, and answers
 * as told.
 */
export async function startCloudWatchStandIn(options: StandInOptions): Promise<CloudWatchStandIn> {
  let answer = options.answer ?? CLOUDWATCH_SUCCESS;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const path = new URL(req.url ?? "/", "http://stand-in").pathname;
      const service = CLOUDWATCH_OTLP_SERVICES[path];
      const problems: string[] = [];
      if (!service) problems.push(`unknown path ${path}`);
      if (path === "/v1/logs") {
        for (const name of ["x-aws-log-group", "x-aws-log-stream"]) if (!req.headers[name]) problems.push(`${name} is missing`);
      }
      const signature = await verifySigV4(
        { method: req.method ?? "", url: req.url ?? "/", headers: req.headers, body },
        { credentials: options.credentials, service: service ?? "unknown", region: options.region },
      );
      const recorded: RecordedRequest = { method: req.method ?? "", url: req.url ?? "/", headers: req.headers, rawHeaders: req.rawHeaders, body, signature, problems };
      requests.push(recorded);
      let chosen = typeof answer === "function" ? answer(recorded) : answer;
      if (options.rejectInvalid !== false && !signature.ok) {
        chosen = { status: 403, headers: { "content-type": "application/json" }, body: JSON.stringify({ message: signature.problems.join("; ") }) };
      } else if (options.rejectInvalid !== false && problems.length) {
        chosen = { status: 400, headers: { "content-type": "application/json" }, body: JSON.stringify({ message: problems.join("; ") }) };
      }
      const send = () => {
        const payload = chosen.body === undefined ? Buffer.from("{}") : Buffer.from(chosen.body);
        res.writeHead(chosen.status, { "content-type": "application/json", ...chosen.headers, "content-length": String(payload.length) });
        res.end(payload);
      };
      if (chosen.delayMs) setTimeout(send, chosen.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setAnswer: (next) => (answer = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
