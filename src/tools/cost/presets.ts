import { RECOMMENDED } from "../../infra/clients/recommended-intervals";
import { ExportIntervals } from "./request-model";
import { SignalCadence, ToolProfile } from "./tool-profiles";

/** Named interval settings: `default` keeps each tool's own cadence, `recommended` applies {@link RECOMMENDED}. */
export type PresetName = "default" | "recommended";

/** Every {@link PresetName}. */
export const PRESET_NAMES: readonly PresetName[] = ["default", "recommended"];

export { RECOMMENDED };

/** Where a resolved interval came from. */
export type IntervalSource = "tool default" | "recommended" | "flag";

/** One signal's interval after presets and flags are applied. */
export interface ResolvedInterval {
  /** Seconds between exports. */
  readonly seconds: number;
  /** What set it. */
  readonly source: IntervalSource;
}

/** The intervals a run uses, and remarks about flags that could not be honoured as given. */
export interface ResolvedIntervals {
  /** Metric cadence; absent when the tool sends no metrics. */
  readonly metrics?: ResolvedInterval;
  /** Log cadence; absent when the tool sends no logs. */
  readonly logs?: ResolvedInterval;
  /** Span cadence; absent when traces are off or the tool sends none. */
  readonly traces?: ResolvedInterval;
  /** Human-readable remarks (ignored flags, intervals the tool may not honour). */
  readonly notes: readonly string[];
}

/** What the user asked for on top of a tool's profile. */
export interface IntervalRequest {
  /** The preset to start from. */
  readonly preset: PresetName;
  /** Intervals given explicitly; they win over the preset. */
  readonly overrides: ExportIntervals;
  /** `true` counts traces, `false` leaves them out; absent follows the tool's default. */
  readonly traces?: boolean;
}

/** Applies a preset, then explicit flags, to a tool's profile. */
export function resolveIntervals(profile: ToolProfile, request: IntervalRequest): ResolvedIntervals {
  const notes: string[] = [];
  const metrics = resolveSignal(profile, "metrics", profile.metrics, RECOMMENDED.metricsSeconds, request.preset, request.overrides.metricsSeconds, notes);
  const logs = resolveSignal(profile, "logs", profile.logs, RECOMMENDED.logsSeconds, request.preset, request.overrides.logsSeconds, notes);
  const tracesOn = profile.traces !== undefined && (request.traces ?? profile.traces.onByDefault);
  if (request.traces === true && profile.traces === undefined) {
    notes.push(`${profile.name} sends no traces; --traces ignored`);
  }
  const traces = tracesOn
    ? resolveSignal(profile, "traces", profile.traces, RECOMMENDED.tracesSeconds, request.preset, request.overrides.tracesSeconds, notes)
    : undefined;
  return { metrics, logs, traces, notes };
}

/** Converts resolved intervals to the request model's input. */
export function toExportIntervals(resolved: ResolvedIntervals): ExportIntervals {
  return {
    metricsSeconds: resolved.metrics?.seconds,
    logsSeconds: resolved.logs?.seconds,
    tracesSeconds: resolved.traces?.seconds,
  };
}

function resolveSignal(
  profile: ToolProfile,
  signal: "metrics" | "logs" | "traces",
  cadence: SignalCadence | undefined,
  recommendedSeconds: number,
  preset: PresetName,
  override: number | undefined,
  notes: string[],
): ResolvedInterval | undefined {
  if (cadence === undefined) {
    if (override !== undefined) notes.push(`${profile.name} sends no ${signal}; --${signal}-interval ignored`);
    return undefined;
  }
  if (override !== undefined) {
    if (cadence.setting === undefined) {
      notes.push(`${profile.name} has no known setting for its ${signal} interval; ${override} s is a what-if`);
    }
    return { seconds: override, source: "flag" };
  }
  if (preset === "recommended" && cadence.setting !== undefined) {
    return { seconds: recommendedSeconds, source: "recommended" };
  }
  return { seconds: cadence.defaultIntervalSeconds, source: "tool default" };
}
