import { spawn } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { createServer, Server } from "net";
import { tmpdir } from "os";
import { join } from "path";
import { testStack } from "./helpers/test-stack";
import { PROJECT_ROOT } from "../support/project";
import { terraformEnv } from "../support/terraform-cli";

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI as `npx ts-node --transpile-only src/tools/local-gateway/local-gateway-cli.ts` does, calling ts-node's own bin with this
 * Node so that signals reach the gateway process itself rather than an npx wrapper.
 */
function runCli(args: string[], options: { untilStdout?: RegExp; thenSignal?: NodeJS.Signals } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, "node_modules", "ts-node", "dist", "bin.js"), "--transpile-only", "src/tools/local-gateway/local-gateway-cli.ts", ...args], {
      cwd: PROJECT_ROOT,
      // The user's Terraform configuration is process.env's; the tests' points at the offline provider mirror.
      env: { ...terraformEnv(), OTLP_PROXY_LOCAL_API_KEYS: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.untilStdout?.test(stdout) && options.thenSignal) child.kill(options.thenSignal);
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const lines = (text: string) => text.trim().split("\n").filter((line) => line.trim() !== "");

describe("npm run local", () => {
  let busy: Server;
  let busyPort: number;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", () => resolve()));
    busyPort = (busy.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  test("fails with one line and exit code 1 for a stack file that does not exist", async () => {
    const run = await runCli(["--stack-file", "/nonexistent/cdk.tf.json", "--port", "0"]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual(["error: Cannot read stack file /nonexistent/cdk.tf.json: ENOENT"]);
  });

  test("synthesizes, then fails with one line naming the stacks that exist, for a stack that is not synthesized", async () => {
    const run = await runCli(["--stack", "otlp-proxy-nowhere-1", "--port", "0"]);
    expect(run.code).toBe(1);
    const errors = lines(run.stderr).filter((line) => line.startsWith("error:"));
    expect(errors).toEqual([expect.stringMatching(/^error: Stack otlp-proxy-nowhere-1 not found in .*cdktf\.out\/stacks \(available: .*otlp-proxy-us-west-2.*\)$/)]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test("fails with one line and exit code 1 when the port is in use", async () => {
    const run = await runCli(["--stack-file", testStack().file, "--port", String(busyPort)]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([`error: Port ${busyPort} on 127.0.0.1 is already in use; pick another with --port`]);
  });

  test("--help prints the usage and exits 0, serving nothing", async () => {
    const run = await runCli(["--help", "--stack", "otlp-proxy-nowhere-1"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: npm run local -- --stack <name>");
    expect(run.stderr).toBe("");
  });

  test("fails at start with one line and exit code 1 for a --sink that is a file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "local-gateway-cli-")), "notes.txt");
    writeFileSync(file, "not a folder");
    const run = await runCli(["--stack", "otlp-proxy-nowhere-1", "--port", "0", "--sink", file]);
    expect(run.code).toBe(1);
    // Before the stack is looked up (which would synthesize): the sink is the only complaint.
    expect(lines(run.stderr)).toEqual([`error: --sink ${file} is a file; give a folder (created if missing)`]);
  });

  test("blames the host, not the port, for a host that is not this machine's", async () => {
    const run = await runCli(["--stack-file", testStack().file, "--port", "0", "--host", "192.0.2.1"]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual(["error: Host 192.0.2.1 is not an address of this machine (EADDRNOTAVAIL); pick another with --host, such as 127.0.0.1"]);
  });

  test.each([
    ["an unknown flag", ["--stack", "s", "--bogus"], 'unknown argument "--bogus"'],
    ["no stack", [], "--stack is required"],
    ["a host that is no address", ["--stack", "s", "--host", "999.1.1.1"], "--host must be an IP address or a host name of this machine, got 999.1.1.1"],
  ])("prints the usage on stderr and exits 2 for %s", async (_case, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("Usage: npm run local -- --stack <name>");
    expect(run.stdout).toBe("");
  });

  test("prints the endpoint, a generated key and the Claude Code setup, and stops cleanly on SIGINT", async () => {
    const run = await runCli(["--stack-file", testStack().file, "--port", "0", "--sink", mkdtempSync(join(tmpdir(), "local-gateway-cli-"))], {
      untilStdout: /Ctrl-C stops\./,
      thenSignal: "SIGINT",
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Endpoint for tools: http:\/\/127\.0\.0\.1:\d+\/prod/);
    expect(run.stdout).toMatch(/Generated API key .*: [A-Za-z0-9]{40}/);
    expect(run.stdout).toMatch(/export OTEL_EXPORTER_OTLP_HEADERS='?x-api-key=[A-Za-z0-9]{40}/);
    expect(run.stdout).toContain("export OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf");
    expect(run.stderr).toContain("SIGINT: stopping");
  });
});
