import { newMarker } from "../../src/tools/smoke/marker";

describe("newMarker", () => {
  test("joins the prefix, the time in milliseconds and six hex digits", () => {
    expect(newMarker(1_700_000_000_000)).toMatch(/^otlp-proxy-smoke-1700000000000-[0-9a-f]{6}$/);
  });

  test("differs between two runs in the same millisecond", () => {
    expect(newMarker(1)).not.toBe(newMarker(1));
  });
});
