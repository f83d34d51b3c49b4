import { runScript } from "../support/run-script";

/** The script behind `npm run smoke`, run as a user runs it. */
const smoke = (...args: string[]) => runScript("src/tools/smoke/smoke-cli.ts", args);

describe("smoke CLI", () => {
  test.each([
    [[], "error: --endpoint is required"],
    [["--endpoint", "http://127.0.0.1:4318", "--api-key", "k", "--bogus"], 'error: unknown argument "--bogus"'],
    [["--endpoint", "http://127.0.0.1:4318", "--api-key", "k", "--timeout", "soon"], '--timeout must be a positive number of seconds, got "soon"'],
  ])("fails for %j with usage on stderr, exit code 2 and no stack trace", (args, message) => {
    const r = smoke(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("Usage: npm run smoke -- --endpoint URL --api-key KEY [options]");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });

  test("prints usage on stdout and exits 0 for --help", () => {
    const r = smoke("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--verify");
    expect(r.stderr).toBe("");
  });
});
