import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildApp } from "../../src/infra/app/build-app";
import { runSynth, SYNTH_USAGE } from "../../src/infra/app/synth-cli";
import { describeRegion, removeStaleStacks } from "../../src/infra/app/synth-report";
import { parseSettings } from "../../src/infra/settings/parse-settings";
import { PROJECT_ROOT } from "../support/project";
import { runScript } from "../support/run-script";

function run(argv: string[], context: Record<string, unknown>, outdir = mkdtempSync(join(tmpdir(), "synth-cli-"))) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = runSynth(argv, { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) }, { outdir, context });
  return { code, stdout, stderr, outdir };
}

/** main.ts as `npm run synth` runs it, in `cwd` (whose cdktf.json it reads). */
const synthProcess = (args: string[], cwd: string = PROJECT_ROOT, env: NodeJS.ProcessEnv = {}) => runScript("main.ts", args, { cwd, env });

describe("npm run synth", () => {
  test("reports each stack's folder and what its module call sets up", () => {
    const r = run([], { otlpProxy: { regions: ["us-east-1", "eu-west-1"], signals: { default: ["traces", "logs"], "us-east-1": ["metrics", "traces", "logs"] }, alarms: { enabled: false } } });
    expect(r.code).toBe(0);
    // Traces without Transaction Search from this project: the one warning synth gives (synth-warnings.test.ts).
    expect(r.stderr).toEqual([expect.stringMatching(/^Warning: \/v1\/traces in us-east-1, eu-west-1 needs X-Ray Transaction Search/)]);
    expect(r.stdout).toEqual([
      `otlp-proxy-us-east-1 → ${join(r.outdir, "stacks", "otlp-proxy-us-east-1")} (module otlp_proxy: 3 routes (metrics, traces, logs), 1 team, dashboard, no alarms, access logs)`,
      `otlp-proxy-eu-west-1 → ${join(r.outdir, "stacks", "otlp-proxy-eu-west-1")} (module otlp_proxy: 2 routes (traces, logs), 1 team, dashboard, no alarms, access logs)`,
    ]);
    expect(readdirSync(join(r.outdir, "stacks")).sort()).toEqual(["otlp-proxy-eu-west-1", "otlp-proxy-us-east-1"]);
  });

  test("describeRegion counts teams, alarms and the optional features as the settings give them", () => {
    const { settings } = parseSettings({
      regions: ["us-east-1"],
      teams: [{ name: "a" }, { name: "b" }],
      accessLogs: false,
      dashboard: { enabled: false },
      domainName: "otlp.example.com",
      certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012",
      transactionSearch: { enabled: true },
    });
    expect(describeRegion(settings, "us-east-1")).toBe(
      "module otlp_proxy: 3 routes (metrics, traces, logs), 2 teams, no dashboard, 3 alarms, no access logs, custom domain otlp.example.com, transaction search",
    );
  });

  test("removes the folders of regions no longer configured, and says so; nothing else is touched", () => {
    const outdir = mkdtempSync(join(tmpdir(), "synth-cli-"));
    const stacks = join(outdir, "stacks");
    for (const dir of ["otlp-proxy-ap-south-1", "otlp-proxy-sa-east-1", "my-notes", "otlp-proxy-custom"]) mkdirSync(join(stacks, dir), { recursive: true });
    writeFileSync(join(stacks, "otlp-proxy-ap-south-1", "cdk.tf.json"), "{}");
    writeFileSync(join(stacks, "otlp-proxy-sa-east-1", "terraform.tfstate"), "{}");
    writeFileSync(join(stacks, "otlp-proxy-eu-west-3"), "a file, not a stack folder");
    const r = run([], { otlpProxy: { regions: ["us-east-1"] } }, outdir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `Removed ${join(stacks, "otlp-proxy-ap-south-1")}: ap-south-1 is no longer in context.otlpProxy.regions (anything deployed there stays deployed).`,
    );
    expect(r.stderr).toEqual([
      expect.stringMatching(/^Warning: \/v1\/traces in us-east-1 needs X-Ray Transaction Search/),
      `Warning: kept ${join(stacks, "otlp-proxy-sa-east-1")}: sa-east-1 is no longer in context.otlpProxy.regions, but the folder holds Terraform state (terraform.tfstate).`,
    ]);
    expect(readdirSync(stacks).sort()).toEqual(["my-notes", "otlp-proxy-custom", "otlp-proxy-eu-west-3", "otlp-proxy-sa-east-1", "otlp-proxy-us-east-1"]);
  });

  test("removeStaleStacks prints paths relative to the working folder and does nothing without a stacks folder", () => {
    const outdir = mkdtempSync(join(tmpdir(), "synth-cli-"));
    expect(removeStaleStacks(join(outdir, "stacks"), ["us-east-1"], outdir)).toEqual({ lines: [], removed: [] });
    mkdirSync(join(outdir, "stacks", "otlp-proxy-eu-west-1"), { recursive: true });
    expect(removeStaleStacks(join(outdir, "stacks"), ["us-east-1"], outdir).lines).toEqual([
      "Removed stacks/otlp-proxy-eu-west-1: eu-west-1 is no longer in context.otlpProxy.regions (anything deployed there stays deployed).",
    ]);
  });

  test("without context.otlpProxy, synth warns that it used the defaults", () => {
    const r = run([], {});
    expect(r.code).toBe(0);
    expect(r.stderr[0]).toMatch(/^Warning: cdktf\.json has no context\.otlpProxy, so synth used the default settings/);
    expect(r.stdout).toHaveLength(5);
  });

  test("buildApp returns the same warning", () => {
    expect(buildApp({ outdir: mkdtempSync(join(tmpdir(), "synth-cli-")), context: {} }).warnings[0]).toContain("has no context.otlpProxy");
  });

  test("a near-miss settings key fails with one line and exit code 1, writing nothing", () => {
    const r = run([], { otlp_proxy: { regions: ["us-east-1"] } });
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual(["cdktf.json: context.otlp_proxy is not read; the settings key is context.otlpProxy (exactly this spelling). Rename it."]);
    expect(existsSync(join(r.outdir, "stacks"))).toBe(false);
  });

  test("wrong settings fail with exit code 1 and every problem, with the closest name", () => {
    const r = run([], { otlpProxy: { stagename: "v1" } });
    expect(r.code).toBe(1);
    expect(r.stderr.join("\n")).toContain("context.otlpProxy.stagename: received \"v1\"");
    expect(r.stderr.join("\n")).toContain("did you mean stageName?");
  });

  test.each([[["--bogus"]], [["--help=yes"]], [["stacks"]]])("refuses %j with its usage and exit code 2, writing nothing", (argv) => {
    const r = run(argv, { otlpProxy: { regions: ["us-east-1"] } });
    expect(r.code).toBe(2);
    expect(r.stdout).toEqual([]);
    expect(r.stderr.join("\n")).toMatch(/^error: .*\n\nUsage: npm run synth/);
    expect(existsSync(join(r.outdir, "stacks"))).toBe(false);
  });

  test.each([[["--help"]], [["-h"]]])("%j prints the usage and exits 0 without synthesizing", (argv) => {
    const r = run(argv, { otlpProxy: { regions: ["us-east-1"] } });
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual([SYNTH_USAGE.trimEnd()]);
    expect(existsSync(join(r.outdir, "stacks"))).toBe(false);
  });

  describe("main.ts, as npm run synth runs it", () => {
    test("an unknown flag: usage and exit code 2", () => {
      const r = synthProcess(["--bogus"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('error: unknown argument "--bogus"');
      expect(r.stderr).toContain("Usage: npm run synth");
      expect(r.stdout).toBe("");
    });

    test("a JSON syntax error in cdktf.json: one line with line and column, exit code 1, no stack trace", () => {
      const dir = mkdtempSync(join(tmpdir(), "synth-cli-project-"));
      writeFileSync(join(dir, "cdktf.json"), '{\n  "context": {\n    "otlpProxy": { "regions": ["us-east-1"], }\n  }\n}\n');
      const r = synthProcess([], dir, { CDKTF_OUTDIR: join(dir, "out") });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`${join(dir, "cdktf.json")}: invalid JSON at line 3, column 46: Expected double-quoted property name\n`);
      expect(r.stdout).toBe("");
    });
  });
});
