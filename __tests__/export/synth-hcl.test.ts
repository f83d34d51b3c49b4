import { spawn } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { fetchProviderSchemas, ProviderSchemas } from "../../src/export/hcl/provider-schema";
import { renderHcl } from "../../src/export/hcl/render-hcl";
import { synthHcl } from "../../src/export/hcl/synth-hcl";
import { SettingsError } from "../../src/settings/settings-error";
import { SynthesizedStack, synthesizeApp } from "../support/synth";
import { initAndValidate, terraform, terraformEnv, terraformOk } from "../support/terraform-cli";

const LONG = 600_000;

// For every region stack of the project's own settings: the HCL is formatted, valid, and the same configuration.
describe("the HCL of each region stack", () => {
  let schemas: ProviderSchemas;
  let stacks: SynthesizedStack[];
  let root: string;
  const raw = new Map<string, string>();
  const hclDir = (stack: SynthesizedStack) => join(root, "hcl", stack.name);
  const hclOf = (stack: SynthesizedStack) => readFileSync(join(hclDir(stack), "main.tf"), "utf8");

  beforeAll(() => {
    stacks = synthesizeApp();
    schemas = fetchProviderSchemas(stacks[0].json.terraform.required_providers, terraformEnv());
    root = mkdtempSync(join(tmpdir(), "otlp-proxy-hcl-e2e-"));
    for (const stack of stacks) {
      const text = renderHcl(stack.json, schemas);
      raw.set(stack.name, text);
      mkdirSync(hclDir(stack), { recursive: true });
      writeFileSync(join(hclDir(stack), "main.tf"), text);
    }
    terraformOk(join(root, "hcl"), ["fmt", "-recursive"]);
  }, LONG);

  test("terraform fmt changes only whitespace, and then has nothing left to change", () => {
    for (const stack of stacks) {
      expect(hclOf(stack).replace(/\s+/g, "")).toBe(raw.get(stack.name)!.replace(/\s+/g, ""));
      expect(terraform(hclDir(stack), ["fmt", "-check"]).status).toBe(0);
    }
  });

  test("passes terraform validate", () => {
    for (const stack of stacks) expect(initAndValidate(hclDir(stack))).toContain("Success! The configuration is valid");
  }, LONG);

  test("declares every resource, provider and output of the JSON, without cdktf metadata", () => {
    for (const stack of stacks) {
      const hcl = hclOf(stack);
      const declared = (pattern: RegExp) => [...hcl.matchAll(pattern)].map((m) => m.slice(1).join("."));
      const resources = Object.entries(stack.json.resource).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
      expect(declared(/^resource "([^"]+)" "([^"]+)" \{$/gm).sort()).toEqual(resources.sort());
      expect(declared(/^output "([^"]+)" \{$/gm).sort()).toEqual(Object.keys(stack.json.output).sort());
      expect(declared(/^provider "([^"]+)" \{$/gm)).toEqual(Object.keys(stack.json.provider));
      expect(hcl).not.toMatch(/uniqueId|"\/\/"/);
    }
  });

  test("keeps the IAM policy, with its interpolated ARN, exactly", () => {
    for (const stack of stacks) {
      const [[name, policy]] = Object.entries(stack.json.resource.aws_iam_role_policy).map(([n, p]) => [n, p.policy as string]);
      expect(policy).toContain('"${aws_cloudwatch_log_group.');
      const block = blockText(hclOf(stack), `resource "aws_iam_role_policy" "${name}"`);
      expect(attributeString(block, "policy")).toBe(policy);
    }
  });

  test("keeps each multi-line client_config snippet exactly", () => {
    for (const stack of stacks) {
      const snippets = stack.json.output.client_config.value as unknown as Record<string, string>;
      const block = blockText(hclOf(stack), 'output "client_config"');
      expect(Object.values(snippets).some((s) => s.includes("\n") && s.includes('"'))).toBe(true);
      for (const [key, snippet] of Object.entries(snippets)) expect(attributeString(block, key)).toBe(snippet);
    }
  });

  // Planning needs no AWS call for a stack with no state and no data sources, given dummy credentials; the plan
  // holds every known value, every reference and the block structure, so equal plans mean equal configurations.
  // One region: the stacks are one construct per region, and two plans per stack take about 25 s.
  test("plans exactly as the JSON does (first region)", async () => {
    for (const stack of stacks.slice(0, 1)) {
      const jsonDir = join(root, "plan-json", stack.name);
      const planHclDir = join(root, "plan-hcl", stack.name);
      mkdirSync(jsonDir, { recursive: true });
      mkdirSync(planHclDir, { recursive: true });
      copyFileSync(join(stack.dir, "cdk.tf.json"), join(jsonDir, "cdk.tf.json"));
      copyFileSync(join(hclDir(stack), "main.tf"), join(planHclDir, "main.tf"));
      const [fromJson, fromHcl] = await Promise.all([jsonDir, planHclDir].map((dir) => offlinePlan(dir, stack.region)));
      expect(fromHcl.planned_values).toEqual(fromJson.planned_values);
      expect(fromHcl.resource_changes).toEqual(fromJson.resource_changes);
      expect(fromHcl.output_changes).toEqual(fromJson.output_changes);
      expect(withoutJsonConstants(fromHcl.configuration)).toEqual(withoutJsonConstants(fromJson.configuration));
    }
  }, LONG);
});

describe("synthHcl (npm run synth:hcl)", () => {
  test("writes one formatted main.tf per region stack and nothing else", () => {
    // GIVEN
    const outdir = mkdtempSync(join(tmpdir(), "otlp-proxy-synth-hcl-out-"));
    writeFileSync(join(outdir, "stale.txt"), "from an earlier run");
    // WHEN
    const { stacksDir, stacks } = synthHcl({ outdir, env: terraformEnv() });
    // THEN
    expect(stacksDir).toBe(join(outdir, "stacks"));
    expect(readdirSync(outdir)).toEqual(["stacks"]);
    expect(stacks).toEqual(["otlp-proxy-ap-southeast-1", "otlp-proxy-ap-southeast-2", "otlp-proxy-eu-west-1", "otlp-proxy-us-east-1", "otlp-proxy-us-west-2"]);
    for (const stack of stacks) {
      expect(readdirSync(join(stacksDir, stack))).toEqual(["main.tf"]);
      expect(terraform(join(stacksDir, stack), ["fmt", "-check"]).status).toBe(0);
    }
  }, LONG);

  test("fails on invalid settings before touching the output folder", () => {
    const outdir = mkdtempSync(join(tmpdir(), "otlp-proxy-synth-hcl-bad-"));
    writeFileSync(join(outdir, "kept.txt"), "");
    expect(() => synthHcl({ outdir, env: terraformEnv(), context: { otlpProxy: { regions: ["mars-1"] } } })).toThrow(SettingsError);
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

/**
 * The template text of a string attribute (`name = "..."` or a heredoc) in a block, decoded back to its JSON form:
 * HCL escapes undone outside `${...}`, heredoc text as it is.
 */
function attributeString(block: string, name: string): string {
  const match = new RegExp(`^\\s*"?${name.replace(/[-]/g, "\\-")}"?\\s*= (.*)$`, "m").exec(block);
  if (!match) throw new Error(`no attribute ${name}`);
  const heredoc = /^<<(\w+)$/.exec(match[1]);
  if (heredoc) {
    const body = block.slice(match.index + match[0].length + 1);
    return body.slice(0, body.search(new RegExp(`^\\s*${heredoc[1]}$`, "m")));
  }
  const text = match[1];
  let out = "";
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return out;
    if (c === "\\") {
      const next = text[++i];
      out += next === "n" ? "\n" : next === "t" ? "\t" : next === "r" ? "\r" : next === "u" ? String.fromCharCode(parseInt(text.slice(i + 1, (i += 4) + 1), 16)) : next;
    } else if (text.startsWith("${", i)) {
      const end = text.indexOf("}", i);
      out += text.slice(i, end + 1);
      i = end;
    } else {
      out += c;
    }
  }
  throw new Error(`unterminated string for ${name}`);
}

/** `terraform plan` with no state, dummy credentials and no AWS call, as `terraform show -json` gives it. */
async function offlinePlan(dir: string, region: string): Promise<Record<string, any>> {
  const override = {
    terraform: { backend: { local: { path: "terraform.tfstate" } } },
    provider: {
      aws: {
        region,
        access_key: "offline",
        secret_key: "offline",
        skip_credentials_validation: true,
        skip_metadata_api_check: true,
        skip_requesting_account_id: true,
      },
    },
  };
  writeFileSync(join(dir, "offline_override.tf.json"), JSON.stringify(override));
  await terraformAsync(dir, ["init", "-input=false"]);
  await terraformAsync(dir, ["plan", "-refresh=false", "-input=false", "-out=plan.bin"]);
  return JSON.parse(await terraformAsync(dir, ["show", "-json", "plan.bin"]));
}

function terraformAsync(dir: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("terraform", [...args, "-no-color"], { cwd: dir, env: terraformEnv() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`terraform ${args.join(" ")} failed in ${dir}:\n${stdout}${stderr}`))));
  });
}

/** The configuration without the `constant_value` that Terraform adds beside `references` for JSON strings only. */
function withoutJsonConstants(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutJsonConstants);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, withoutJsonConstants(v)] as const);
  const hasReferences = entries.some(([k]) => k === "references");
  return Object.fromEntries(entries.filter(([k]) => !(hasReferences && k === "constant_value")));
}
