import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { newMarker } from "./marker";
import { ParseResult, SmokeOptions, USAGE, parseArgs } from "./parse-smoke-args";
import { formatArrivals, formatHeader, formatRoute } from "./report";
import { RouteResult, sendSmokeTelemetry } from "./send-signals";
import { ArrivalResult, verifyArrival } from "./verify-arrival";

/** Exit codes of `npm run smoke`. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Names an AWS endpoint to verify against instead of CloudWatch Logs (tests point it at moto). */
export const AWS_ENDPOINT_ENV = "OTLP_PROXY_SMOKE_AWS_ENDPOINT";

/** Exporters give up on a route after this long, retries included (the exporters' own default). */
const EXPORT_TIMEOUT_MILLIS = 10_000;
const POLL_INTERVAL_MILLIS = 5_000;
/** Events this much older than the run are searched too, in case this machine's clock runs ahead of AWS's. */
const CLOCK_SKEW_MILLIS = 5 * 60_000;

/** Where the smoke test writes and what it reads; tests pass their own. */
export interface SmokeIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** @default 10000 */
  readonly exportTimeoutMillis?: number;
  /** @default 5000 */
  readonly pollIntervalMillis?: number;
}

/** Runs `npm run smoke` with the given arguments and returns its exit code. */
export async function runSmokeCli(argv: readonly string[], io: SmokeIo): Promise<number> {
  const parsed: ParseResult = parseArgs(argv, io.env);
  if (parsed.kind === "help") {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (parsed.kind === "error") {
    io.stderr(`error: ${parsed.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  return runSmoke(parsed.options, io);
}

async function runSmoke(options: SmokeOptions, io: SmokeIo): Promise<number> {
  const marker = newMarker();
  const startTimeMillis = Date.now() - CLOCK_SKEW_MILLIS;
  const exportTimeoutMillis = io.exportTimeoutMillis ?? EXPORT_TIMEOUT_MILLIS;
  io.stdout(formatHeader(options.endpoint, marker, options.protocol, exportTimeoutMillis));
  const routes = await sendSmokeTelemetry({
    endpoint: options.endpoint,
    apiKey: options.apiKey,
    marker,
    signals: options.signals,
    protocol: options.protocol,
    gzip: options.gzip,
    exportTimeoutMillis,
  });
  for (const route of routes) io.stdout(formatRoute(route, options.endpoint));
  const routesOk = routes.every((route) => route.ok);

  let arrivalsOk = true;
  if (options.verify && options.region !== undefined) {
    const arrivals = await verify(options, options.region, routes, marker, startTimeMillis, io);
    arrivalsOk = arrivals.every((arrival) => arrival.status === "arrived" || arrival.status === "not-checked");
  }
  const ok = routesOk && arrivalsOk;
  const hint = ok && !options.verify ? " (every route answered; add --verify to look the marker up in CloudWatch)" : "";
  io.stdout(`\nResult: ${ok ? "ok" : "FAILED"}${hint}\n`);
  return ok ? EXIT.ok : EXIT.failed;
}

async function verify(
  options: SmokeOptions,
  region: string,
  routes: readonly RouteResult[],
  marker: string,
  startTimeMillis: number,
  io: SmokeIo,
): Promise<ArrivalResult[]> {
  const delivered = routes.filter((route) => route.ok).map((route) => route.signal);
  const skipped = routes.filter((route) => !route.ok).map((route) => route.signal);
  const client = new CloudWatchLogsClient({ region, endpoint: io.env[AWS_ENDPOINT_ENV] || undefined });
  try {
    const arrivals = await verifyArrival(client, {
      marker,
      signals: delivered,
      logGroupName: options.logGroupName,
      timeoutMillis: options.timeoutSeconds * 1000,
      pollIntervalMillis: io.pollIntervalMillis ?? POLL_INTERVAL_MILLIS,
      startTimeMillis,
    });
    io.stdout(formatArrivals(arrivals, region, skipped));
    return arrivals;
  } finally {
    client.destroy();
  }
}
