import { BENCH_USAGE, parseBenchArgs } from "../../src/tools/bench/local-gateway-bench";
import { runScript } from "../support/run-script";

describe("npm run bench's command line", () => {
  test("defaults, and both flag forms", () => {
    expect(parseBenchArgs([])).toEqual({ kind: "run", options: { requests1kb: 2000, requests1mb: 200, concurrency: 8 } });
    expect(parseBenchArgs(["--requests-1kb", "10", "--requests-1mb=2", "--concurrency", "1"])).toEqual({
      kind: "run",
      options: { requests1kb: 10, requests1mb: 2, concurrency: 1 },
    });
  });

  test.each([
    [["--bogus"], 'unknown argument "--bogus"'],
    [["--concurrency"], "--concurrency needs a value"],
    [["--concurrency", "0"], '--concurrency needs a whole number above 0, got "0"'],
    [["--requests-1kb", "many"], '--requests-1kb needs a whole number above 0, got "many"'],
  ])("refuses %j", (argv, message) => {
    expect(parseBenchArgs(argv)).toEqual({ kind: "error", message });
  });

  test("--help asks for help", () => {
    expect(parseBenchArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseBenchArgs(["-h"])).toEqual({ kind: "help" });
  });

  test.each([
    [["--bogus"], 2, "", "error: unknown argument \"--bogus\"\n\n" + BENCH_USAGE],
    [["--help"], 0, BENCH_USAGE, ""],
  ])("the script with %j exits %d without benchmarking", (argv, status, stdout, stderr) => {
    expect(runScript("src/tools/bench/local-gateway-bench.ts", argv)).toEqual({ status, stdout, stderr });
  });
});
