import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { HclExportError } from "../../src/tools/hcl-export/hcl-export-error";
import { synthHcl, writeHclStack } from "../../src/tools/hcl-export/synth-hcl";
import { SettingsError } from "../../src/infra/settings/settings-error";
import { MODULE_DIR } from "../../src/infra/module/module-dir";
import { SynthesizedStack, synthesizeApp } from "../support/synth";
import { initAndValidate, offlineProvider, terraform, terraformOk } from "../support/terraform-cli";

const LONG = 600_000;
/** Where each region stack calls the module from: its `source`, a folder inside the stack folder. */
const MODULE_SOURCE = "./assets/module/otlp-proxy";
const MODULE_FOLDER = "assets/module/otlp-proxy";
/** Every file under a folder, relative and sorted. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

// For every region stack of the project's own settings: the HCL (the stack's main.tf beside the module folder it
// calls) is formatted, valid, and the same configuration.
describe("the HCL of each region stack", () => {
  let stacks: SynthesizedStack[];
  let root: string;
  const hclDir = (stack: SynthesizedStack) => join(root, "hcl", stack.name);
  const hclOf = (stack: SynthesizedStack, file = "main.tf") => readFileSync(join(hclDir(stack), file), "utf8");

  beforeAll(() => {
    stacks = synthesizeApp();
    root = mkdtempSync(join(tmpdir(), "otlp-proxy-hcl-e2e-"));
    for (const stack of stacks) writeHclStack(stack.dir, stack.json, hclDir(stack));
  }, LONG);

  test("copies the module folder the stack calls byte for byte: the committed HCL module, README and example", () => {
    for (const stack of stacks) {
      const copied = filesUnder(join(hclDir(stack), MODULE_FOLDER));
      expect(copied).toEqual(filesUnder(MODULE_DIR));
      for (const file of copied) expect(hclOf(stack, `${MODULE_FOLDER}/${file}`)).toBe(readFileSync(join(MODULE_DIR, file), "utf8"));
    }
  });

  test("stops, naming the file, when the stack folder holds Terraform JSON it would not convert, and writes nothing", () => {
    const [stack] = stacks;
    const stale = join(root, "stale-json");
    cpSync(stack.dir, stale, { recursive: true, filter: (source) => !/[\\/]\.terraform(\.lock\.hcl)?$/.test(source) });
    writeFileSync(join(stale, MODULE_FOLDER, "variables.tf.json"), JSON.stringify({ variable: { stage_name: {} } }));
    expect(() => writeHclStack(stale, stack.json, join(root, "stale-hcl"))).toThrow(
      new HclExportError(`${join(stale, MODULE_FOLDER, "variables.tf.json")} is Terraform JSON; the HCL export writes only the stack's cdk.tf.json and copies the module it calls, which must be HCL`),
    );
    expect(existsSync(join(root, "stale-hcl"))).toBe(false);
  });

  test("writes main.tf as terraform fmt would: fmt has nothing to change", () => {
    for (const stack of stacks) expect(terraform(hclDir(stack), ["fmt", "-check", "-diff", "-recursive"]).status).toBe(0);
  });

  test("passes terraform validate, the module included", () => {
    // Each stack folder is a child module of one root: one init and one validate check them all.
    writeFileSync(join(root, "hcl", "main.tf.json"), JSON.stringify({ module: Object.fromEntries(stacks.map((s) => [s.name.replace(/-/g, "_"), { source: `./${s.name}` }])) }));
    expect(initAndValidate(join(root, "hcl"))).toContain("Success! The configuration is valid");
  }, LONG);

  test("calls the module from its folder with the stack's inputs, and forwards every output of the JSON", () => {
    for (const stack of stacks) {
      const hcl = hclOf(stack);
      const declared = (pattern: RegExp) => [...hcl.matchAll(pattern)].map((m) => m.slice(1).join("."));
      expect(declared(/^module "([^"]+)" \{$/gm)).toEqual(Object.keys(stack.json.module));
      expect(declared(/^resource "/gm)).toEqual([]);
      const call = blockText(hcl, 'module "otlp_proxy"');
      expect(call).toMatch(new RegExp(`^  source += "${MODULE_SOURCE}"$`, "m"));
      const inputs = Object.keys(stack.json.module.otlp_proxy).filter((key) => key !== "//" && key !== "source");
      expect(inputs.length).toBeGreaterThan(10);
      for (const input of inputs) expect(call).toMatch(new RegExp(`^  ${input} +=`, "m"));
      expect(attributeString(call, "stage_name")).toBe(stack.json.module.otlp_proxy.stage_name);
      expect(declared(/^output "([^"]+)" \{$/gm).sort()).toEqual(Object.keys(stack.json.output).sort());
      for (const name of Object.keys(stack.json.output)) expect(blockText(hcl, `output "${name}"`)).toMatch(new RegExp(`^  value += module\\.otlp_proxy\\.${name}$`, "m"));
      expect(declared(/^provider "([^"]+)" \{$/gm)).toEqual(Object.keys(stack.json.provider));
      expect(hcl).not.toMatch(/uniqueId|"\/\/"/);
    }
  });

  // Planning needs no AWS call for a stack with no state and no data source but aws_region, given dummy credentials;
  // the plan holds every known value, every reference and the block structure, the module's included, so equal plans
  // mean equal configurations. One region: every stack calls the same module. The JSON and the HCL folder are two
  // child modules of one root, so one plan and one `terraform show` (each loading the provider) compare them.
  test("plans exactly as the JSON does (first region)", () => {
    const [stack] = stacks;
    const planRoot = join(root, "plan");
    const withoutTerraformFiles = (source: string) => !/[\\/]\.terraform(\.lock\.hcl)?$/.test(source);
    cpSync(stack.dir, join(planRoot, "json"), { recursive: true, filter: withoutTerraformFiles });
    cpSync(hclDir(stack), join(planRoot, "hcl"), { recursive: true, filter: withoutTerraformFiles });
    const plan = offlinePlan(planRoot, stack, ["json", "hcl"]);
    const fromJson = planOfChild(plan, "json");
    const fromHcl = planOfChild(plan, "hcl");
    expect(fromJson.resource_changes.length).toBeGreaterThan(50);
    expect(fromJson.resource_changes.every((change: any) => change.address.startsWith("module.otlp_proxy."))).toBe(true);
    expect(fromJson.planned_values.child_modules).toHaveLength(1);
    expect(fromHcl.planned_values).toEqual(fromJson.planned_values);
    expect(fromHcl.resource_changes).toEqual(fromJson.resource_changes);
    expect(Object.keys(fromJson.output_changes).sort()).toEqual(Object.keys(stack.json.output).sort());
    expect(fromHcl.output_changes).toEqual(fromJson.output_changes);
    expect(withoutJsonConstants(fromHcl.configuration)).toEqual(withoutJsonConstants(fromJson.configuration));
    expect(Object.keys(fromJson.provider_config)).toEqual(["aws"]);
    expect(fromHcl.provider_config).toEqual(fromJson.provider_config);
  }, LONG);
});

describe("synthHcl (npm run synth:hcl)", () => {
  test("writes one formatted stack folder per region stack, with the module it calls, and nothing else", () => {
    // GIVEN
    const outdir = mkdtempSync(join(tmpdir(), "otlp-proxy-synth-hcl-out-"));
    writeFileSync(join(outdir, "stale.txt"), "from an earlier run");
    // WHEN
    const { stacksDir, stacks } = synthHcl({ outdir });
    // THEN
    expect(stacksDir).toBe(join(outdir, "stacks"));
    expect(readdirSync(outdir)).toEqual(["stacks"]);
    expect(stacks).toEqual(["otlp-proxy-ap-southeast-1", "otlp-proxy-ap-southeast-2", "otlp-proxy-eu-west-1", "otlp-proxy-us-east-1", "otlp-proxy-us-west-2"]);
    for (const stack of stacks) {
      const dir = join(stacksDir, stack);
      expect(readdirSync(dir)).toEqual(["assets", "main.tf"]);
      expect(filesUnder(join(dir, MODULE_FOLDER))).toEqual(filesUnder(MODULE_DIR));
      expect(readFileSync(join(dir, "main.tf"), "utf8")).toMatch(new RegExp(`^  source += "${MODULE_SOURCE}"$`, "m"));
      expect(terraform(dir, ["fmt", "-check", "-recursive"]).status).toBe(0);
    }
  }, LONG);

  test("fails on invalid settings before touching the output folder", () => {
    const outdir = mkdtempSync(join(tmpdir(), "otlp-proxy-synth-hcl-bad-"));
    writeFileSync(join(outdir, "kept.txt"), "");
    expect(() => synthHcl({ outdir, context: { otlpProxy: { regions: ["mars-1"] } } })).toThrow(SettingsError);
    expect(readdirSync(outdir)).toEqual(["kept.txt"]);
  });
});

/** The text of a top-level block, from its header line to its closing brace. */
function blockText(hcl: string, header: string): string {
  const start = hcl.indexOf(`\n${header} {\n`);
  if (start < 0) throw new Error(`no block ${header}`);
  const next = hcl.slice(start + 1).search(/\n\n(resource|data|output|provider|variable|locals|module|terraform) /);
  return next < 0 ? hcl.slice(start + 1) : hcl.slice(start + 1, start + 1 + next);
}

/** The value of a one-line quoted string attribute in a block, decoded (HCL's escapes are JSON's). */
function attributeString(block: string, name: string): string {
  const match = new RegExp(`^\\s*${name}\\s*= (".*")$`, "m").exec(block);
  if (!match) throw new Error(`no quoted attribute ${name}`);
  return JSON.parse(match[1]);
}

/**
 * `terraform plan` of a root calling each of `children` (folders in `root` holding a copy of `stack`), as `terraform
 * show -json` gives it: each child gets an override with dummy credentials and no AWS call (its backend block, in a
 * child module, is ignored), and the root forwards each child's outputs as `<child>__<output>`.
 */
function offlinePlan(root: string, stack: SynthesizedStack, children: readonly string[]): Record<string, any> {
  for (const child of children) writeFileSync(join(root, child, "offline_override.tf.json"), JSON.stringify({ provider: { aws: offlineProvider(stack.region) } }));
  const outputs = children.flatMap((child) =>
    Object.entries(stack.json.output).map(([name, output]) => [`${child}__${name}`, { value: `\${module.${child}.${name}}`, sensitive: output.sensitive ?? false }]),
  );
  writeFileSync(join(root, "main.tf.json"), JSON.stringify({ module: Object.fromEntries(children.map((c) => [c, { source: `./${c}` }])), output: Object.fromEntries(outputs) }));
  terraformOk(root, ["init", "-input=false"]);
  terraformOk(root, ["plan", "-refresh=false", "-input=false", "-out=plan.bin"]);
  return JSON.parse(terraformOk(root, ["show", "-json", "plan.bin"]));
}

/**
 * The part of a root's plan that is one child module's, with the child's address prefix taken off, so two children's
 * parts compare as the plans of two roots would: resource changes, planned values, outputs, configuration and
 * provider configurations.
 */
function planOfChild(plan: Record<string, any>, child: string): Record<string, any> {
  const prefix = `module.${child}`;
  const local = (value: unknown): any => {
    if (Array.isArray(value)) return value.map(local);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        typeof v === "string" && /^(address|module_address|provider_config_key)$/.test(key) ? v.replace(new RegExp(`^${prefix}(\\.|:|$)`), "") : local(v),
      ]),
    );
  };
  const outputPrefix = `${child}__`;
  return {
    resource_changes: local(plan.resource_changes.filter((c: any) => c.address.startsWith(`${prefix}.`))),
    planned_values: local(plan.planned_values.root_module.child_modules.find((m: any) => m.address === prefix)),
    output_changes: Object.fromEntries(
      Object.entries(plan.output_changes).filter(([name]) => name.startsWith(outputPrefix)).map(([name, change]) => [name.slice(outputPrefix.length), change]),
    ),
    configuration: local(plan.configuration.root_module.module_calls[child].module),
    provider_config: Object.fromEntries(
      Object.entries(plan.configuration.provider_config).filter(([key]) => key.startsWith(`${prefix}:`)).map(([key, config]) => [key.slice(prefix.length + 1), local(config)]),
    ),
  };
}

/** The configuration without the `constant_value` that Terraform adds beside `references` for JSON strings only. */
function withoutJsonConstants(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutJsonConstants);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, withoutJsonConstants(v)] as const);
  const hasReferences = entries.some(([k]) => k === "references");
  return Object.fromEntries(entries.filter(([k]) => !(hasReferences && k === "constant_value")));
}
