import { Estimate, estimate } from "./estimate";
import { formatMarkdownAssumptions, formatMarkdownTable, formatReport } from "./format";
import { CliOptions, USAGE, parseArgs } from "./parse-cost-args";
import { PRESET_NAMES, PresetName } from "./presets";

/** Exit code for bad arguments. */
const USAGE_ERROR = 2;

function estimates(options: CliOptions, presets: readonly PresetName[]): Estimate[] {
  return options.developers.flatMap((developers) =>
    presets.map((preset) => estimate({ ...options, developers, preset })),
  );
}

function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.kind === "error") {
    process.stderr.write(`error: ${parsed.message}\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  const options = parsed.options;
  if (options.markdown) {
    const all = estimates(options, options.preset === undefined ? PRESET_NAMES : [options.preset]);
    process.stdout.write(formatMarkdownTable(all) + "\n" + formatMarkdownAssumptions(all[0]));
  } else {
    const all = estimates(options, [options.preset ?? "default"]);
    process.stdout.write(all.map(formatReport).join("\n"));
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
