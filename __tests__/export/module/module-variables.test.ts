import { DEFAULTS } from "../../../src/infra/settings/defaults";
import { MODULE_VARIABLES, SETTINGS_WITHOUT_VARIABLE, snakeCase, variableValue } from "../../../src/infra/module/module-variables";
import { MODULE_OUTPUTS } from "../../../src/infra/module/parts/outputs";
import { moduleInputs } from "../../../src/infra/stacks/module-inputs";
import { parseSettings } from "../../../src/infra/settings/parse-settings";
import { synthesizeApp } from "../../support/synth";
import { committedModule } from "../../support/plan-module";
import { oneLine } from "../../../src/infra/module/hcl/hcl-value";

// The committed module's inputs and outputs, held to the settings (DEFAULTS) and to what the region stacks pass and
// forward.
describe("the Terraform module's variables", () => {
  const files = committedModule();
  const outputs = MODULE_OUTPUTS;
  const declared = files.variables.variable as Record<string, any>;

  test("cover every setting in DEFAULTS except the documented exceptions, named in snake_case", () => {
    const expected = Object.keys(DEFAULTS)
      .filter((setting) => !(setting in SETTINGS_WITHOUT_VARIABLE))
      .map(snakeCase)
      .sort();
    expect(Object.keys(declared).sort()).toEqual(expected);
  });

  test("leave out only regions and backend, each with a written reason", () => {
    expect(Object.keys(SETTINGS_WITHOUT_VARIABLE).sort()).toEqual(["backend", "regions"]);
    for (const reason of Object.values(SETTINGS_WITHOUT_VARIABLE)) expect(reason!.length).toBeGreaterThan(40);
  });

  test.each(MODULE_VARIABLES.map((v) => [v.name, v]))("%s has a description, a type and the setting's default", (name, variable) => {
    const block = declared[name as string];
    expect(block.description).toMatch(/\w{3,}.*\./);
    expect(block.type).toBe(oneLine(variable.type));
    expect("default" in block).toBe(true);
    expect(block.default).toEqual(variableValue(variable.setting, DEFAULTS[variable.setting]));
  });

  test("every validation refers to its own variable", () => {
    for (const [name, block] of Object.entries(declared)) {
      for (const rule of block.validation ?? []) expect(rule.condition).toContain(`var.${name}`);
    }
  });

  test("declare no provider and no backend, only required_providers for hashicorp/aws from 5.100.0 within 5.x (the tested range)", () => {
    const all = Object.assign({}, ...Object.values(files));
    expect(all.provider).toBeUndefined();
    expect(all.terraform.backend).toBeUndefined();
    expect(all.terraform.required_providers).toEqual({ aws: { source: "hashicorp/aws", version: ">= 5.100.0, < 6.0.0" } });
  });

  test("are all a region stack can pass: its inputs are declared variables", () => {
    const { settings } = parseSettings({ regions: ["us-east-1"], allowedSourceCidrs: ["10.0.0.0/8"], domainName: "otlp.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012" });
    const inputs = Object.keys(moduleInputs(settings, "us-east-1"));
    expect(inputs).toEqual(expect.arrayContaining(["allowed_source_cidrs", "domain_name", "certificate_arn", "stage_name", "teams"]));
    for (const input of inputs) expect(Object.keys(declared)).toContain(input);
  });

  test("output every output a region stack forwards, by the same names, each described", () => {
    const [stack] = synthesizeApp({
      regions: ["us-east-1"],
      domainName: "otlp.example.com",
      certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012",
      alarms: { emails: ["oncall@example.com"] },
      transactionSearch: { enabled: true },
    });
    expect(outputs.map((o) => o.name).sort()).toEqual(Object.keys(stack.json.output).sort());
    for (const output of outputs) expect(output.description.length).toBeGreaterThan(20);
  });
});
