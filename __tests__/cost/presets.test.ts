import { RECOMMENDED, resolveIntervals, toExportIntervals } from "../../src/tools/cost/presets";
import { TOOL_PROFILES } from "../../src/tools/cost/tool-profiles";

describe("resolveIntervals", () => {
  test("keeps Claude Code's own 60 s metrics and 5 s logs by default, with traces off", () => {
    const r = resolveIntervals(TOOL_PROFILES["claude-code"], { preset: "default", overrides: {} });
    expect(toExportIntervals(r)).toEqual({ metricsSeconds: 60, logsSeconds: 5, tracesSeconds: undefined });
    expect(r.logs?.source).toBe("tool default");
  });

  test("applies the recommended preset to signals whose interval the tool lets you set", () => {
    const r = resolveIntervals(TOOL_PROFILES.sdk, { preset: "recommended", overrides: {}, traces: true });
    expect(toExportIntervals(r)).toEqual({
      metricsSeconds: RECOMMENDED.metricsSeconds,
      logsSeconds: RECOMMENDED.logsSeconds,
      tracesSeconds: RECOMMENDED.tracesSeconds,
    });
  });

  test("leaves Gemini CLI's fixed 10 s metric interval alone under the recommended preset", () => {
    const r = resolveIntervals(TOOL_PROFILES["gemini-cli"], { preset: "recommended", overrides: {} });
    expect(r.metrics).toEqual({ seconds: 10, source: "tool default" });
  });

  test("lets an explicit interval win over the preset", () => {
    const r = resolveIntervals(TOOL_PROFILES["claude-code"], { preset: "recommended", overrides: { logsSeconds: 12 } });
    expect(r.logs).toEqual({ seconds: 12, source: "flag" });
  });

  test("notes an explicit interval the tool has no known setting for", () => {
    const r = resolveIntervals(TOOL_PROFILES["gemini-cli"], { preset: "default", overrides: { metricsSeconds: 60 } });
    expect(r.metrics?.seconds).toBe(60);
    expect(r.notes).toEqual(["Gemini CLI has no known setting for its metrics interval; 60 s is a what-if"]);
  });

  test("counts Copilot CLI's traces by default and never any logs", () => {
    const r = resolveIntervals(TOOL_PROFILES["copilot-cli"], { preset: "default", overrides: { logsSeconds: 9 } });
    expect(r.traces?.seconds).toBe(5);
    expect(r.logs).toBeUndefined();
    expect(r.notes).toEqual(["GitHub Copilot CLI sends no logs; --logs-interval ignored"]);
  });

  test("turns Claude Code's traces on with --traces and a tool's traces off with --no-traces", () => {
    expect(resolveIntervals(TOOL_PROFILES["claude-code"], { preset: "default", overrides: {}, traces: true }).traces?.seconds).toBe(5);
    expect(resolveIntervals(TOOL_PROFILES.codex, { preset: "default", overrides: {}, traces: false }).traces).toBeUndefined();
  });
});
