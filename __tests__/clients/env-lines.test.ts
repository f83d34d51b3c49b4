import { envObject, formatEnvLines } from "../../src/infra/clients/env-lines";
import { parseEnvLines } from "./parse-env-lines";

describe("formatEnvLines", () => {
  test("leaves plain values bare and single-quotes the rest", () => {
    expect(formatEnvLines([["A", "http/protobuf"], ["B", "x-api-key=<API_KEY>"]])).toBe(
      "export A=http/protobuf\nexport B='x-api-key=<API_KEY>'\n",
    );
  });

  test("round-trips values with quotes, dollars and spaces through a shell-style parser", () => {
    const value = `it's "$HOME" & more`;
    expect(parseEnvLines(formatEnvLines([["V", value]])).get("V")).toBe(value);
  });
});

describe("envObject", () => {
  test("keeps every name and value", () => {
    expect(envObject([["A", "1"], ["B", "2"]])).toEqual({ A: "1", B: "2" });
  });
});
