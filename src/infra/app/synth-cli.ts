import { join } from "path";
import { SettingsError } from "../settings/settings-error";
import { buildApp, BuildAppOptions } from "./build-app";
import { FlagError, readFlags } from "../cli-flags/read-flags";
import { removeStaleStacks, stackLines } from "./synth-report";

export const SYNTH_USAGE = `Usage: npm run synth [-- --help]

Synthesizes one Terraform stack per region in cdktf.json (context.otlpProxy) into cdktf.out/stacks/otlp-proxy-<region>/
(CDKTF_OUTDIR instead of cdktf.out when set), prints each stack's folder and what its module call sets up, and removes
the folders of otlp-proxy-<region> stacks whose region is no longer configured (never one that holds Terraform state).

Options:
  -h, --help   print this help
`;

/** Where the command writes: standard output for the report, standard error for warnings and errors. */
export interface SynthIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

/**
 * `npm run synth` (main.ts): 0 after writing the stacks, 1 for wrong settings or an unreadable cdktf.json (one message,
 * no stack trace), 2 for a command line it does not understand. Anything else is a bug and is thrown.
 */
export function runSynth(argv: readonly string[], io: SynthIo, options: BuildAppOptions = {}): number {
  try {
    const flags = readFlags(argv, { valueFlags: [], switches: ["--help", "-h"] });
    if (flags.has("--help") || flags.has("-h")) {
      io.stdout(SYNTH_USAGE.trimEnd());
      return 0;
    }
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    io.stderr(`error: ${error.message}\n\n${SYNTH_USAGE.trimEnd()}`);
    return 2;
  }
  try {
    const { app, settings, warnings } = buildApp(options);
    warnings.forEach((warning) => io.stderr(warning));
    app.synth();
    const stacksDir = join(app.outdir, "stacks");
    stackLines(settings, stacksDir).forEach((line) => io.stdout(line));
    const stale = removeStaleStacks(stacksDir, settings.regions);
    stale.lines.forEach((line) => (line.startsWith("Warning") ? io.stderr(line) : io.stdout(line)));
    return 0;
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    io.stderr(error.message);
    return 1;
  }
}
