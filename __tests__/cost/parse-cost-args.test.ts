import { CliOptions, parseArgs } from "../../src/tools/cost/parse-cost-args";

function options(argv: string[]): CliOptions {
  const result = parseArgs(argv);
  if (result.kind !== "run") throw new Error(`expected options, got ${JSON.stringify(result)}`);
  return result.options;
}

function errorOf(argv: string[]): string {
  const result = parseArgs(argv);
  if (result.kind !== "error") throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.message;
}

describe("parseArgs", () => {
  test("applies the defaults when only --developers is given", () => {
    expect(options(["--developers", "100"])).toEqual({
      developers: [100],
      tool: "claude-code",
      activeHoursPerDay: 8,
      runningHoursPerDay: 8,
      daysPerMonth: 21,
      preset: undefined,
      overrides: { metricsSeconds: undefined, logsSeconds: undefined, tracesSeconds: undefined },
      traces: undefined,
      includeAlb: false,
      markdown: false,
    });
  });

  test("reads every flag, in both --flag value and --flag=value forms", () => {
    const o = options([
      "--developers=10,100,1000",
      "--tool",
      "sdk",
      "--active-hours-per-day",
      "4.5",
      "--running-hours-per-day=10",
      "--days-per-month",
      "20",
      "--preset",
      "recommended",
      "--metrics-interval",
      "120",
      "--logs-interval=15",
      "--traces-interval",
      "10",
      "--traces",
      "--with-alb",
      "--markdown",
    ]);
    expect(o).toEqual({
      developers: [10, 100, 1000],
      tool: "sdk",
      activeHoursPerDay: 4.5,
      runningHoursPerDay: 10,
      daysPerMonth: 20,
      preset: "recommended",
      overrides: { metricsSeconds: 120, logsSeconds: 15, tracesSeconds: 10 },
      traces: true,
      includeAlb: true,
      markdown: true,
    });
  });

  test("asks for help with --help or -h", () => {
    expect(parseArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseArgs(["-h"])).toEqual({ kind: "help" });
  });

  test.each([
    [[], "--developers is required"],
    [["--developers", "0"], '--developers must be positive integers separated by commas, got "0"'],
    [["--developers", "2.5"], '--developers must be positive integers separated by commas, got "2.5"'],
    [["--developers", "10,,20"], '--developers must be positive integers separated by commas, got "10,,20"'],
    [["--developers"], "--developers needs a value"],
    [["--developers", "5", "--tool", "cursor"], '--tool must be one of claude-code, gemini-cli, copilot-cli, codex, sdk, got "cursor"'],
    [["--developers", "5", "--preset", "cheap"], '--preset must be one of default, recommended, got "cheap"'],
    [["--developers", "5", "--logs-interval", "0"], '--logs-interval must be a positive number, got "0"'],
    [["--developers", "5", "--metrics-interval", "-60"], '--metrics-interval must be a positive number, got "-60"'],
    [["--developers", "5", "--days-per-month", "abc"], '--days-per-month must be a positive number, got "abc"'],
    [["--developers", "5", "--active-hours-per-day", "25"], "--active-hours-per-day must be at most 24, got 25"],
    [["--developers", "5", "--active-hours-per-day", "8", "--running-hours-per-day", "4"], "--running-hours-per-day (4) must be at least --active-hours-per-day (8)"],
    [["--developers", "5", "--verbose"], 'unknown argument "--verbose"'],
    [["--developers", "5", "--traces", "--no-traces"], "--traces and --no-traces are mutually exclusive"],
    [["--developers", "5", "--markdown=yes"], '--markdown takes no value, got "--markdown=yes"'],
    [["--developers", "5", "--developers", "6"], "--developers given more than once"],
  ])("fails for %j with a message naming the flag", (argv, message) => {
    expect(errorOf(argv)).toBe(message);
  });
});
