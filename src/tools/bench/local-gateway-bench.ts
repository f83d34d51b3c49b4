/**
 * Benchmark (not a test): 1 KB and 1 MB OTLP/JSON bodies through the local gateway to the CloudWatch stand-in, and
 * directly to the stand-in, with requests per second and p50/p99 latency for both, and their ratio.
 *
 *   npm run bench [-- --requests-1kb 2000 --requests-1mb 200 --concurrency 8]
 */
import * as http from "http";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildApp } from "../../infra/app/build-app";
import { ParseOutcome, readFlagsOrProblem } from "../../infra/cli-flags/read-flags";
import { startLocalGateway } from "../local-gateway/server";
import { startCloudWatchStandIn } from "../local-gateway/stand-in/cloudwatch-stand-in";

const CREDENTIALS = { accessKeyId: "AKIDBENCHMARK", secretAccessKey: "bench-secret" };
const REGION = "us-west-2";
const API_KEY = "bench-key-0123456789";

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50Millis: number;
  readonly p99Millis: number;
}

export const BENCH_USAGE = `Usage: npm run bench [-- --requests-1kb N --requests-1mb N --concurrency N]

Benchmark (not a test): 1 KB and 1 MB OTLP/JSON bodies through the local gateway to the CloudWatch stand-in, and
directly to the stand-in; requests per second and p50/p99 latency for both, and their ratio.

Options:
  --requests-1kb N   requests with a 1 KB body (default 2000)
  --requests-1mb N   requests with a 1 MB body (default 200)
  --concurrency N    requests in flight at once (default 8)
  -h, --help         print this help
`;

/** The benchmark's options. */
export interface BenchOptions {
  readonly requests1kb: number;
  readonly requests1mb: number;
  readonly concurrency: number;
}

/** Parses `npm run bench -- ...`; never throws: a usage error comes back as its message. */
export function parseBenchArgs(argv: readonly string[]): ParseOutcome<BenchOptions> {
  const flags = readFlagsOrProblem(argv, { valueFlags: ["--requests-1kb", "--requests-1mb", "--concurrency"], switches: ["--help", "-h"] });
  if (typeof flags === "string") return { kind: "error", message: flags };
  if (flags.has("--help") || flags.has("-h")) return { kind: "help" };
  const numbers: Record<string, number> = {};
  for (const [flag, fallback] of [["--requests-1kb", 2000], ["--requests-1mb", 200], ["--concurrency", 8]] as const) {
    const text = flags.value(flag);
    const value = text === undefined ? fallback : Number(text);
    if (!Number.isInteger(value) || value <= 0) return { kind: "error", message: `${flag} needs a whole number above 0, got "${text}"` };
    numbers[flag] = value;
  }
  return { kind: "run", options: { requests1kb: numbers["--requests-1kb"], requests1mb: numbers["--requests-1mb"], concurrency: numbers["--concurrency"] } };
}

/** An OTLP/JSON traces body of about `bytes` bytes: one span whose attribute pads it out. */
function tracesBody(bytes: number): Buffer {
  const span = (padding: string) => ({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "bench" } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: "5b8efff798038103d269b633813fc60c",
                spanId: "eee19b7ec3c1b174",
                name: "bench",
                kind: 1,
                startTimeUnixNano: "1700000000000000000",
                endTimeUnixNano: "1700000000100000000",
                attributes: [{ key: "padding", value: { stringValue: padding } }],
              },
            ],
          },
        ],
      },
    ],
  });
  const overhead = Buffer.byteLength(JSON.stringify(span("")));
  return Buffer.from(JSON.stringify(span("x".repeat(Math.max(0, bytes - overhead)))));
}

function post(agent: http.Agent, url: URL, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": String(body.length), ...headers } },
      (response) => {
        response.resume();
        response.on("end", () => {
          if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function measure(url: URL, body: Buffer, headers: Record<string, string>, requests: number, concurrency: number): Promise<Figures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        latencies.push(await post(agent, url, body, headers));
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { requestsPerSecond: requests / seconds, p50Millis: percentile(50), p99Millis: percentile(99) };
}

async function main(options: BenchOptions): Promise<void> {
  const { concurrency } = options;
  const cases = [
    { label: "1 KB", bytes: 1024, requests: options.requests1kb },
    { label: "1 MB", bytes: 1024 * 1024, requests: options.requests1mb },
  ];
  const outdir = mkdtempSync(join(tmpdir(), "otlp-proxy-bench-"));
  buildApp({ outdir }).app.synth();
  // The direct requests carry no signature, so the stand-in must answer 200 to both paths; it still checks every
  // signature it receives, so both paths cost it the same work.
  const standIn = await startCloudWatchStandIn({ credentials: CREDENTIALS, region: REGION, rejectInvalid: false });
  const gateway = await startLocalGateway({
    stackFile: join(outdir, "stacks", `otlp-proxy-${REGION}`, "cdk.tf.json"),
    port: 0,
    apiKeys: [`bench=${API_KEY}`],
    upstream: standIn.url,
    credentials: CREDENTIALS,
    log: () => undefined,
  });
  try {
    console.log(`concurrency ${concurrency}, keep-alive, OTLP/JSON traces; the stand-in checks signatures but answers 200 to both paths\n`);
    console.log("| body | path | requests | req/s | p50 ms | p99 ms |");
    console.log("|---|---|---:|---:|---:|---:|");
    for (const { label, bytes, requests } of cases) {
      const body = tracesBody(bytes);
      const direct = await measure(new URL("/v1/traces", standIn.url), body, {}, requests, concurrency);
      standIn.requests.length = 0;
      const viaGateway = await measure(new URL(`${gateway.endpoint}/v1/traces`), body, { "x-api-key": API_KEY }, requests, concurrency);
      standIn.requests.length = 0;
      const row = (path: string, f: Figures) =>
        console.log(`| ${label} | ${path} | ${requests} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50Millis.toFixed(2)} | ${f.p99Millis.toFixed(2)} |`);
      row("direct to stand-in", direct);
      row("through local gateway", viaGateway);
      console.log(
        `| ${label} | ratio gateway/direct | | ${(viaGateway.requestsPerSecond / direct.requestsPerSecond).toFixed(2)} | ` +
          `${(viaGateway.p50Millis / direct.p50Millis).toFixed(2)} | ${(viaGateway.p99Millis / direct.p99Millis).toFixed(2)} |`,
      );
    }
  } finally {
    await gateway.close();
    await standIn.close();
  }
}

if (require.main === module) {
  const parsed = parseBenchArgs(process.argv.slice(2));
  if (parsed.kind === "help") {
    process.stdout.write(BENCH_USAGE);
  } else if (parsed.kind === "error") {
    process.stderr.write(`error: ${parsed.message}\n\n${BENCH_USAGE}`);
    process.exitCode = 2;
  } else {
    main(parsed.options).catch((error: Error) => {
      console.error(`bench failed: ${error.message}`);
      process.exit(1);
    });
  }
}
