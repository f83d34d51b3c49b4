import { deflateRawSync, deflateSync, gzipSync } from "zlib";
import { decodeContentEncoding, MAX_PAYLOAD_BYTES } from "../../src/tools/local-gateway/content-encoding";

const BODY = Buffer.from('{"resourceSpans":[]}');

describe("decodeContentEncoding", () => {
  test.each([
    ["no Content-Encoding", undefined, BODY],
    ["identity", "identity", BODY],
    ["gzip", "gzip", gzipSync(BODY)],
    ["GZIP in capitals", "GZIP", gzipSync(BODY)],
    ["x-gzip", "x-gzip", gzipSync(BODY)],
    ["zlib deflate", "deflate", deflateSync(BODY)],
    ["raw deflate", "deflate", deflateRawSync(BODY)],
  ])("undoes %s", (_case, coding, body) => {
    expect(decodeContentEncoding(body, coding)).toEqual({ ok: true, body: BODY, coding: expect.any(String) });
  });

  test.each([
    ["br", "br", BODY, "unsupported-coding"],
    ["zstd", "zstd", BODY, "unsupported-coding"],
    ["two stacked codings", "gzip, gzip", gzipSync(gzipSync(BODY)), "unsupported-coding"],
    ["gzip that is not gzip", "gzip", BODY, "broken"],
    ["deflate that is not deflate", "deflate", Buffer.from([0xff, 0xfe, 0xfd]), "broken"],
  ])("refuses %s", (_case, coding, body, error) => {
    expect(decodeContentEncoding(body, coding)).toMatchObject({ ok: false, error });
  });

  test("refuses a body that decompresses past the limit, without inflating all of it", () => {
    expect(decodeContentEncoding(gzipSync(Buffer.alloc(2000)), "gzip", 1000)).toMatchObject({ ok: false, error: "too-large" });
    expect(decodeContentEncoding(gzipSync(Buffer.alloc(1000)), "gzip", 1000)).toMatchObject({ ok: true });
  });

  test("sets the limit at 10,000,000 bytes, the stricter reading of API Gateway's 10 MB", () => {
    expect(MAX_PAYLOAD_BYTES).toBe(10_000_000);
  });
});
