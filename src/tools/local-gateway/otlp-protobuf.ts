/**
 * Decodes OTLP/protobuf export requests and responses to OTLP/JSON (proto3 JSON names, 64-bit integers as strings,
 * enums as numbers, trace and span ids as hex, as the OTLP/JSON encoding prescribes), and encodes the export responses
 * CloudWatch answers protobuf requests with, for the stand-ins. The project has no protobuf runtime, and
 * `@opentelemetry/otlp-transformer` only encodes requests and decodes responses, so this reads the wire format against
 * a field table taken from opentelemetry-proto 1.x. Unknown fields are skipped.
 */

type Scalar = "string" | "bool" | "int64" | "uint64" | "uint32" | "sint32" | "enum" | "fixed32" | "fixed64" | "sfixed64" | "double" | "hex" | "bytes";
/** `repeated`, or `present` for a oneof or `optional` field, whose default value is still written out (it has presence). */
type Field = readonly [name: string, type: Scalar | { readonly message: string }, label?: "repeated" | "present"];
type Schema = Readonly<Record<string, Readonly<Record<number, Field>>>>;

const msg = (message: string) => ({ message });

const SCHEMA: Schema = {
  AnyValue: {
    1: ["stringValue", "string", "present"], 2: ["boolValue", "bool", "present"], 3: ["intValue", "int64", "present"], 4: ["doubleValue", "double", "present"],
    5: ["arrayValue", msg("ArrayValue")], 6: ["kvlistValue", msg("KeyValueList")], 7: ["bytesValue", "bytes", "present"],
  },
  ArrayValue: { 1: ["values", msg("AnyValue"), "repeated"] },
  KeyValueList: { 1: ["values", msg("KeyValue"), "repeated"] },
  KeyValue: { 1: ["key", "string"], 2: ["value", msg("AnyValue")] },
  InstrumentationScope: { 1: ["name", "string"], 2: ["version", "string"], 3: ["attributes", msg("KeyValue"), "repeated"], 4: ["droppedAttributesCount", "uint32"] },
  EntityRef: { 1: ["schemaUrl", "string"], 2: ["type", "string"], 3: ["idKeys", "string", "repeated"], 4: ["descriptionKeys", "string", "repeated"] },
  Resource: { 1: ["attributes", msg("KeyValue"), "repeated"], 2: ["droppedAttributesCount", "uint32"], 3: ["entityRefs", msg("EntityRef"), "repeated"] },

  ExportTraceServiceRequest: { 1: ["resourceSpans", msg("ResourceSpans"), "repeated"] },
  ResourceSpans: { 1: ["resource", msg("Resource")], 2: ["scopeSpans", msg("ScopeSpans"), "repeated"], 3: ["schemaUrl", "string"] },
  ScopeSpans: { 1: ["scope", msg("InstrumentationScope")], 2: ["spans", msg("Span"), "repeated"], 3: ["schemaUrl", "string"] },
  Span: {
    1: ["traceId", "hex"], 2: ["spanId", "hex"], 3: ["traceState", "string"], 4: ["parentSpanId", "hex"], 16: ["flags", "fixed32"],
    5: ["name", "string"], 6: ["kind", "enum"], 7: ["startTimeUnixNano", "fixed64"], 8: ["endTimeUnixNano", "fixed64"],
    9: ["attributes", msg("KeyValue"), "repeated"], 10: ["droppedAttributesCount", "uint32"], 11: ["events", msg("SpanEvent"), "repeated"],
    12: ["droppedEventsCount", "uint32"], 13: ["links", msg("SpanLink"), "repeated"], 14: ["droppedLinksCount", "uint32"], 15: ["status", msg("Status")],
  },
  SpanEvent: { 1: ["timeUnixNano", "fixed64"], 2: ["name", "string"], 3: ["attributes", msg("KeyValue"), "repeated"], 4: ["droppedAttributesCount", "uint32"] },
  SpanLink: { 1: ["traceId", "hex"], 2: ["spanId", "hex"], 3: ["traceState", "string"], 4: ["attributes", msg("KeyValue"), "repeated"], 5: ["droppedAttributesCount", "uint32"], 6: ["flags", "fixed32"] },
  Status: { 2: ["message", "string"], 3: ["code", "enum"] },

  ExportMetricsServiceRequest: { 1: ["resourceMetrics", msg("ResourceMetrics"), "repeated"] },
  ResourceMetrics: { 1: ["resource", msg("Resource")], 2: ["scopeMetrics", msg("ScopeMetrics"), "repeated"], 3: ["schemaUrl", "string"] },
  ScopeMetrics: { 1: ["scope", msg("InstrumentationScope")], 2: ["metrics", msg("Metric"), "repeated"], 3: ["schemaUrl", "string"] },
  Metric: {
    1: ["name", "string"], 2: ["description", "string"], 3: ["unit", "string"], 5: ["gauge", msg("Gauge")], 7: ["sum", msg("Sum")],
    9: ["histogram", msg("Histogram")], 10: ["exponentialHistogram", msg("ExponentialHistogram")], 11: ["summary", msg("Summary")], 12: ["metadata", msg("KeyValue"), "repeated"],
  },
  Gauge: { 1: ["dataPoints", msg("NumberDataPoint"), "repeated"] },
  Sum: { 1: ["dataPoints", msg("NumberDataPoint"), "repeated"], 2: ["aggregationTemporality", "enum"], 3: ["isMonotonic", "bool"] },
  Histogram: { 1: ["dataPoints", msg("HistogramDataPoint"), "repeated"], 2: ["aggregationTemporality", "enum"] },
  ExponentialHistogram: { 1: ["dataPoints", msg("ExponentialHistogramDataPoint"), "repeated"], 2: ["aggregationTemporality", "enum"] },
  Summary: { 1: ["dataPoints", msg("SummaryDataPoint"), "repeated"] },
  NumberDataPoint: {
    7: ["attributes", msg("KeyValue"), "repeated"], 2: ["startTimeUnixNano", "fixed64"], 3: ["timeUnixNano", "fixed64"], 4: ["asDouble", "double", "present"],
    6: ["asInt", "sfixed64", "present"], 5: ["exemplars", msg("Exemplar"), "repeated"], 8: ["flags", "uint32"],
  },
  HistogramDataPoint: {
    9: ["attributes", msg("KeyValue"), "repeated"], 2: ["startTimeUnixNano", "fixed64"], 3: ["timeUnixNano", "fixed64"], 4: ["count", "fixed64"],
    5: ["sum", "double", "present"], 6: ["bucketCounts", "fixed64", "repeated"], 7: ["explicitBounds", "double", "repeated"], 8: ["exemplars", msg("Exemplar"), "repeated"],
    10: ["flags", "uint32"], 11: ["min", "double", "present"], 12: ["max", "double", "present"],
  },
  ExponentialHistogramDataPoint: {
    1: ["attributes", msg("KeyValue"), "repeated"], 2: ["startTimeUnixNano", "fixed64"], 3: ["timeUnixNano", "fixed64"], 4: ["count", "fixed64"],
    5: ["sum", "double", "present"], 6: ["scale", "sint32"], 7: ["zeroCount", "fixed64"], 8: ["positive", msg("Buckets")], 9: ["negative", msg("Buckets")],
    10: ["flags", "uint32"], 11: ["exemplars", msg("Exemplar"), "repeated"], 12: ["min", "double", "present"], 13: ["max", "double", "present"], 14: ["zeroThreshold", "double"],
  },
  Buckets: { 1: ["offset", "sint32"], 2: ["bucketCounts", "uint64", "repeated"] },
  SummaryDataPoint: {
    7: ["attributes", msg("KeyValue"), "repeated"], 2: ["startTimeUnixNano", "fixed64"], 3: ["timeUnixNano", "fixed64"], 4: ["count", "fixed64"],
    5: ["sum", "double"], 6: ["quantileValues", msg("ValueAtQuantile"), "repeated"], 8: ["flags", "uint32"],
  },
  ValueAtQuantile: { 1: ["quantile", "double"], 2: ["value", "double"] },
  Exemplar: { 7: ["filteredAttributes", msg("KeyValue"), "repeated"], 2: ["timeUnixNano", "fixed64"], 3: ["asDouble", "double", "present"], 6: ["asInt", "sfixed64", "present"], 4: ["spanId", "hex"], 5: ["traceId", "hex"] },

  ExportLogsServiceRequest: { 1: ["resourceLogs", msg("ResourceLogs"), "repeated"] },
  ResourceLogs: { 1: ["resource", msg("Resource")], 2: ["scopeLogs", msg("ScopeLogs"), "repeated"], 3: ["schemaUrl", "string"] },
  ScopeLogs: { 1: ["scope", msg("InstrumentationScope")], 2: ["logRecords", msg("LogRecord"), "repeated"], 3: ["schemaUrl", "string"] },
  LogRecord: {
    1: ["timeUnixNano", "fixed64"], 11: ["observedTimeUnixNano", "fixed64"], 2: ["severityNumber", "enum"], 3: ["severityText", "string"],
    5: ["body", msg("AnyValue")], 6: ["attributes", msg("KeyValue"), "repeated"], 7: ["droppedAttributesCount", "uint32"], 8: ["flags", "fixed32"],
    9: ["traceId", "hex"], 10: ["spanId", "hex"], 12: ["eventName", "string"],
  },

  ExportTraceServiceResponse: { 1: ["partialSuccess", msg("ExportTracePartialSuccess")] },
  ExportTracePartialSuccess: { 1: ["rejectedSpans", "int64"], 2: ["errorMessage", "string"] },
  ExportMetricsServiceResponse: { 1: ["partialSuccess", msg("ExportMetricsPartialSuccess")] },
  ExportMetricsPartialSuccess: { 1: ["rejectedDataPoints", "int64"], 2: ["errorMessage", "string"] },
  ExportLogsServiceResponse: { 1: ["partialSuccess", msg("ExportLogsPartialSuccess")] },
  ExportLogsPartialSuccess: { 1: ["rejectedLogRecords", "int64"], 2: ["errorMessage", "string"] },
};

/** The export request message of each signal. */
export const EXPORT_REQUEST_MESSAGES = {
  traces: "ExportTraceServiceRequest",
  metrics: "ExportMetricsServiceRequest",
  logs: "ExportLogsServiceRequest",
} as const;

/** The export response message of each signal. */
export const EXPORT_RESPONSE_MESSAGES = {
  traces: "ExportTraceServiceResponse",
  metrics: "ExportMetricsServiceResponse",
  logs: "ExportLogsServiceResponse",
} as const;

/** What a partial success reports: how many items were rejected, and why. */
export interface PartialSuccess {
  /** `rejected_spans`, `rejected_data_points` or `rejected_log_records` (int64). */
  readonly rejected: number | bigint | string;
  readonly errorMessage?: string;
}

/** Thrown for bytes that are not a valid message of the expected type. */
export class ProtobufDecodeError extends Error {}

/** Decodes one OTLP export request of the given signal to its OTLP/JSON object. */
export function decodeOtlpProtobuf(signal: keyof typeof EXPORT_REQUEST_MESSAGES, bytes: Uint8Array): Record<string, unknown> {
  return decodeMessage(EXPORT_REQUEST_MESSAGES[signal], bytes);
}

/** Decodes one OTLP export response of the given signal (`{}` for an empty message) to its OTLP/JSON object. */
export function decodeOtlpResponse(signal: keyof typeof EXPORT_RESPONSE_MESSAGES, bytes: Uint8Array): Record<string, unknown> {
  return decodeMessage(EXPORT_RESPONSE_MESSAGES[signal], bytes);
}

/**
 * Encodes an OTLP export response. The three signals' responses share one layout (field 1, `partial_success`, a
 * message of field 1 int64 `rejected_*` and field 2 string `error_message`), so no signal is needed. Without a partial
 * success the message is empty: no bytes at all. Fields at their default value are left out, as proto3 writes them.
 */
export function encodeOtlpResponse(partialSuccess?: PartialSuccess): Buffer {
  if (!partialSuccess) return Buffer.alloc(0);
  const fields: Buffer[] = [];
  const rejected = BigInt.asUintN(64, BigInt(partialSuccess.rejected));
  if (rejected !== 0n) fields.push(Buffer.from([0x08]), varint(rejected));
  if (partialSuccess.errorMessage) fields.push(lengthDelimited(0x12, Buffer.from(partialSuccess.errorMessage, "utf8")));
  return lengthDelimited(0x0a, Buffer.concat(fields));
}

function lengthDelimited(tag: number, bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), varint(BigInt(bytes.length)), bytes]);
}

function varint(value: bigint): Buffer {
  const bytes: number[] = [];
  let rest = value;
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Buffer.from(bytes);
}

function decodeMessage(type: string, bytes: Uint8Array): Record<string, unknown> {
  const fields = SCHEMA[type];
  const reader = new Reader(bytes);
  const out: Record<string, unknown> = {};
  while (!reader.done()) {
    const tag = reader.varint();
    const number = Number(tag >> 3n);
    const wireType = Number(tag & 7n);
    const field = fields[number];
    if (!field) {
      reader.skip(wireType);
      continue;
    }
    const [name, fieldType, label] = field;
    const values = readField(reader, fieldType, wireType);
    if (label === "repeated") out[name] = [...((out[name] as unknown[] | undefined) ?? []), ...values];
    else if (typeof fieldType === "object" && out[name] !== undefined) out[name] = { ...(out[name] as object), ...(values[0] as object) };
    else out[name] = values[values.length - 1];
    // Proto3 JSON leaves out scalars at their default value, unless the field has presence.
    if (label === undefined && typeof fieldType !== "object" && isDefault(out[name])) delete out[name];
  }
  return out;
}

function isDefault(value: unknown): boolean {
  return value === 0 || value === "" || value === false || value === "0";
}

function readField(reader: Reader, type: Field[1], wireType: number): unknown[] {
  if (typeof type === "object") return [decodeMessage(type.message, expectWire(reader.bytes(), wireType, 2))];
  if (type === "string") return [new TextDecoder().decode(expectWire(reader.bytes(), wireType, 2))];
  if (type === "hex") return [Buffer.from(expectWire(reader.bytes(), wireType, 2)).toString("hex")];
  if (type === "bytes") return [Buffer.from(expectWire(reader.bytes(), wireType, 2)).toString("base64")];
  const packedWire = type === "double" || type === "fixed64" || type === "sfixed64" ? 1 : type === "fixed32" ? 5 : 0;
  if (wireType === 2) {
    const packed = new Reader(reader.bytes());
    const values: unknown[] = [];
    while (!packed.done()) values.push(readScalar(packed, type));
    return values;
  }
  if (wireType !== packedWire) throw new ProtobufDecodeError(`wire type ${wireType} for a ${type} field`);
  return [readScalar(reader, type)];
}

function readScalar(reader: Reader, type: Scalar): unknown {
  switch (type) {
    case "bool":
      return reader.varint() !== 0n;
    case "int64":
      return BigInt.asIntN(64, reader.varint()).toString();
    case "uint64":
      return reader.varint().toString();
    case "uint32":
    case "enum":
      return Number(BigInt.asIntN(32, reader.varint()));
    case "sint32": {
      const n = reader.varint();
      return Number((n >> 1n) ^ -(n & 1n));
    }
    case "fixed32":
      return reader.fixed(4).readUInt32LE(0);
    case "fixed64":
      return reader.fixed(8).readBigUInt64LE(0).toString();
    case "sfixed64":
      return reader.fixed(8).readBigInt64LE(0).toString();
    case "double":
      return reader.fixed(8).readDoubleLE(0);
    default:
      throw new ProtobufDecodeError(`unexpected scalar type ${type}`);
  }
}

function expectWire<T>(value: T, wireType: number, expected: number): T {
  if (wireType !== expected) throw new ProtobufDecodeError(`wire type ${wireType} where ${expected} was expected`);
  return value;
}

class Reader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.buf.length) throw new ProtobufDecodeError("truncated varint");
      const byte = this.buf[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result & 0xffffffffffffffffn;
    }
    throw new ProtobufDecodeError("varint longer than 10 bytes");
  }

  bytes(): Uint8Array {
    const length = Number(this.varint());
    return this.take(length);
  }

  fixed(size: 4 | 8): Buffer {
    return Buffer.from(this.take(size));
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.take(8);
    else if (wireType === 2) this.bytes();
    else if (wireType === 5) this.take(4);
    else throw new ProtobufDecodeError(`unsupported wire type ${wireType}`);
  }

  private take(length: number): Uint8Array {
    if (this.pos + length > this.buf.length) throw new ProtobufDecodeError("truncated message");
    const slice = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slice;
  }
}
