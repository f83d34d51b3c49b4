/** One problem with one setting: its name, what was received and what is allowed. */
export interface SettingProblem {
  readonly setting: string;
  readonly received: unknown;
  readonly allowed: string;
}

/** Thrown at synth when settings are wrong; lists every problem at once so one run shows them all. */
export class SettingsError extends Error {
  constructor(readonly problems: readonly SettingProblem[]) {
    super(
      [
        `Invalid otlpProxy settings in cdktf.json (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
        ...problems.map((p) => `  - context.otlpProxy${p.setting ? `.${p.setting}` : ""}: received ${describe(p.received)}; allowed: ${p.allowed}`),
      ].join("\n"),
    );
    this.name = "SettingsError";
  }
}

function describe(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}
