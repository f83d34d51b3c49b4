import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runSynthHclCli, SYNTH_HCL_USAGE } from "../../src/tools/hcl-export/synth-hcl";
import { runScript } from "../support/run-script";

function run(argv: string[]) {
  const outdir = join(mkdtempSync(join(tmpdir(), "synth-hcl-cli-")), "hcl");
  let stdout = "";
  let stderr = "";
  const code = runSynthHclCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { outdir, context: { otlpProxy: { regions: ["us-east-1"] } } });
  return { code, stdout, stderr, outdir };
}

describe("npm run synth:hcl's command line", () => {
  test.each([[["--help"]], [["-h"]]])("%j prints the usage and exits 0 without exporting anything", (argv) => {
    const r = run(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(SYNTH_HCL_USAGE);
    expect(r.stderr).toBe("");
    expect(existsSync(r.outdir)).toBe(false);
  });

  test.each([[["--bogus"]], [["--out", "x"]], [["dist"]]])("refuses %j with its usage and exit code 2, exporting nothing", (argv) => {
    const r = run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: unknown argument ".*"\n\nUsage: npm run synth:hcl/);
    expect(existsSync(r.outdir)).toBe(false);
  });

  test("a JSON syntax error in cdktf.json is one line with line and column, exit code 1, no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "synth-hcl-cli-project-"));
    writeFileSync(join(dir, "cdktf.json"), '{ "context": { "otlpProxy": { "regions": "us-east-1" ] } } }');
    const result = runScript("src/tools/hcl-export/synth-hcl.ts", [], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`synth:hcl: ${join(dir, "cdktf.json")}: invalid JSON at line 1, column 54: Expected ',' or '}' after property value\n`);
    expect(result.stdout).toBe("");
  });
});
