import { FlagError, readFlags, readFlagsOrProblem } from "../../src/infra/cli-flags/read-flags";

const spec = { valueFlags: ["--name", "--key"], switches: ["--verbose"], repeatable: ["--key"] };

describe("readFlags", () => {
  test("reads values in both forms and switches", () => {
    const flags = readFlags(["--name", "a", "--key=k1", "--key", "k2", "--verbose"], spec);
    expect(flags.value("--name")).toBe("a");
    expect(flags.values("--key")).toEqual(["k1", "k2"]);
    expect(flags.has("--verbose")).toBe(true);
    expect(flags.value("--missing")).toBeUndefined();
  });

  test.each<[string[], string]>([
    [["--bogus"], 'unknown argument "--bogus"'],
    [["--name"], "--name needs a value"],
    [["--name", "--verbose"], "--name needs a value"],
    [["--name="], "--name needs a value"],
    [["--verbose=yes"], '--verbose takes no value, got "--verbose=yes"'],
    [["--name", "a", "--name", "b"], "--name given more than once"],
  ])("refuses %j: %s", (argv, message) => {
    expect(() => readFlags(argv, spec)).toThrow(new FlagError(message));
  });
});

describe("readFlagsOrProblem", () => {
  test("gives the flags when the command line reads", () => {
    const flags = readFlagsOrProblem(["--name=a"], spec);
    expect(typeof flags === "string" ? flags : flags.value("--name")).toBe("a");
  });

  test("gives a usage problem back as its message", () => {
    expect(readFlagsOrProblem(["--name", "a", "--name", "b"], spec)).toBe("--name given more than once");
  });
});
