import { mkdirSync, statSync, writeFileSync } from "fs";
import { LocalGatewayError } from "./local-gateway-error";
import { join } from "path";
import { decodeOtlpProtobuf, EXPORT_REQUEST_MESSAGES } from "./otlp-protobuf";
import { exportAnswer } from "./otlp-response";
import { OtlpSignal, OtlpSummary, summarizeOtlp } from "./otlp-summary";
import { mediaType } from "./payload-conversion";
import { UpstreamResponse } from "./upstream";

/** What the sink did with one request. */
export interface SinkResult {
  readonly response: UpstreamResponse;
  readonly summary?: OtlpSummary;
  readonly file?: string;
  readonly error?: string;
}

/**
 * A CloudWatch stand-in that needs no AWS: it decodes each integration request (OTLP/JSON as is, OTLP/protobuf through
 * {@link decodeOtlpProtobuf}), writes it as OTLP/JSON to `<dir>/<signal>/<time>-<n>.json`, and answers as CloudWatch does
 * on success, in the request's encoding: 200 with `{}` for JSON, with an empty protobuf export response for protobuf
 * (docs/aws-facts.md, "CloudWatch OTLP endpoints": responses [doc]; {@link exportAnswer}). A body it cannot decode
 * (for example protobuf corrupted by a missing binary media type) gets 400, as CloudWatch would refuse it; the body of
 * that answer is the sink's own, since CloudWatch's error format is open.
 */
export class OtlpSink {
  private sequence = 0;

  /** @throws LocalGatewayError when `dir` is a file or cannot be created (see {@link prepareSinkDir}). */
  constructor(readonly dir: string) {
    prepareSinkDir(dir);
  }

  /**
   * Records one request sent to `<path>` (its last segment names the signal). Log records name the stream they land in
   * (`x-aws-log-stream`, per team the calling key's id) at the start of the file name: `<dir>/logs/<stream>--<time>-<n>.json`.
   */
  receive(path: string, contentType: string | undefined, body: Buffer, logStream?: string): SinkResult {
    const signal = path.split("/").pop() as OtlpSignal;
    if (!(signal in EXPORT_REQUEST_MESSAGES)) return this.refuse(`${path} is not an OTLP signal path`);
    let decoded: Record<string, unknown>;
    try {
      decoded = mediaType(contentType) === "application/x-protobuf" ? decodeOtlpProtobuf(signal, body) : (JSON.parse(body.toString("utf8")) as Record<string, unknown>);
    } catch (error) {
      return this.refuse(`cannot decode the ${signal} request (${mediaType(contentType) ?? "no content type"}): ${(error as Error).message}`);
    }
    const summary = summarizeOtlp(decoded);
    if (!summary || summary.signal !== signal) return this.refuse(`the body is not an OTLP ${signal} export request`);
    const folder = join(this.dir, signal);
    mkdirSync(folder, { recursive: true });
    const stream = signal === "logs" && logStream ? `${logStream.replace(/[^A-Za-z0-9._-]/g, "_")}--` : "";
    const file = join(folder, `${stream}${new Date().toISOString().replace(/[:.]/g, "-")}-${String(++this.sequence).padStart(6, "0")}.json`);
    writeFileSync(file, `${JSON.stringify(decoded, null, 2)}\n`);
    const answer = exportAnswer(signal, contentType);
    return { response: { status: 200, headers: { "content-type": answer.contentType }, body: answer.body }, summary, file };
  }

  private refuse(error: string): SinkResult {
    return { response: { status: 400, headers: { "content-type": "application/json" }, body: Buffer.from(JSON.stringify({ message: error })) }, error };
  }
}

/**
 * Creates the sink folder if it is missing, so a path the sink cannot write to fails at start, in one line, rather
 * than at the first request.
 * @throws LocalGatewayError for a path that is a file or a folder that cannot be created
 */
export function prepareSinkDir(dir: string): void {
  let isDirectory: boolean | undefined;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    isDirectory = undefined;
  }
  if (isDirectory === false) throw new LocalGatewayError(`--sink ${dir} is a file; give a folder (created if missing)`);
  if (isDirectory) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new LocalGatewayError(`--sink ${dir} cannot be created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** The sink's one line per request: signal, service names and item count. */
export function formatSinkLine(summary: OtlpSummary, file: string): string {
  const services = summary.serviceNames.length ? summary.serviceNames.join(",") : "(no service.name)";
  return `sink ${summary.signal} service.name=${services} ${summary.count} ${summary.itemName} -> ${file}`;
}
