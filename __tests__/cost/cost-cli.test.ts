import { runScript } from "../support/run-script";

/** The script behind `npm run cost`. */
const run = (...args: string[]) => runScript("src/tools/cost/cost-cli.ts", args);

describe("cost CLI", () => {
  test("prints a report with requests, the API Gateway charge and the collector", () => {
    const r = run("--developers", "100");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Claude Code (2.1.197), 100 developers");
    expect(r.stdout).toMatch(/total\s+131,040\s+13,104,000/);
    expect(r.stdout).toContain("total $45.86 a month; per developer $0.46");
    expect(r.stdout).toContain("total $18.02 a month; per developer $0.18");
  });

  test("prints a Markdown table with default and recommended rows for every team size", () => {
    const r = run("--developers", "10,100,1000", "--markdown");
    expect(r.status).toBe(0);
    const rows = r.stdout.split("\n").filter((l) => l.startsWith("| ") && /^\| [\d,]+ \|/.test(l));
    expect(rows).toHaveLength(6);
    expect(rows[5]).toContain("| 1,000 | Claude Code | recommended (metrics 60 s, logs 30 s, traces off) | 30,240,000 | $105.84 |");
  });

  test.each([
    [["--developers", "0"], "--developers must be positive integers"],
    [["--developers", "5", "--tool", "cursor"], "--tool must be one of"],
    [["--developers", "5", "--frobnicate"], 'unknown argument "--frobnicate"'],
    [["--tool", "codex"], "--developers is required"],
    [["--developers", "5", "--logs-interval", "-1"], "--logs-interval must be a positive number"],
  ])("fails for %j with usage on stderr, exit code 2 and no stack trace", (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`error: ${message}`);
    expect(r.stderr).toContain("Usage: npm run cost -- --developers");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("prints usage to stdout and exits 0 with --help", () => {
    const r = run("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: npm run cost");
  });
});
