import { isIP } from "net";
import { readFlagsOrProblem } from "../../infra/cli-flags/read-flags";

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

Serves what cdktf.out/stacks/<name>/cdk.tf.json would deploy (synthesizing first if it is missing), as
terraform plan evaluates the stack folder (a copy, with dummy AWS credentials; the plan is cached by content).

Options:
  --stack <name>        stack to serve, e.g. otlp-proxy-us-west-2
  --stack-file <path>   serve the stack folder holding this cdk.tf.json instead of a named stack
  --host <address>      address to listen on (default 127.0.0.1)
  --port <n>            port to listen on (default 4318; 0 picks a free one)
  --api-key <key>       accepted x-api-key value, KEY or name=KEY; repeatable
                        (default: OTLP_PROXY_LOCAL_API_KEYS, comma-separated, else one generated key)
  --upstream <url>      send signed integration requests to <url>/v1/<signal> instead of CloudWatch
  --sink <dir>          no AWS: write each request as OTLP/JSON under <dir>/<signal>/ and answer 200 as
                        CloudWatch does ({} to JSON, an empty body to protobuf)
  --help                show this text
`;

/** Parses `process.argv.slice(2)`; throws {@link UsageError} for anything it cannot run. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const flags = readFlagsOrProblem(argv, {
    valueFlags: ["--stack", "--stack-file", "--host", "--port", "--api-key", "--upstream", "--sink"],
    switches: ["--help", "-h"],
    repeatable: ["--api-key"],
  });
  if (typeof flags === "string") throw new UsageError(flags);
  const apiKeys = [...flags.values("--api-key")];
  const help = flags.has("--help") || flags.has("-h");
  if (help) return { host: "127.0.0.1", port: 4318, apiKeys, help };
  if (!flags.value("--stack") && !flags.value("--stack-file")) throw new UsageError("--stack is required (for example --stack otlp-proxy-us-west-2)");
  if (flags.value("--stack") && flags.value("--stack-file")) throw new UsageError("Give --stack or --stack-file, not both");
  if (flags.value("--upstream") && flags.value("--sink")) throw new UsageError("Give --upstream or --sink, not both: --sink never calls an upstream");
  const port = Number(flags.value("--port") ?? "4318");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got ${flags.value("--port")}`);
  const upstream = flags.value("--upstream");
  if (upstream !== undefined && !/^https?:\/\/[^/]+/.test(upstream)) throw new UsageError(`--upstream must be an http:// or https:// URL, got ${upstream}`);
  if (apiKeys.some((key) => key.trim() === "")) throw new UsageError("--api-key needs a non-empty key");
  const host = flags.value("--host") ?? "127.0.0.1";
  if (!isHost(host)) throw new UsageError(`--host must be an IP address or a host name of this machine, got ${host}`);
  return {
    stackName: flags.value("--stack"),
    stackFile: flags.value("--stack-file"),
    host,
    port,
    apiKeys,
    upstream,
    sink: flags.value("--sink"),
    help,
  };
}

/**
 * An IPv4 or IPv6 address, or a name that could be a host name. Dotted numbers that are no IPv4 address (`999.1.1.1`)
 * and anything with a colon that is no IPv6 address are refused here, so the error names --host, not the port.
 */
function isHost(host: string): boolean {
  if (isIP(host) !== 0) return true;
  if (/^[\d.]+$/.test(host) || host.includes(":")) return false;
  return /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(host);
}
