import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { MODULE_VARIABLES } from "../../../src/export/module/module-variables";
import { synthesizeModule, writeModule } from "../../../src/export/module/write-module";
import { parseSettings } from "../../../src/settings/parse-settings";
import { projectSettings } from "../../support/synth";
import { initAndValidate, terraform, terraformEnv } from "../../support/terraform-cli";

// `npm run module`: the module and its two-region example pass terraform init -backend=false and validate offline.
describe("the written Terraform module", () => {
  const outDir = join(mkdtempSync(join(tmpdir(), "otlp-proxy-module-")), "terraform-module");
  const raw = projectSettings() as Record<string, unknown>;
  const { settings } = parseSettings(raw);

  let written: ReturnType<typeof writeModule>;

  beforeAll(() => {
    written = writeModule({ outDir, settings, configuredKeys: Object.keys(raw), env: terraformEnv() });
  }, 300_000);

  test("is written as HCL through the project's converter, in the usual files of a module", () => {
    expect(written.format).toBe("hcl");
    expect([...written.files].sort()).toEqual(["README.md", "examples/two-regions/main.tf", "main.tf", "outputs.tf", "variables.tf", "versions.tf"]);
    expect(readFileSync(join(outDir, "versions.tf"), "utf8")).not.toMatch(/provider "aws"|backend/);
  });

  test("is valid Terraform on its own, with no provider configuration", () => {
    expect(initAndValidate(outDir)).toContain("Success! The configuration is valid.");
  }, 300_000);

  test("has a two-region example that calls it per region with aliased providers, and is valid", () => {
    const dir = join(outDir, "examples", "two-regions");
    const example = readFileSync(join(dir, "main.tf"), "utf8");
    for (const region of settings.regions.slice(0, 2)) {
      const name = region.replace(/-/g, "_");
      expect(example).toContain(`alias  = "${name}"`);
      expect(example).toMatch(new RegExp(`module "otlp_proxy_${name}" \\{\\n  source    = "\\.\\./\\.\\."\\n  providers = \\{ aws = aws\\.${name} \\}`));
    }
    expect(example).toContain(`stage_name         = "${settings.stageName}"`);
    expect(initAndValidate(dir)).toContain("Success! The configuration is valid.");
  }, 300_000);

  test("is formatted as terraform fmt would", () => {
    expect(terraform(outDir, ["fmt", "-check", "-recursive"]).status).toBe(0);
  });

  test("has a README with every input and output", () => {
    const readme = readFileSync(join(outDir, "README.md"), "utf8");
    for (const variable of MODULE_VARIABLES) expect(readme).toContain(`| \`${variable.name}\` |`);
    for (const output of synthesizeModule().outputs.map((o) => o.name)) expect(readme).toContain(`| \`${output}\` |`);
    expect(readme).toContain("-parallelism=1` is not needed");
  });
});
