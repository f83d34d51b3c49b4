import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { MODULE_VARIABLES } from "../../../src/infra/module/module-variables";
import { MODULE_0_2_FILE_NAMES, MODULE_FILE_NAMES, moduleFiles, writeModule } from "../../../src/infra/module/write-module";
import { MODULE_DIR } from "../../../src/infra/module/module-dir";
import { MODULE_OUTPUTS } from "../../../src/infra/module/parts/outputs";
import { committedModule } from "../../support/plan-module";
import { initAndValidate, terraform } from "../../support/terraform-cli";

/** Every file under `dir`, relative and `/`-separated, sorted (Terraform's own dot-folders left out). */
function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("."))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

const EXAMPLE_REGIONS = ["us-east-1", "eu-west-1"];

// The module every region stack calls, as committed in modules/otlp-proxy: what `npm run module` writes, valid
// Terraform offline (init -backend=false, validate) on its own and from its two-region example, and documented.
// Terraform runs in copies, so the committed folder never gets a .terraform folder or a lock file. One validate checks
// both: the root is a copy of the module (so it is validated on its own, its inputs unset) with one more file calling
// the example in a second copy (the example calls its module as "../..", which must not be the root itself).
describe("the committed Terraform module (modules/otlp-proxy)", () => {
  const folder = mkdtempSync(join(tmpdir(), "otlp-proxy-module-"));
  const copy = join(folder, "otlp-proxy");
  cpSync(MODULE_DIR, copy, { recursive: true });
  cpSync(MODULE_DIR, join(folder, "example-copy", "otlp-proxy"), { recursive: true });
  writeFileSync(join(copy, "zz_validate_example.tf.json"), JSON.stringify({ module: { two_regions_example: { source: "../example-copy/otlp-proxy/examples/two-regions" } } }));
  let validation: string | undefined;
  /** `terraform validate` of the module with its example, run once for both tests. */
  const validated = () => (validation ??= initAndValidate(copy));

  // That each file is byte for byte what src/infra/module generates is __tests__/module/committed-module.test.ts.
  test("holds the files npm run module writes, and no other", () => {
    expect(filesUnder(MODULE_DIR)).toEqual([...MODULE_FILE_NAMES].sort());
  });

  test("is valid Terraform on its own", () => {
    expect(validated()).toContain("Success! The configuration is valid.");
  }, 300_000);

  test("is formatted as terraform fmt writes it", () => {
    const fmt = terraform(join(folder, "example-copy", "otlp-proxy"), ["fmt", "-check", "-recursive", "-diff"]);
    expect(fmt.output).toBe("");
    expect(fmt.status).toBe(0);
  });

  test("declares no provider and no backend, only the Terraform and aws provider requirements", () => {
    const { main, variables, outputs, versions } = committedModule();
    const all = { ...main, ...variables, ...outputs, ...versions };
    expect(all.provider).toBeUndefined();
    expect(all.module).toBeUndefined();
    // The JSON view is what the committed HCL is rendered from; the HCL itself must not add a block of its own.
    for (const name of MODULE_FILE_NAMES.filter((file) => file.endsWith(".tf") && !file.startsWith("examples/"))) {
      expect(readFileSync(join(MODULE_DIR, name), "utf8")).not.toMatch(/^(provider|module)\s|^\s*backend\s/m);
    }
    expect(all.terraform).toEqual({ required_version: expect.stringMatching(/^>= 1\./), required_providers: { aws: { source: "hashicorp/aws", version: ">= 5.100.0, < 6.0.0" } } });
  });

  test("has a two-region example that calls it per region with aliased providers, and is valid", () => {
    const example = readFileSync(join(MODULE_DIR, "examples", "two-regions", "main.tf"), "utf8");
    for (const region of EXAMPLE_REGIONS) {
      const name = region.replace(/-/g, "_");
      expect(example).toMatch(new RegExp(`alias +=\\s*"${name}"\\n\\s*region +=\\s*"${region}"`));
      expect(example).toMatch(new RegExp(`module "otlp_proxy_${name}" \\{\\n  source +=\\s*"\\.\\./\\.\\."\\n  providers += \\{ aws = aws\\.${name} \\}`));
    }
    expect(validated()).toContain("Success! The configuration is valid.");
  }, 300_000);

  test("has a README with every input and output", () => {
    const readme = readFileSync(join(MODULE_DIR, "README.md"), "utf8");
    const variables = Object.keys(committedModule().variables.variable);
    expect(variables.sort()).toEqual(MODULE_VARIABLES.map((v) => v.name).sort());
    for (const variable of variables) expect(readme).toContain(`| \`${variable}\` |`);
    expect(MODULE_OUTPUTS.length).toBeGreaterThan(10);
    for (const output of MODULE_OUTPUTS) expect(readme).toContain(`| \`${output.name}\` |`);
    expect(readme).toContain("-parallelism=1` is not needed");
  });
});

describe("writeModule (npm run module)", () => {
  test("writes the module's files into a folder, creating it, removes 0.2.0's JSON files, and leaves every other file there alone", () => {
    // GIVEN
    const outDir = join(mkdtempSync(join(tmpdir(), "otlp-proxy-write-module-")), "nested", "otlp-proxy");
    const written = writeModule(outDir);
    writeFileSync(join(outDir, "keep.tf"), "# mine\n");
    writeFileSync(join(outDir, "main.tf"), "# stale\n");
    for (const name of MODULE_0_2_FILE_NAMES) writeFileSync(join(outDir, name), "{}");
    // WHEN
    expect(writeModule(outDir)).toEqual(written);
    // THEN
    expect([...written].sort()).toEqual([...MODULE_FILE_NAMES].sort());
    expect(filesUnder(outDir)).toEqual([...MODULE_FILE_NAMES, "keep.tf"].sort());
    expect(readFileSync(join(outDir, "keep.tf"), "utf8")).toBe("# mine\n");
    const generated = moduleFiles();
    for (const name of MODULE_FILE_NAMES) expect(readFileSync(join(outDir, name), "utf8")).toBe(generated[name]);
  });
});
