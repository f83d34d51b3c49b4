import { PRESET_NAMES, PresetName } from "./presets";
import { ExportIntervals } from "./request-model";
import { TOOL_IDS, ToolId, isToolId } from "./tool-profiles";
import { ParseOutcome, readFlagsOrProblem } from "../../infra/cli-flags/read-flags";

/** Hours a day a developer uses the tool, when not given. */
export const DEFAULT_ACTIVE_HOURS_PER_DAY = 8;
/** Days a month a developer uses the tool (working days), when not given. */
export const DEFAULT_DAYS_PER_MONTH = 21;
/** The tool assumed when not given. */
export const DEFAULT_TOOL: ToolId = "claude-code";

/** The calculator's options after parsing. */
export interface CliOptions {
  /** One or more team sizes. */
  readonly developers: readonly number[];
  /** The tool every developer uses. */
  readonly tool: ToolId;
  /** Hours a day the tool is in use. */
  readonly activeHoursPerDay: number;
  /** Hours a day the tool process runs; the active hours when not given. */
  readonly runningHoursPerDay: number;
  /** Days a month the tool is used. */
  readonly daysPerMonth: number;
  /** The preset; absent means `default` for a report and both presets for a `--markdown` table. */
  readonly preset?: PresetName;
  /** Intervals given explicitly. */
  readonly overrides: ExportIntervals;
  /** `--traces` (true) or `--no-traces` (false); absent follows the tool. */
  readonly traces?: boolean;
  /** `--with-alb`: add a load balancer's fixed charge to the collector. */
  readonly includeAlb: boolean;
  /** `--markdown`: print a Markdown table instead of a report. */
  readonly markdown: boolean;
}

export type ParseResult = ParseOutcome<CliOptions>;

/** The usage text printed with `--help` and after every usage error. */
export const USAGE = `Usage: npm run cost -- --developers N[,N...] [options]

Estimates a month of requests through the OTLP proxy and their API Gateway REST API price (us-east-1),
beside an always-on OpenTelemetry collector on AWS Fargate.

Options:
  --developers N[,N...]       team size(s), positive integers (required)
  --tool NAME                 ${TOOL_IDS.join(" | ")} (default ${DEFAULT_TOOL})
  --active-hours-per-day H    hours a day the tool is in use (default ${DEFAULT_ACTIVE_HOURS_PER_DAY})
  --running-hours-per-day H   hours a day the tool runs, idle or not; metrics export all that time
                              (default: the active hours)
  --days-per-month D          days a month the tool is used (default ${DEFAULT_DAYS_PER_MONTH})
  --preset NAME               ${PRESET_NAMES.join(" | ")} (default: default; --markdown shows both)
  --metrics-interval S        seconds between metric exports (overrides the preset)
  --logs-interval S           seconds between log exports (overrides the preset)
  --traces-interval S         seconds between span exports (overrides the preset)
  --traces | --no-traces      count traces or not (default: whatever the tool does)
  --with-alb                  add an Application Load Balancer's hourly charge to the collector
  --markdown                  print a Markdown table
  -h, --help                  print this help
`;

type NumberFlag =
  | "--active-hours-per-day"
  | "--running-hours-per-day"
  | "--days-per-month"
  | "--metrics-interval"
  | "--logs-interval"
  | "--traces-interval";

const NUMBER_FLAGS: readonly NumberFlag[] = [
  "--active-hours-per-day",
  "--running-hours-per-day",
  "--days-per-month",
  "--metrics-interval",
  "--logs-interval",
  "--traces-interval",
];
const VALUE_FLAGS: readonly string[] = ["--developers", "--tool", "--preset", ...NUMBER_FLAGS];
const SWITCHES: readonly string[] = ["--traces", "--no-traces", "--with-alb", "--markdown", "--help", "-h"];

/**
 * Parses the calculator's arguments (the part after `npm run cost --`). Accepts `--flag value` and
 * `--flag=value`. Never throws: every problem comes back as a message naming the flag, the value and what is
 * allowed.
 */
export function parseArgs(argv: readonly string[]): ParseResult {
  const flags = readFlagsOrProblem(argv, { valueFlags: VALUE_FLAGS, switches: SWITCHES });
  if (typeof flags === "string") return error(flags);
  if (flags.has("--help") || flags.has("-h")) return { kind: "help" };
  if (flags.has("--traces") && flags.has("--no-traces")) return error("--traces and --no-traces are mutually exclusive");

  const developersText = flags.value("--developers");
  if (developersText === undefined) return error("--developers is required");
  const developers: number[] = [];
  for (const part of developersText.split(",")) {
    const n = Number(part.trim());
    if (part.trim() === "" || !Number.isInteger(n) || n <= 0) {
      return error(`--developers must be positive integers separated by commas, got "${developersText}"`);
    }
    developers.push(n);
  }

  const tool = flags.value("--tool") ?? DEFAULT_TOOL;
  if (!isToolId(tool)) return error(`--tool must be one of ${TOOL_IDS.join(", ")}, got "${tool}"`);

  const preset = flags.value("--preset");
  if (preset !== undefined && !(PRESET_NAMES as readonly string[]).includes(preset)) {
    return error(`--preset must be one of ${PRESET_NAMES.join(", ")}, got "${preset}"`);
  }

  const numbers = new Map<NumberFlag, number>();
  for (const flag of NUMBER_FLAGS) {
    const text = flags.value(flag);
    if (text === undefined) continue;
    const n = Number(text);
    if (text.trim() === "" || !Number.isFinite(n) || n <= 0) return error(`${flag} must be a positive number, got "${text}"`);
    numbers.set(flag, n);
  }
  const activeHoursPerDay = numbers.get("--active-hours-per-day") ?? DEFAULT_ACTIVE_HOURS_PER_DAY;
  const runningHoursPerDay = numbers.get("--running-hours-per-day") ?? activeHoursPerDay;
  const daysPerMonth = numbers.get("--days-per-month") ?? DEFAULT_DAYS_PER_MONTH;
  if (activeHoursPerDay > 24) return error(`--active-hours-per-day must be at most 24, got ${activeHoursPerDay}`);
  if (runningHoursPerDay > 24) return error(`--running-hours-per-day must be at most 24, got ${runningHoursPerDay}`);
  if (runningHoursPerDay < activeHoursPerDay) {
    return error(`--running-hours-per-day (${runningHoursPerDay}) must be at least --active-hours-per-day (${activeHoursPerDay})`);
  }
  if (daysPerMonth > 31) return error(`--days-per-month must be at most 31, got ${daysPerMonth}`);

  const traces = flags.has("--traces") ? true : flags.has("--no-traces") ? false : undefined;
  return {
    kind: "run",
    options: {
      developers,
      tool,
      activeHoursPerDay,
      runningHoursPerDay,
      daysPerMonth,
      preset: preset as PresetName | undefined,
      overrides: {
        metricsSeconds: numbers.get("--metrics-interval"),
        logsSeconds: numbers.get("--logs-interval"),
        tracesSeconds: numbers.get("--traces-interval"),
      },
      traces,
      includeAlb: flags.has("--with-alb"),
      markdown: flags.has("--markdown"),
    },
  };
}

function error(message: string): ParseResult {
  return { kind: "error", message };
}
