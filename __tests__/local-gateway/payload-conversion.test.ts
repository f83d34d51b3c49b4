import {
  asUtf8Text,
  convertRequestBody,
  convertResponseBody,
  firstAccept,
  isBinaryMediaType,
  STAR_ACCEPT_MATCHES_BINARY,
} from "../../src/tools/local-gateway/payload-conversion";
import { ContentHandling } from "../../src/tools/local-gateway/route-table";

const BINARY_TYPES = ["application/x-protobuf"];
const PROTO = Buffer.from([0x0a, 0x02, 0xff, 0xfe]);
const TEXT = Buffer.from('{"a":"é"}');
const B64 = Buffer.from(PROTO.toString("base64"));
const b64 = (b: Buffer) => Buffer.from(b.toString("base64"));

describe("payload conversion", () => {
  test.each([
    ["application/x-protobuf", true],
    ["application/x-protobuf; charset=binary", true],
    ["Application/X-Protobuf", true],
    ["application/json", false],
    [undefined, false],
    ["*/*", STAR_ACCEPT_MATCHES_BINARY],
  ])("counts %s as binary: %s", (type, binary) => {
    expect(isBinaryMediaType(type?.split(";")[0].toLowerCase(), BINARY_TYPES)).toBe(binary);
  });

  test("treats */* as matching the binary media types (the stricter reading of an open question)", () => {
    expect(STAR_ACCEPT_MATCHES_BINARY).toBe(true);
  });

  test.each([
    ["image/*", "image/png", true],
    ["*/*", "application/json", true],
    ["image/*", "application/json", false],
  ])("matches the wildcard entry %s against %s: %s", (entry, type, binary) => {
    expect(isBinaryMediaType(type, [entry])).toBe(binary);
  });

  test("honours only the first Accept value", () => {
    expect(firstAccept("application/json, application/x-protobuf")).toBe("application/json");
    expect(firstAccept(undefined)).toBeUndefined();
  });

  // The request table of the payload-encodings page.
  test.each<[string, string, ContentHandling, Buffer, Buffer]>([
    ["binary, unset", "application/x-protobuf", undefined, PROTO, PROTO],
    ["binary, CONVERT_TO_BINARY", "application/x-protobuf", "CONVERT_TO_BINARY", PROTO, PROTO],
    ["binary, CONVERT_TO_TEXT", "application/x-protobuf", "CONVERT_TO_TEXT", PROTO, B64],
    ["text, unset", "application/json", undefined, TEXT, TEXT],
    ["text, CONVERT_TO_TEXT", "application/json", "CONVERT_TO_TEXT", TEXT, TEXT],
    ["text, CONVERT_TO_BINARY", "application/json", "CONVERT_TO_BINARY", B64, PROTO],
    ["protobuf not listed as binary, unset", "application/x-other", undefined, PROTO, Buffer.from([0x0a, 0x02, 0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd])],
  ])("converts a request body: %s", (_case, contentType, handling, input, expected) => {
    expect(convertRequestBody(input, contentType, BINARY_TYPES, handling)).toEqual({ ok: true, body: expected });
  });

  test("fails to base64-decode a text body that is not base64", () => {
    expect(convertRequestBody(TEXT, "application/json", BINARY_TYPES, "CONVERT_TO_BINARY")).toMatchObject({ ok: false });
  });

  test("replaces each invalid UTF-8 sequence with U+FFFD", () => {
    expect(asUtf8Text(Buffer.from([0x61, 0xff, 0x62])).toString("utf8")).toBe("a\uFFFDb");
    expect(asUtf8Text(TEXT).equals(TEXT)).toBe(true);
  });

  // The response table of the payload-encodings page, with the payload's type from the back end's Content-Type.
  test.each<[string, string, string | undefined, ContentHandling, Buffer, Buffer | "error"]>([
    ["unset, text payload, no Accept", "application/json", undefined, undefined, TEXT, TEXT],
    ["unset, text payload, text Accept", "application/json", "application/json", undefined, TEXT, TEXT],
    ["unset, text payload, binary Accept: base64-decoded", "application/json", "application/x-protobuf", undefined, B64, PROTO],
    ["unset, text payload that is not base64, binary Accept", "application/json", "application/x-protobuf", undefined, TEXT, "error"],
    ["unset, text payload that is not base64, Accept */*", "application/json", "*/*", undefined, TEXT, "error"],
    ["unset, binary payload, text Accept: base64-encoded", "application/x-protobuf", "application/json", undefined, PROTO, B64],
    ["unset, binary payload, binary Accept", "application/x-protobuf", "application/x-protobuf", undefined, PROTO, PROTO],
    ["CONVERT_TO_TEXT, binary payload", "application/x-protobuf", "application/x-protobuf", "CONVERT_TO_TEXT", PROTO, B64],
    ["CONVERT_TO_TEXT, text payload, binary Accept", "application/json", "application/x-protobuf", "CONVERT_TO_TEXT", TEXT, TEXT],
    ["CONVERT_TO_TEXT, text payload, Accept */*", "application/json", "*/*", "CONVERT_TO_TEXT", TEXT, TEXT],
    ["CONVERT_TO_BINARY, text payload", "application/json", undefined, "CONVERT_TO_BINARY", b64(TEXT), TEXT],
    ["CONVERT_TO_BINARY, binary payload", "application/x-protobuf", undefined, "CONVERT_TO_BINARY", PROTO, PROTO],
  ])("converts a response body: %s", (_case, payloadType, accept, handling, payload, expected) => {
    const converted = convertResponseBody(payload, payloadType, accept, BINARY_TYPES, handling);
    if (expected === "error") expect(converted).toMatchObject({ ok: false });
    else expect(converted).toEqual({ ok: true, body: expected });
  });
});
