import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { AWS_PROVIDER_REQUIREMENT } from "../../src/infra/module/module-requirements";
import { MODULE_FILE_NAMES } from "../../src/infra/module/write-module";
import { PROJECT_ROOT } from "../support/project";
import { runScript } from "../support/run-script";
import { synthesizeApp } from "../support/synth";

/** `npm run module -- ...`. */
const moduleCli = (args: string[]) => runScript("src/infra/module/module-cli.ts", args);

function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

describe("npm run module", () => {
  test("--out DIR writes the module's files and leaves every other file in DIR as it was", () => {
    const out = mkdtempSync(join(tmpdir(), "module-cli-"));
    mkdirSync(join(out, "examples", "mine"), { recursive: true });
    const foreign = { "notes.txt": "mine", "old.tf.json": "{}", "examples/mine/main.tf": "# mine", ".terraform.lock.hcl": "# lock" };
    for (const [file, text] of Object.entries(foreign)) writeFileSync(join(out, file), text);
    const r = moduleCli(["--out", out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(filesUnder(out)).toEqual([...Object.keys(foreign), ...MODULE_FILE_NAMES].sort());
    for (const [file, text] of Object.entries(foreign)) expect(readFileSync(join(out, file), "utf8")).toBe(text);
  });

  test.each([[["--bogus"]], [["--out"]], [["out-dir"]]])("refuses %j with its usage and exit code 2, writing nothing", (argv) => {
    const r = moduleCli(argv);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: .*\n\nUsage: npm run module -- \[--out DIR\]/);
    expect(existsSync(join(PROJECT_ROOT, "out-dir"))).toBe(false);
  });

  test("--help prints the usage and exits 0 without writing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "module-cli-")), "never");
    const r = moduleCli(["--help", "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: npm run module -- [--out DIR]");
    expect(existsSync(out)).toBe(false);
  });
});

describe("the module's provider constraint", () => {
  test("states the tested range: 5.100.0 up to the next major version", () => {
    expect(AWS_PROVIDER_REQUIREMENT).toEqual({ source: "hashicorp/aws", version: ">= 5.100.0, < 6.0.0" });
  });

  test("admits the exact version the region stacks pin", () => {
    const [stack] = synthesizeApp({ regions: ["us-east-1"] });
    const pinned: string = stack.json.terraform.required_providers.aws.version;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const [lower, upper] = AWS_PROVIDER_REQUIREMENT.version.split(",").map((part) => part.trim().replace(/^[<>=]+\s*/, ""));
    const n = (v: string) => v.split(".").map(Number).reduce((sum, part) => sum * 1000 + part, 0);
    expect(n(pinned)).toBeGreaterThanOrEqual(n(lower));
    expect(n(pinned)).toBeLessThan(n(upper));
  });
});
