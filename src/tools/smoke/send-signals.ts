import * as http from "http";
import { ExportResult, ExportResultCode } from "@opentelemetry/core";
import { OTLPLogExporter as JsonLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { OTLPLogExporter as ProtoLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPMetricExporter as JsonMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as ProtoMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter as JsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { decodeOtlpResponse, EXPORT_RESPONSE_MESSAGES } from "../local-gateway/otlp-protobuf";
import { Signal, signalPath } from "../../infra/otlp/signals";
import { ResponseRecorder } from "./response-recorder";
import { smokeLogRecords, smokeMetrics, smokeResource, smokeSpans } from "./smoke-telemetry";

/** The OTLP/HTTP encodings, by their `OTEL_EXPORTER_OTLP_PROTOCOL` names. */
export const PROTOCOLS = ["http/protobuf", "http/json"] as const;
/** One of {@link PROTOCOLS}. */
export type Protocol = (typeof PROTOCOLS)[number];

/** What to send and where. */
export interface SendOptions {
  /** The proxy's base URL, without a trailing slash or `/v1/<signal>`. */
  readonly endpoint: string;
  /** Sent in the `x-api-key` header. */
  readonly apiKey: string;
  /** The run's marker, carried by every signal. */
  readonly marker: string;
  /** The routes to call. */
  readonly signals: readonly Signal[];
  readonly protocol: Protocol;
  /** Compress bodies with gzip, as `OTEL_EXPORTER_OTLP_COMPRESSION=gzip` does. */
  readonly gzip: boolean;
  /** The exporters' `timeoutMillis`: one export, retries included, ends within it. */
  readonly exportTimeoutMillis: number;
}

/** What happened on one route. */
export interface RouteResult {
  readonly signal: Signal;
  /** The URL the exporter posted to. */
  readonly url: string;
  /** The exporter reported success. */
  readonly ok: boolean;
  /** The status of the last answer; absent when none arrived. */
  readonly status?: number;
  /** How many answers arrived (more than one when the exporter retried). */
  readonly answers: number;
  /** The last answer's body, or the error message when no answer arrived. */
  readonly detail?: string;
  /** Node's error code when no answer arrived. */
  readonly errorCode?: string;
}

interface SignalExporter {
  export(done: (result: ExportResult) => void): void;
  shutdown(): Promise<void>;
}

type ExporterConfig = NonNullable<ConstructorParameters<typeof ProtoTraceExporter>[0]>;
type Compression = NonNullable<ExporterConfig["compression"]>;

/**
 * Sends one span, one data point and one log record carrying the marker through the real OpenTelemetry exporters,
 * the routes in parallel, and reports each route's outcome. Never throws for a failed route.
 */
export async function sendSmokeTelemetry(options: SendOptions): Promise<RouteResult[]> {
  const recorder = new ResponseRecorder();
  try {
    return await Promise.all(options.signals.map((signal) => sendOne(signal, options, recorder)));
  } finally {
    recorder.close();
  }
}

async function sendOne(signal: Signal, options: SendOptions, recorder: ResponseRecorder): Promise<RouteResult> {
  const url = `${options.endpoint}${signalPath(signal)}`;
  const agents: http.Agent[] = [];
  const config: ExporterConfig = {
    url,
    headers: { "x-api-key": options.apiKey },
    timeoutMillis: options.exportTimeoutMillis,
    // Set explicitly so that OTEL_EXPORTER_OTLP_COMPRESSION in the caller's environment does not change the test.
    compression: (options.gzip ? "gzip" : "none") as Compression,
    httpAgentOptions: (protocol: string) => {
      const agent = recorder.agentFor(protocol);
      agents.push(agent);
      return agent;
    },
  };
  const exporter = await createExporter(signal, options, config);
  const result = await new Promise<ExportResult>((resolve) => exporter.export(resolve));
  await exporter.shutdown();
  return routeResult(signal, options.protocol, url, result, recorder.answersFor(agents));
}

async function createExporter(signal: Signal, options: SendOptions, config: ExporterConfig): Promise<SignalExporter> {
  const resource = smokeResource(options.marker);
  const json = options.protocol === "http/json";
  switch (signal) {
    case "traces": {
      const exporter = json ? new JsonTraceExporter(config) : new ProtoTraceExporter(config);
      const spans = await smokeSpans(resource, options.marker);
      return { export: (done) => exporter.export(spans, done), shutdown: () => exporter.shutdown() };
    }
    case "metrics": {
      const exporter = json ? new JsonMetricExporter(config) : new ProtoMetricExporter(config);
      const metrics = await smokeMetrics(resource, options.marker);
      return { export: (done) => exporter.export(metrics, done), shutdown: () => exporter.shutdown() };
    }
    case "logs": {
      const exporter = json ? new JsonLogExporter(config) : new ProtoLogExporter(config);
      const records = await smokeLogRecords(resource, options.marker);
      return { export: (done) => exporter.export(records, done), shutdown: () => exporter.shutdown() };
    }
  }
}

/**
 * Combines the exporter's own verdict with the answers seen on the wire. The exporter's error carries the status and
 * body of a non-retryable answer (`OTLPExporterError.code`, `.data`) and Node's error for a network failure; the
 * recorded answers fill in the status a retried 429/502/503/504 leaves out.
 */
function routeResult(
  signal: Signal,
  protocol: Protocol,
  url: string,
  result: ExportResult,
  answers: readonly { readonly status: number; readonly body: string }[],
): RouteResult {
  const last = answers.at(-1);
  const error = result.error as (Error & { code?: unknown; data?: unknown }) | undefined;
  const errorStatus = typeof error?.code === "number" ? error.code : undefined;
  const errorBody = typeof error?.data === "string" ? error.data : undefined;
  const errorCode = typeof error?.code === "string" ? error.code : networkCode(error);
  const status = errorStatus ?? last?.status;
  const answer = readAnswer(signal, protocol, last);
  const detail = errorBody ?? answer.text ?? (error ? error.message : undefined);
  return {
    signal,
    url,
    ok: result.code === ExportResultCode.SUCCESS && !rejectsItems(answer.partialSuccess),
    status,
    answers: answers.length,
    detail: detail === "" ? undefined : detail,
    errorCode: status === undefined ? errorCode : undefined,
  };
}

/** Node's error code, which a wrapped network error keeps on its cause. */
function networkCode(error: (Error & { cause?: unknown }) | undefined): string | undefined {
  const cause = error?.cause as { code?: unknown } | undefined;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

/** An answer body as the report shows it, and the `partialSuccess` it carries, if any. */
interface Answer {
  readonly text?: string;
  readonly partialSuccess?: Record<string, unknown>;
}

/** Base64 text, as API Gateway's CONVERT_TO_TEXT writes it (`{}` is not base64). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Reads CloudWatch's answer to one export. CloudWatch answers in the request's encoding [doc]: OTLP/JSON to JSON, a
 * serialized `Export<Signal>ServiceResponse` to protobuf. The proxy's integration responses use CONVERT_TO_TEXT, so a
 * protobuf answer reaches the client base64-encoded, as `application/json` text, which the exporters cannot read (the
 * JavaScript ones log that they could not deserialize it): for a protobuf run a 2xx answer in base64 is decoded here,
 * and shown decoded, so a partial success is seen in both encodings.
 */
function readAnswer(signal: Signal, protocol: Protocol, answer: { readonly status: number; readonly body: string } | undefined): Answer {
  if (answer === undefined) return {};
  const { status, body } = answer;
  if (protocol === "http/protobuf" && status >= 200 && status < 300 && body !== "" && BASE64.test(body)) {
    try {
      const decoded = decodeOtlpResponse(signal, Buffer.from(body, "base64"));
      const text = `${JSON.stringify(decoded)} (the base64 text of a protobuf ${EXPORT_RESPONSE_MESSAGES[signal]}, decoded)`;
      return { text, partialSuccess: partialSuccessOf(decoded) };
    } catch {
      return { text: body };
    }
  }
  try {
    return { text: body, partialSuccess: partialSuccessOf(JSON.parse(body)) };
  } catch {
    return { text: body };
  }
}

function partialSuccessOf(answer: unknown): Record<string, unknown> | undefined {
  const partial = (answer as { partialSuccess?: unknown } | null)?.partialSuccess;
  return typeof partial === "object" && partial !== null ? (partial as Record<string, unknown>) : undefined;
}

/**
 * CloudWatch may answer 200 with `partialSuccess` and a rejected count [doc]; the exporters only log it, but the
 * items did not land. The rejected counts are int64, which OTLP/JSON may write as strings.
 */
function rejectsItems(partial: Record<string, unknown> | undefined): boolean {
  return ["rejectedLogRecords", "rejectedSpans", "rejectedDataPoints"].some((key) => Number(partial?.[key] ?? 0) > 0);
}
