import { resolveApiKeys } from "./api-keys";
import { parseCliArgs, USAGE, UsageError } from "./cli-args";
import { loadStack } from "./load-stack";
import { LocalGatewayError } from "./local-gateway-error";
import { startLocalGateway } from "./server";
import { formatBanner } from "./setup-banner";
import { prepareSinkDir } from "./sink";

/** `npm run local`: exit 2 for a bad command line, 1 for a one-line error, 0 after Ctrl-C. */
async function main(argv: readonly string[]): Promise<void> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  // Checked before the stack is synthesized and planned, which takes a while: a bad --sink fails at once.
  if (args.sink !== undefined) prepareSinkDir(args.sink);
  const { store, generated } = resolveApiKeys(args.apiKeys);
  const stack = loadStack({
    stackName: args.stackName,
    stackFile: args.stackFile,
    onSynth: (message) => console.error(message),
    onPlan: (message) => console.error(message),
  });
  const gateway = await startLocalGateway({ stack: stack.doc, host: args.host, port: args.port, apiKeys: store, upstream: args.upstream, sink: args.sink });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping`);
    void gateway.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  // Printed last, once Ctrl-C is handled: whoever waits for the banner can stop the gateway cleanly right away.
  console.log(formatBanner({ stack: stack.name, endpoint: gateway.endpoint, model: gateway.model, keys: store.keys, generatedKey: generated, upstream: args.upstream, sink: args.sink }));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof LocalGatewayError ? error.message : `unexpected: ${(error as Error).message ?? String(error)}`;
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
});
