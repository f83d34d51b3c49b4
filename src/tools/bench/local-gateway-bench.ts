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

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} needs a whole number above 0`);
    process.exit(2);
  }
  return value;
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

async function main(): Promise<void> {
  const concurrency = option("concurrency", 8);
  const cases = [
    { label: "1 KB", bytes: 1024, requests: option("requests-1kb", 2000) },
    { label: "1 MB", bytes: 1024 * 1024, requests: option("requests-1mb", 200) },
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

main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
