import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { Signal } from "../../infra/otlp/signals";

/** The log group X-Ray Transaction Search writes OTLP spans to (docs/aws-facts.md, "Traces need X-Ray Transaction Search"). */
export const SPANS_LOG_GROUP = "aws/spans";

/** Whether a signal's marker was found in CloudWatch. */
export type ArrivalStatus = "arrived" | "missing" | "not-checked" | "error";

/** The outcome of looking for one signal. */
export interface ArrivalResult {
  readonly signal: Signal;
  readonly status: ArrivalStatus;
  /** Where it was looked for (a log group), when it was. */
  readonly where?: string;
  /** Why it is missing, not checked or could not be checked. */
  readonly detail?: string;
  /** Seconds from the start of the search until the marker was found. */
  readonly afterSeconds?: number;
}

/** What to look for and for how long. */
export interface VerifyOptions {
  readonly marker: string;
  /** The signals to look for. */
  readonly signals: readonly Signal[];
  /** The OTLP log group (the proxy's `logGroupName`). */
  readonly logGroupName: string;
  /** Give up after this long. */
  readonly timeoutMillis: number;
  /** Pause between two searches of one log group. */
  readonly pollIntervalMillis: number;
  /** Only events from this time on (epoch ms) are searched. */
  readonly startTimeMillis: number;
}

/** Pages of one search read before waiting for the next poll; CloudWatch may answer empty pages with a next token. */
const MAX_PAGES_PER_POLL = 10;

/**
 * Looks for the marker in CloudWatch Logs: logs in the OTLP log group, spans in `aws/spans`, polling
 * FilterLogEvents with the marker as a quoted term until it is found or the time is up. Metrics are not checked:
 * OTLP metrics are queried by PromQL-style labels, and ListMetrics may not show them for minutes (documented in the
 * README's smoke-test section). Never throws: credentials and permission problems come back as `error`.
 */
export async function verifyArrival(client: CloudWatchLogsClient, options: VerifyOptions): Promise<ArrivalResult[]> {
  return Promise.all(
    options.signals.map((signal): Promise<ArrivalResult> => {
      if (signal === "metrics") {
        return Promise.resolve({ signal, status: "not-checked", detail: "OTLP metrics are not searchable by marker soon after ingestion" });
      }
      const logGroupName = signal === "logs" ? options.logGroupName : SPANS_LOG_GROUP;
      return pollLogGroup(client, signal, logGroupName, options);
    }),
  );
}

async function pollLogGroup(client: CloudWatchLogsClient, signal: Signal, logGroupName: string, options: VerifyOptions): Promise<ArrivalResult> {
  const started = Date.now();
  const deadline = started + options.timeoutMillis;
  let lastProblem: string | undefined;
  for (;;) {
    try {
      if (await containsMarker(client, logGroupName, options)) {
        return { signal, status: "arrived", where: logGroupName, afterSeconds: Math.round((Date.now() - started) / 1000) };
      }
      lastProblem = undefined;
    } catch (error) {
      const name = (error as Error).name;
      // The group may not exist yet (Transaction Search creates aws/spans on first write): keep looking.
      if (name !== "ResourceNotFoundException") return { signal, status: "error", where: logGroupName, detail: describe(error) };
      lastProblem = `log group ${logGroupName} does not exist`;
    }
    if (Date.now() + options.pollIntervalMillis > deadline) {
      const seconds = Math.round(options.timeoutMillis / 1000);
      return { signal, status: "missing", where: logGroupName, detail: lastProblem ?? `no event with the marker after ${seconds} s` };
    }
    await sleep(options.pollIntervalMillis);
  }
}

async function containsMarker(client: CloudWatchLogsClient, logGroupName: string, options: VerifyOptions): Promise<boolean> {
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
    const answer = await client.send(
      new FilterLogEventsCommand({
        logGroupName,
        // The marker has hyphens, so it must be one quoted term to be matched as a whole.
        filterPattern: `"${options.marker}"`,
        startTime: options.startTimeMillis,
        nextToken,
      }),
    );
    // Checked again here: a service (or emulator) that ignores the pattern returns every event.
    if ((answer.events ?? []).some((event) => event.message?.includes(options.marker))) return true;
    nextToken = answer.nextToken;
    if (!nextToken) return false;
  }
  return false;
}

function describe(error: unknown): string {
  const { name, message } = error as Error;
  if (name === "CredentialsProviderError") return `no AWS credentials found (${message})`;
  return `${name}: ${message}`;
}

function sleep(millis: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, millis));
}
