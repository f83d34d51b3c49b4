import { SIGNALS, Signal, isSignal } from "../../infra/otlp/signals";
import { regionFromEndpoint } from "./region";
import { PROTOCOLS, Protocol } from "./send-signals";
import { ParseOutcome, readFlagsOrProblem } from "../../infra/cli-flags/read-flags";

/** The OTLP log group searched with `--verify` when `--log-group` is not given (the proxy's default). */
export const DEFAULT_LOG_GROUP = "otlp-logs";
/** Seconds `--verify` waits for the marker when `--timeout` is not given. */
export const DEFAULT_TIMEOUT_SECONDS = 60;
/** The encoding used when `--protocol` is not given: the one most tools default to, and the one binary handling can break. */
export const DEFAULT_PROTOCOL: Protocol = "http/protobuf";

/** The smoke test's options after parsing. */
export interface SmokeOptions {
  /** The proxy's base URL, trailing slashes removed. */
  readonly endpoint: string;
  readonly apiKey: string;
  /** The region to verify in: `--region`, else the execute-api host's, else `AWS_REGION`; undefined when none is known. */
  readonly region?: string;
  /** Look the marker up in CloudWatch Logs. */
  readonly verify: boolean;
  readonly logGroupName: string;
  readonly timeoutSeconds: number;
  readonly signals: readonly Signal[];
  readonly protocol: Protocol;
  readonly gzip: boolean;
}

export type ParseResult = ParseOutcome<SmokeOptions>;

/** The usage text printed with `--help` and after every usage error. */
/** The environment variable that may hold the API key instead of `--api-key`. */
export const API_KEY_ENV = "OTLP_PROXY_API_KEY";

export const USAGE = `Usage: npm run smoke -- --endpoint URL --api-key KEY [options]

Sends one span, one metric data point and one log record, each carrying a unique marker, through the OTLP proxy
with the OpenTelemetry JavaScript exporters, and reports every route's HTTP status with the likely cause of a failure.

Options:
  --endpoint URL       the proxy's base URL, e.g. https://abc123.execute-api.us-west-2.amazonaws.com/prod (required)
  --api-key KEY        sent in the x-api-key header (required, or set OTLP_PROXY_API_KEY to keep it
                       out of the process list and shell history)
  --signals LIST       routes to call, comma-separated: ${SIGNALS.join(",")} (default: all)
  --protocol NAME      ${PROTOCOLS.join(" | ")} (default ${DEFAULT_PROTOCOL})
  --gzip               compress bodies with gzip
  --verify             look the marker up in CloudWatch Logs with your AWS credentials (default chain)
  --region R           region to verify in (default: from the execute-api URL, else AWS_REGION)
  --log-group NAME     the OTLP log group to search (default ${DEFAULT_LOG_GROUP})
  --timeout S          seconds to wait for the marker with --verify (default ${DEFAULT_TIMEOUT_SECONDS})
  -h, --help           print this help

Exit code: 0 when every route answered 200 (and, with --verify, logs and spans arrived), 1 otherwise, 2 for bad arguments.
`;

const VALUE_FLAGS: readonly string[] = ["--endpoint", "--api-key", "--region", "--log-group", "--timeout", "--signals", "--protocol"];
const SWITCHES: readonly string[] = ["--verify", "--gzip", "--help", "-h"];
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** CloudWatch Logs' allowed log group names. */
const LOG_GROUP_NAME = /^[\w./#-]{1,512}$/;

/**
 * Parses the smoke test's arguments (the part after `npm run smoke --`); `env` supplies the fallback region. Accepts
 * `--flag value` and `--flag=value`. Never throws: every problem comes back as a message naming the flag and value.
 */
export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): ParseResult {
  const flags = readFlagsOrProblem(argv, { valueFlags: VALUE_FLAGS, switches: SWITCHES });
  if (typeof flags === "string") return error(flags);
  if (flags.has("--help") || flags.has("-h")) return { kind: "help" };

  const endpointText = flags.value("--endpoint");
  if (endpointText === undefined) return error("--endpoint is required");
  const endpoint = parseEndpoint(endpointText);
  if (typeof endpoint !== "string") return endpoint;

  const apiKey = flags.value("--api-key") ?? env[API_KEY_ENV];
  if (apiKey === undefined || apiKey === "") return error(`--api-key (or ${API_KEY_ENV}) is required`);

  const signals = parseSignals(flags.value("--signals"));
  if (!Array.isArray(signals)) return signals;

  const protocol = flags.value("--protocol") ?? DEFAULT_PROTOCOL;
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) return error(`--protocol must be one of ${PROTOCOLS.join(", ")}, got "${protocol}"`);

  const timeoutText = flags.value("--timeout");
  const timeoutSeconds = timeoutText === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) return error(`--timeout must be a positive number of seconds, got "${timeoutText}"`);

  const logGroupName = flags.value("--log-group") ?? DEFAULT_LOG_GROUP;
  if (!LOG_GROUP_NAME.test(logGroupName)) {
    return error(`--log-group must be 1-512 letters, digits and . _ - / #, got "${logGroupName}"`);
  }

  const explicitRegion = flags.value("--region");
  if (explicitRegion !== undefined && !REGION.test(explicitRegion)) return error(`--region must be a region name like us-west-2, got "${explicitRegion}"`);
  const region = explicitRegion ?? regionFromEndpoint(endpoint) ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const verify = flags.has("--verify");
  if (verify && region === undefined) {
    return error("--verify needs --region: the endpoint is not an execute-api URL and AWS_REGION is not set");
  }

  return {
    kind: "run",
    options: { endpoint, apiKey, region, verify, logGroupName, timeoutSeconds, signals, protocol: protocol as Protocol, gzip: flags.has("--gzip") },
  };
}

function parseEndpoint(text: string): string | ParseResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return error(`--endpoint must be an http:// or https:// URL, got "${text}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return error(`--endpoint must be an http:// or https:// URL, got "${text}"`);
  if (url.search || url.hash) return error(`--endpoint must not have a query or fragment, got "${text}"`);
  const base = `${url.origin}${url.pathname}`.replace(/\/+$/, "");
  const signalSuffix = /\/v1\/(metrics|traces|logs)$/.exec(base);
  if (signalSuffix) {
    return error(`--endpoint is the base URL; /v1/<signal> is added for each route. Use "${base.slice(0, signalSuffix.index)}"`);
  }
  return base;
}

function parseSignals(text: string | undefined): Signal[] | ParseResult {
  if (text === undefined) return [...SIGNALS];
  const parts = text.split(",").map((part) => part.trim());
  const unknown = parts.filter((part) => !isSignal(part));
  if (unknown.length > 0 || parts.length === 0) {
    return error(`--signals must be a comma-separated list of ${SIGNALS.join(", ")}, got "${text}"`);
  }
  return SIGNALS.filter((signal) => parts.includes(signal));
}

function error(message: string): ParseResult {
  return { kind: "error", message };
}
