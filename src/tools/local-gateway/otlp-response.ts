import { encodeOtlpResponse, PartialSuccess } from "./otlp-protobuf";
import { OtlpSignal } from "./otlp-summary";
import { mediaType } from "./payload-conversion";

export type { PartialSuccess } from "./otlp-protobuf";

/** The OTLP/JSON name of each signal's rejected count in `partialSuccess`. */
export const REJECTED_FIELDS: Readonly<Record<OtlpSignal, string>> = {
  traces: "rejectedSpans",
  metrics: "rejectedDataPoints",
  logs: "rejectedLogRecords",
};

/** A successful export's answer body and its media type. */
export interface ExportAnswer {
  readonly contentType: "application/json" | "application/x-protobuf";
  readonly body: Buffer;
}

/**
 * CloudWatch's 200 answer to an export request, in the request's own encoding (docs/aws-facts.md, "CloudWatch OTLP
 * endpoints", responses [doc]): a protobuf request gets a serialized `Export<Signal>ServiceResponse` as
 * `application/x-protobuf`, which is empty on full success; any other request gets OTLP/JSON, `{}` on full success.
 * A partial success carries the rejected count (an int64, written as a string in JSON) and the error message.
 */
export function exportAnswer(signal: OtlpSignal, requestContentType: string | undefined, partialSuccess?: PartialSuccess): ExportAnswer {
  if (mediaType(requestContentType) === "application/x-protobuf") {
    return { contentType: "application/x-protobuf", body: encodeOtlpResponse(partialSuccess) };
  }
  if (!partialSuccess) return { contentType: "application/json", body: Buffer.from("{}") };
  const partial: Record<string, string> = { [REJECTED_FIELDS[signal]]: String(partialSuccess.rejected) };
  if (partialSuccess.errorMessage) partial.errorMessage = partialSuccess.errorMessage;
  return { contentType: "application/json", body: Buffer.from(JSON.stringify({ partialSuccess: partial })) };
}

/** The signal of an OTLP path (`/v1/logs` → `logs`), by its last segment; undefined for any other path. */
export function signalOfPath(path: string): OtlpSignal | undefined {
  const last = path.split("?")[0].split("/").pop();
  return last === "traces" || last === "metrics" || last === "logs" ? last : undefined;
}
