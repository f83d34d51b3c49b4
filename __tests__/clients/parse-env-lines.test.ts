import { parseEnvLines } from "./parse-env-lines";

describe("parseEnvLines (the test helper)", () => {
  test("reads export lines and plain assignments with every kind of quoting", () => {
    const vars = parseEnvLines(`# comment
export A=plain
B='single $quoted <x>'
export C="double \\"q\\" \\$HOME"
export D='it'\\''s'
`);
    expect(Object.fromEntries(vars)).toEqual({ A: "plain", B: "single $quoted <x>", C: 'double "q" $HOME', D: "it's" });
  });

  test("rejects an unquoted redirection, which a shell would not assign", () => {
    expect(() => parseEnvLines("export H=x-api-key=<API_KEY>")).toThrow("unquoted shell metacharacter");
  });
});
