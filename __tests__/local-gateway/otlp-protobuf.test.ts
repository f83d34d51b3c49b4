import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gunzipSync } from "zlib";
import { decodeOtlpProtobuf, ProtobufDecodeError } from "../../src/local-gateway/otlp-protobuf";
import { summarizeOtlp } from "../../src/local-gateway/otlp-summary";
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
