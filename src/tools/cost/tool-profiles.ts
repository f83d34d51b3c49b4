/** The tools the calculator knows, by command-line name. */
export type ToolId = "claude-code" | "gemini-cli" | "copilot-cli" | "codex" | "sdk";

/** Every {@link ToolId}, in the order they are listed in usage and tables. */
export const TOOL_IDS: readonly ToolId[] = ["claude-code", "gemini-cli", "copilot-cli", "codex", "sdk"];

/** How often a tool exports one signal. */
export interface SignalCadence {
  /** Seconds between exports when nothing is configured. */
  readonly defaultIntervalSeconds: number;
  /**
   * The setting the tool documents (or the OpenTelemetry specification defines, for the SDK) for changing the
   * interval. Absent when the interval is fixed or no setting is known to be honoured.
   */
  readonly setting?: string;
  /** Where the default comes from: the tool's own behaviour, or an assumed OpenTelemetry SDK default. */
  readonly basis: string;
}

/** Cadence of a tool's traces, which some tools send only when asked. */
export interface TraceCadence extends SignalCadence {
  /** Whether the tool exports spans once telemetry is pointed at the proxy, without a further switch. */
  readonly onByDefault: boolean;
}

/** What one tool sends and how often. A signal the tool never sends is absent. */
export interface ToolProfile {
  /** Command-line name. */
  readonly id: ToolId;
  /** Display name. */
  readonly name: string;
  /** The release whose behaviour this profile records. */
  readonly versionChecked: string;
  /** Metric exports, while the tool runs. */
  readonly metrics?: SignalCadence;
  /** Log (event) exports, while the tool is in use. */
  readonly logs?: SignalCadence;
  /** Span exports, while the tool is in use. */
  readonly traces?: TraceCadence;
}

const SPEC_METRICS = "OpenTelemetry SDK default (60 s periodic reader), assumed";
const SPEC_LOGS = "OpenTelemetry SDK default (1 s batch log processor delay), assumed";
const SPEC_SPANS = "OpenTelemetry SDK default (5 s batch span processor delay), assumed";

/** Tool profiles, from the tools' checked releases (see the onboarding guide for the versions' sources). */
export const TOOL_PROFILES: Readonly<Record<ToolId, ToolProfile>> = {
  "claude-code": {
    id: "claude-code",
    name: "Claude Code",
    versionChecked: "2.1.197",
    metrics: { defaultIntervalSeconds: 60, setting: "OTEL_METRIC_EXPORT_INTERVAL", basis: "Claude Code default" },
    logs: { defaultIntervalSeconds: 5, setting: "OTEL_LOGS_EXPORT_INTERVAL", basis: "Claude Code default" },
    traces: { defaultIntervalSeconds: 5, onByDefault: false, basis: `beta, opt-in; ${SPEC_SPANS}` },
  },
  "gemini-cli": {
    id: "gemini-cli",
    name: "Gemini CLI",
    versionChecked: "0.61.0",
    metrics: { defaultIntervalSeconds: 10, basis: "Gemini CLI, fixed" },
    logs: { defaultIntervalSeconds: 1, basis: SPEC_LOGS },
    traces: { defaultIntervalSeconds: 5, onByDefault: true, basis: SPEC_SPANS },
  },
  "copilot-cli": {
    id: "copilot-cli",
    name: "GitHub Copilot CLI",
    versionChecked: "1.0.102",
    metrics: { defaultIntervalSeconds: 60, basis: SPEC_METRICS },
    traces: { defaultIntervalSeconds: 5, onByDefault: true, basis: SPEC_SPANS },
  },
  codex: {
    id: "codex",
    name: "OpenAI Codex CLI",
    versionChecked: "0.171.0",
    metrics: { defaultIntervalSeconds: 60, basis: SPEC_METRICS },
    logs: { defaultIntervalSeconds: 1, basis: SPEC_LOGS },
    traces: { defaultIntervalSeconds: 5, onByDefault: true, basis: SPEC_SPANS },
  },
  sdk: {
    id: "sdk",
    name: "Any OpenTelemetry SDK",
    versionChecked: "OpenTelemetry specification",
    metrics: { defaultIntervalSeconds: 60, setting: "OTEL_METRIC_EXPORT_INTERVAL", basis: "OpenTelemetry specification" },
    logs: { defaultIntervalSeconds: 1, setting: "OTEL_BLRP_SCHEDULE_DELAY", basis: "OpenTelemetry specification" },
    traces: {
      defaultIntervalSeconds: 5,
      setting: "OTEL_BSP_SCHEDULE_DELAY",
      onByDefault: false,
      basis: "OpenTelemetry specification; only when the application creates spans",
    },
  },
};

/** Whether `value` names a known tool. */
export function isToolId(value: string): value is ToolId {
  return (TOOL_IDS as readonly string[]).includes(value);
}
