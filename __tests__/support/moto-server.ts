import { ChildProcess, spawn, spawnSync } from "child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "fs";
import * as http from "http";
import * as net from "net";
import { tmpdir } from "os";
import { join } from "path";
import { offlineProvider } from "./terraform-cli";

/** A running moto server on the loopback interface. */
export interface MotoServer {
  /** Base URL for SDK clients, e.g. `http://127.0.0.1:41234`. */
  readonly endpoint: string;
  /** Kills the server and resolves once the process has exited. */
  stop(): Promise<void>;
}

/** The client settings every AWS SDK v3 client needs to talk to moto instead of AWS. */
export interface MotoClientConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

const PYTHON = "python3";
/** moto's server, with the one correction to its binaryMediaTypes emulation that moto_server.py explains. */
const MOTO_LAUNCHER = join(__dirname, "moto_server.py");
const START_TIMEOUT_MILLIS = 20_000;
const POLL_INTERVAL_MILLIS = 100;
const STOP_GRACE_MILLIS = 3_000;
/** How much of moto's stderr to keep for a start-up error message. */
const STDERR_TAIL_CHARS = 4_000;

let unavailableReason: { readonly value: string | undefined } | undefined;

/**
 * Why moto cannot run here (python3 or the moto server module missing), or undefined when it can.
 * Checked once per process: importing `moto.server` also proves its Flask extras are installed.
 */
export function motoUnavailableReason(): string | undefined {
  if (unavailableReason === undefined) unavailableReason = { value: probeMoto() };
  return unavailableReason.value;
}

function probeMoto(): string | undefined {
  const probe = spawnSync(PYTHON, ["-c", "import moto.server"], { encoding: "utf8", timeout: 15_000 });
  if (probe.error) return `${PYTHON} cannot be run (${probe.error.message})`;
  if (probe.status !== 0) {
    const lastLine = probe.stderr.trim().split("\n").pop() ?? "";
    return `${PYTHON} cannot import moto.server (${lastLine || `exit code ${probe.status}`}); install it with pip install 'moto[server]'`;
  }
  return undefined;
}

/**
 * Starts moto on a free 127.0.0.1 port; resolves when it answers HTTP. `env` adds moto settings such as
 * `MOTO_IAM_LOAD_MANAGED_POLICIES` (a test's own process.env does not reach the child under jest).
 */
export async function startMoto(env: NodeJS.ProcessEnv = {}): Promise<MotoServer> {
  const port = await freePort();
  // moto logs every request; it writes to a file, not a pipe, because a test blocked in spawnSync (terraform) cannot
  // drain a pipe, and moto would then stop answering once the pipe's buffer is full.
  const logFile = join(mkdtempSync(join(tmpdir(), "moto-")), "moto.log");
  const log = openSync(logFile, "w");
  const child = spawn(PYTHON, [MOTO_LAUNCHER, "-H", "127.0.0.1", "-p", String(port)], {
    detached: false,
    env: { ...process.env, ...env },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const stderrTail = () => readFileSync(logFile, "utf8").slice(-STDERR_TAIL_CHARS);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  const server: MotoServer = { endpoint, stop: () => stop(child, exited) };

  const deadline = Date.now() + START_TIMEOUT_MILLIS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`moto exited during start-up (${child.exitCode ?? child.signalCode}). stderr:\n${stderrTail()}`);
    }
    if (await answers(endpoint)) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`moto did not answer on ${endpoint} within ${START_TIMEOUT_MILLIS / 1000} s. stderr:\n${stderrTail()}`);
    }
    await sleep(POLL_INTERVAL_MILLIS);
  }
}

/** SDK v3 client settings for moto: its endpoint, a region and moto's conventional dummy credentials. */
export function motoClientConfig(endpoint: string, region: string): MotoClientConfig {
  return { endpoint, region, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MILLIS);
  await exited;
  clearTimeout(killer);
}

/** Binding port 0 lets the kernel choose; the port is free again once closed, and moto binds it right after. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address() as net.AddressInfo;
      probe.close(() => resolve(address.port));
    });
  });
}

function answers(endpoint: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${endpoint}/moto-api/`, { timeout: 1_000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.once("timeout", () => request.destroy());
    request.once("error", () => resolve(false));
  });
}

function sleep(millis: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, millis));
}

/** AWS services the stacks call, which Terraform must send to moto instead. */
export const MOTO_SERVICES = ["apigateway", "cloudformation", "cloudwatch", "iam", "logs", "route53", "sns", "sts", "wafv2", "xray"];

/**
 * Points a synthesized stack at moto with a Terraform override file, leaving `cdk.tf.json` itself untouched:
 * moto's endpoint for every service and dummy credentials. The stack's own backend stays.
 */
export function writeMotoOverride(stackDir: string, endpoint: string, region: string): void {
  const override = { provider: { aws: motoProvider(endpoint, region) } };
  writeFileSync(join(stackDir, "moto_override.tf.json"), JSON.stringify(override, null, 2));
}

/** An aws provider block that talks to moto: the offline block's dummy credentials, and moto's endpoint for every service. */
export function motoProvider(endpoint: string, region: string, alias?: string): Record<string, unknown> {
  return {
    ...offlineProvider(region, alias),
    access_key: "testing",
    secret_key: "testing",
    endpoints: [Object.fromEntries(MOTO_SERVICES.map((service) => [service, endpoint]))],
  };
}
