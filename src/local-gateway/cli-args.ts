/** The command line of `npm run local`. */
export interface CliArgs {
  readonly stackName?: string;
  readonly stackFile?: string;
  readonly host: string;
  readonly port: number;
  readonly apiKeys: readonly string[];
  readonly upstream?: string;
  readonly sink?: string;
  readonly help: boolean;
}

/** A command line that cannot be run; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

/** The usage text. */
export const USAGE = `Usage: npm run local -- --stack <name> [options]

Serves what cdktf.out/stacks/<name>/cdk.tf.json would deploy (synthesizing first if it is missing).

Options:
  --stack <name>        stack to serve, e.g. otlp-proxy-us-west-2
  --stack-file <path>   serve this cdk.tf.json instead of a named stack
  --host <address>      address to listen on (default 127.0.0.1)
  --port <n>            port to listen on (default 4318; 0 picks a free one)
  --api-key <key>       accepted x-api-key value, KEY or name=KEY; repeatable
                        (default: OTLP_PROXY_LOCAL_API_KEYS, comma-separated, else one generated key)
  --upstream <url>      send signed integration requests to <url>/v1/<signal> instead of CloudWatch
  --sink <dir>          no AWS: write each request as OTLP/JSON under <dir>/<signal>/ and answer 200 {}
  --help                show this text
`;

/** Parses `process.argv.slice(2)`; throws {@link UsageError} for anything it cannot run. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const values: Record<string, string> = {};
  const apiKeys: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const [flag, inline] = arg.startsWith("--") && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (!["--stack", "--stack-file", "--host", "--port", "--api-key", "--upstream", "--sink"].includes(flag)) {
      throw new UsageError(`Unknown argument: ${arg}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
    if (flag === "--api-key") apiKeys.push(value);
    else values[flag] = value;
  }
  if (help) return { host: "127.0.0.1", port: 4318, apiKeys, help };
  if (!values["--stack"] && !values["--stack-file"]) throw new UsageError("--stack is required (for example --stack otlp-proxy-us-west-2)");
  if (values["--stack"] && values["--stack-file"]) throw new UsageError("Give --stack or --stack-file, not both");
  if (values["--upstream"] && values["--sink"]) throw new UsageError("Give --upstream or --sink, not both: --sink never calls an upstream");
  const port = Number(values["--port"] ?? "4318");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got ${values["--port"]}`);
  const upstream = values["--upstream"];
  if (upstream !== undefined && !/^https?:\/\/[^/]+/.test(upstream)) throw new UsageError(`--upstream must be an http:// or https:// URL, got ${upstream}`);
  if (apiKeys.some((key) => key.trim() === "")) throw new UsageError("--api-key needs a non-empty key");
  return {
    stackName: values["--stack"],
    stackFile: values["--stack-file"],
    host: values["--host"] ?? "127.0.0.1",
    port,
    apiKeys,
    upstream,
    sink: values["--sink"],
    help,
  };
}
