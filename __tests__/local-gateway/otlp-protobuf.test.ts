import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gunzipSync } from "zlib";
import { ProtobufLogsSerializer, ProtobufMetricsSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { decodeOtlpProtobuf, decodeOtlpResponse, encodeOtlpResponse, ProtobufDecodeError } from "../../src/tools/local-gateway/otlp-protobuf";
import { summarizeOtlp } from "../../src/tools/local-gateway/otlp-summary";
import { OTLP_CAPTURES_DIR } from "../support/project";

const DECODED = readdirSync(OTLP_CAPTURES_DIR)
  .filter((name) => name.endsWith(".decoded.json"))
  .map((name) => name.replace(/\.decoded\.json$/, ""));

describe("decodeOtlpProtobuf", () => {
  test.each(DECODED)("decodes %s to the recorded OTLP/JSON", (base) => {
    // GIVEN
    const raw = readFileSync(join(OTLP_CAPTURES_DIR, `${base}.bin`));
    const bytes = base.endsWith(".gz") ? gunzipSync(raw) : raw;
    const signal = /-(traces|metrics|logs)-proto/.exec(base)![1] as "traces" | "metrics" | "logs";

    // WHEN
    const decoded = decodeOtlpProtobuf(signal, bytes);

    // THEN
    expect(decoded).toEqual(JSON.parse(readFileSync(join(OTLP_CAPTURES_DIR, `${base}.decoded.json`), "utf8")));
    expect(summarizeOtlp(decoded)?.signal).toBe(signal);
  });

  test.each([
    ["a truncated message", Buffer.from([0x0a, 0x10, 0x01])],
    ["a truncated varint", Buffer.from([0x08, 0xff])],
    ["a deprecated group wire type", Buffer.from([0x0b])],
  ])("fails on %s", (_case, bytes) => {
    expect(() => decodeOtlpProtobuf("traces", bytes)).toThrow(ProtobufDecodeError);
  });
});

describe("encodeOtlpResponse and decodeOtlpResponse", () => {
  // The OpenTelemetry JS exporters' own response decoders, generated from opentelemetry-proto: an independent reading.
  const DESERIALIZERS = { traces: ProtobufTraceSerializer, metrics: ProtobufMetricsSerializer, logs: ProtobufLogsSerializer };
  const REJECTED = { traces: "rejectedSpans", metrics: "rejectedDataPoints", logs: "rejectedLogRecords" } as const;

  test("encodes full success as an empty message: no bytes", () => {
    expect(encodeOtlpResponse()).toEqual(Buffer.alloc(0));
    expect(decodeOtlpResponse("logs", Buffer.alloc(0))).toEqual({});
  });

  test.each(["traces", "metrics", "logs"] as const)("encodes a %s partial success that the exporters' own decoder reads back", (signal) => {
    // WHEN
    const bytes = encodeOtlpResponse({ rejected: 300, errorMessage: "2 records too old: \u00e9" });

    // THEN
    expect(DESERIALIZERS[signal].deserializeResponse(bytes)).toEqual({ partialSuccess: { [REJECTED[signal]]: 300, errorMessage: "2 records too old: \u00e9" } });
    expect(decodeOtlpResponse(signal, bytes)).toEqual({ partialSuccess: { [REJECTED[signal]]: "300", errorMessage: "2 records too old: \u00e9" } });
  });

  test("writes the bytes proto3 writes, leaving out fields at their default value", () => {
    expect(encodeOtlpResponse({ rejected: 2, errorMessage: "ab" })).toEqual(Buffer.from([0x0a, 0x06, 0x08, 0x02, 0x12, 0x02, 0x61, 0x62]));
    expect(encodeOtlpResponse({ rejected: 0, errorMessage: "warning" })).toEqual(Buffer.from([0x0a, 0x09, 0x12, 0x07, ...Buffer.from("warning")]));
    expect(encodeOtlpResponse({ rejected: "0" })).toEqual(Buffer.from([0x0a, 0x00]));
  });

  test("encodes an int64 count beyond 2^53 exactly", () => {
    const bytes = encodeOtlpResponse({ rejected: "9007199254740993" });
    expect(decodeOtlpResponse("logs", bytes)).toEqual({ partialSuccess: { rejectedLogRecords: "9007199254740993" } });
  });
});

describe("summarizeOtlp", () => {
  test.each([
    ["spans", { resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "a" } }] }, scopeSpans: [{ spans: [{}, {}] }, { spans: [{}] }] }] }, { signal: "traces", count: 3, serviceNames: ["a"] }],
    [
      "data points of every metric kind",
      { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ sum: { dataPoints: [{}, {}] } }, { gauge: { dataPoints: [{}] } }, { histogram: { dataPoints: [{}] } }, { exponentialHistogram: { dataPoints: [{}] } }, { summary: { dataPoints: [{}] } }] }] }] },
      { signal: "metrics", count: 6, serviceNames: [] },
    ],
    ["log records, with snake_case names", { resource_logs: [{ scope_logs: [{ log_records: [{}, {}] }] }] }, { signal: "logs", count: 2 }],
  ])("counts %s", (_case, request, expected) => {
    expect(summarizeOtlp(request)).toMatchObject(expected);
  });

  test("recognizes nothing else", () => {
    expect(summarizeOtlp({ hello: [] })).toBeUndefined();
  });
});
