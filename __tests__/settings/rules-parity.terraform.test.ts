import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { snakeCase, variableValue } from "../../src/infra/module/module-variables";
import { moduleHcl } from "../../src/infra/module/otlp-proxy-module";
import { moduleMessage } from "../../src/infra/module/rule-validations";
import { parseSettings } from "../../src/infra/settings/parse-settings";
import { ALL_RULES, settingsAllowed } from "../../src/infra/settings/rules";
import { moduleInputs } from "../../src/infra/stacks/module-inputs";
import { committedModule, localsReadBy } from "../support/plan-module";
import { problemsOf } from "../support/settings-problems";
import { offlineProvider, terraform, terraformOk } from "../support/terraform-cli";
import { ALL_BAD_SETTINGS, BadSetting } from "./bad-settings";

// One table of rules (src/infra/settings/rules.ts) drives the parser and the module's validation. This test holds them to
// it: every bad value of the settings tests (bad-settings.ts) fails the parser naming the setting, and fails
// `terraform plan` of the module, with the same values as inputs, naming the variable.
//
// Speed: the module is synthesized once; one root calls it once per case, one `terraform init`, one
// `terraform plan -refresh=false -json`, whose diagnostics name each case's module call. Planning the whole module
// costs about a second per call (it has over a hundred resources), so every case is planned against the module's own
// variables.tf.json, data source, locals and the REST API resource that carries the preconditions, copied unchanged
// from the synthesized module (`checks/`); the cases of the drift this table closed, and one valid call, are planned
// against the whole module too (`module/`).

/** The cases of issue 11's drift, planned against the whole module as well. */
const WHOLE_MODULE_CASES = [
  "a burst below the team's rate",
  "a rate above the stack's burst it falls back to",
  "a quota above what AWS allows",
  "a tag name with a character AWS does not allow",
  "a hosted zone for every region where one has no domain",
  "a base path for every region where one has no domain",
  "a certificate for a region without a domain",
];

/** Settings that pass, with most inputs set: the module must plan them (a rule too strict on the HCL side fails here). */
const VALID = {
  regions: ["us-east-1", "eu-west-1"],
  stageName: "v1_otlp-2",
  logGroupName: "/ai/otlp#1",
  logStreamName: "all clients",
  throttle: { rateLimit: 0.5, burstLimit: 1 },
  signals: { default: ["logs", "traces"], "eu-west-1": ["logs"] },
  tags: { "team:name": "platform ops", "cost-center": "ai@tools" },
  namePrefix: "staging-otlp",
  teams: [
    { name: "platform", rateLimit: 50, burstLimit: 100 },
    { name: "data-science", burstLimit: 60, quota: { limit: 2_147_483_647, period: "WEEK" } },
    { name: "contractors", enabled: false },
  ],
  executionLogLevel: "info",
  allowedSourceCidrs: ["203.0.113.0/24", "2001:db8::/32", "192.0.2.10"],
  ipAddressType: "dualstack",
  domainName: { "us-east-1": "otlp-use1.example.com", "eu-west-1": "otlp-euw1.example.com" },
  certificateArn: {
    "us-east-1": "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012",
    "eu-west-1": "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012",
  },
  hostedZoneId: "Z0123456789ABCDEFGHIJ",
  basePath: "otlp",
  disableExecuteApiEndpoint: true,
  alarms: { periodSeconds: 3600, evaluationPeriods: 24, emails: ["ops@example.com"], topicArns: { "eu-west-1": "arn:aws:sns:eu-west-1:123456789012:ops-alerts" } },
  transactionSearch: { enabled: true, indexingPercentage: 0, regions: ["eu-west-1"] },
};

/** Settings that may differ per region: a call gets the region's value (or `default`). */
const PER_REGION = ["signals", "allowedSourceCidrs", "webAclArn", "domainName", "certificateArn", "hostedZoneId", "basePath", "disableExecuteApiEndpoint"];

interface Call {
  readonly name: string;
  readonly source: "checks" | "module";
  readonly region: string;
  readonly inputs: Record<string, unknown>;
  readonly badSetting?: BadSetting;
  /** What the plan's error must name; none for a call that must plan. */
  readonly fails?: string;
}

/** The module's inputs for the raw (bad) settings in one region, as the region stacks pass them. */
function inputsFor(raw: Record<string, unknown>, region: string): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [setting, value] of Object.entries(raw)) {
    if (setting === "regions") continue;
    const perRegion = PER_REGION.includes(setting) && value !== null && typeof value === "object" && !Array.isArray(value);
    const resolved = perRegion ? ((value as Record<string, unknown>)[region] ?? (value as Record<string, unknown>).default) : value;
    if (resolved !== undefined) inputs[snakeCase(setting)] = variableValue(setting, resolved);
  }
  return inputs;
}

const CHECKED = ALL_BAD_SETTINGS.filter((c): c is BadSetting & { module: { fails: string; region?: string } } => "fails" in c.module);

function calls(): Call[] {
  const list: Call[] = [];
  CHECKED.forEach((badSetting, index) => {
    const raw = badSetting.raw as Record<string, unknown>;
    const region = badSetting.module.region ?? (raw.regions as string[] | undefined)?.[0] ?? "us-east-1";
    const call = { region, inputs: inputsFor(raw, region), badSetting, fails: badSetting.module.fails };
    list.push({ ...call, name: `case_${index}`, source: "checks" });
    if (WHOLE_MODULE_CASES.includes(badSetting.name)) list.push({ ...call, name: `whole_${index}`, source: "module" });
  });
  const { settings } = parseSettings(VALID);
  for (const region of VALID.regions) {
    const call = { region, inputs: moduleInputs(settings, region) };
    list.push({ ...call, name: `valid_${region.replace(/-/g, "_")}`, source: "checks" });
  }
  list.push({ name: "whole_valid", source: "module", region: "us-east-1", inputs: moduleInputs(settings, "us-east-1") });
  return list;
}

/** The module, and the part of it that holds every validation and precondition, written as Terraform JSON. */
function writeModules(dir: string): void {
  const write = (folder: string, name: string, content: string) => {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, name), content);
  };
  for (const [name, content] of Object.entries(moduleHcl())) write("module", name, content);
  const { main, variables, versions } = committedModule();
  const api = main.resource.aws_api_gateway_rest_api.api;
  // The locals the REST API and its preconditions read, and the locals those read, unchanged.
  const locals = localsReadBy(JSON.stringify(api), main.locals);
  const json = (content: object) => JSON.stringify(content, null, 1);
  write("checks", "versions.tf.json", json(versions));
  write("checks", "variables.tf.json", json(variables));
  write("checks", "main.tf.json", json({ locals, data: { aws_region: main.data.aws_region }, resource: { aws_api_gateway_rest_api: { api } } }));
}

function writeRoot(dir: string, list: readonly Call[]): void {
  const regions = [...new Set(["us-east-1", ...list.map((c) => c.region)])];
  const alias = (region: string) => region.replace(/-/g, "_");
  const provider = (region: string) => ({ ...offlineProvider(region, region === "us-east-1" ? undefined : alias(region)), skip_region_validation: true });
  const module = Object.fromEntries(
    list.map((call) => [
      call.name,
      {
        source: `../${call.source}`,
        ...(call.region === "us-east-1" ? {} : { providers: { aws: `aws.${alias(call.region)}` } }),
        // Through a root variable, so values are checked in the plan walk, where the preconditions run too.
        ...Object.fromEntries(Object.keys(call.inputs).map((input) => [input, `\${var.calls.${call.name}.${input}}`])),
      },
    ]),
  );
  mkdirSync(join(dir, "root"), { recursive: true });
  writeFileSync(
    join(dir, "root", "main.tf.json"),
    JSON.stringify({ provider: { aws: regions.map(provider) }, variable: { calls: { type: "any" } }, module }, null, 1),
  );
  writeFileSync(join(dir, "root", "calls.tfvars.json"), JSON.stringify({ calls: Object.fromEntries(list.map((c) => [c.name, c.inputs])) }, null, 1));
}

interface Diagnostic {
  readonly summary: string;
  readonly detail: string;
  readonly snippet?: { readonly context?: string };
}

interface Plan {
  readonly diagnostics: readonly Diagnostic[];
  /** Calls whose REST API was planned (it was not when a precondition or a variable it reads failed). */
  readonly planned: ReadonlySet<string>;
  readonly seconds: number;
}

function plan(dir: string): Plan {
  const started = Date.now();
  terraformOk(join(dir, "root"), ["init", "-backend=false", "-input=false"]);
  const run = terraform(join(dir, "root"), ["plan", "-refresh=false", "-lock=false", "-input=false", "-json", "-var-file=calls.tfvars.json"]);
  const lines = run.output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line));
  if (lines.length === 0) throw new Error(`terraform plan printed no JSON:\n${run.output}`);
  return {
    diagnostics: lines.filter((l) => l.type === "diagnostic" && l.diagnostic.severity === "error").map((l) => l.diagnostic),
    planned: new Set(
      lines.filter((l) => l.type === "planned_change" && /\.aws_api_gateway_rest_api\.api$/.test(l.change.resource.addr)).map((l) => l.change.resource.module),
    ),
    seconds: (Date.now() - started) / 1000,
  };
}

/** Whether a diagnostic names `subject`: the rule's message starts with it, a type error names `var.<variable>`. */
const names = (d: Diagnostic, subject: string) => d.detail.startsWith(`${subject}: `) || d.detail.includes(`.var.${subject} `);
const callOf = (d: Diagnostic) => /^module\.([a-z0-9_]+)/.exec(d.snippet?.context ?? "")?.[1];

describe("the settings parser and the module's validation, one table of rules", () => {
  const dir = mkdtempSync(join(tmpdir(), "otlp-proxy-rules-parity-"));
  const list = calls();
  let result: Plan;
  /** Precondition errors matched to no call. */
  let unmatched: Diagnostic[] = [];
  /** What explains each failed call: the diagnostics of its own variables, or a precondition's. */
  const explained = new Map<string, Diagnostic[]>();

  beforeAll(() => {
    writeModules(dir);
    writeRoot(dir, list);
    result = plan(dir);
    // Variable errors name their module call; precondition errors do not (Terraform 1.11 prints no address), so each
    // is matched, once, to a failed call that expects a message of that subject and has no error of its own.
    for (const d of result.diagnostics) {
      const call = callOf(d);
      if (call) explained.set(call, [...(explained.get(call) ?? []), d]);
    }
    const preconditions = result.diagnostics.filter((d) => d.summary === "Resource precondition failed");
    for (const call of list) {
      if (!call.fails || explained.has(call.name) || result.planned.has(`module.${call.name}`)) continue;
      const index = preconditions.findIndex((d) => names(d, call.fails!));
      if (index >= 0) explained.set(call.name, preconditions.splice(index, 1));
    }
    unmatched = preconditions;
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("runs as one terraform init and one plan", () => {
    console.log(`rules parity: ${list.length} module calls (${CHECKED.length} bad values) planned in ${result.seconds.toFixed(1)} s`);
    expect(result.diagnostics.filter((d) => !callOf(d) && d.summary !== "Resource precondition failed")).toEqual([]);
    expect(unmatched).toEqual([]);
  });

  test.each(list.filter((c) => !c.fails).map((c) => [c.name, c] as const))("%s: valid settings plan with no error", (name) => {
    expect(explained.get(name)).toBeUndefined();
    expect(result.planned.has(`module.${name}`)).toBe(true);
  });

  test.each(list.filter((c) => c.fails).map((c) => [`${c.badSetting!.name} (${c.source === "module" ? "whole module" : "module"} ${c.name})`, c] as const))(
    "%s: the parser names the setting, the module's plan names the variable",
    (_name, call) => {
      expect(problemsOf(call.badSetting!.raw)).toContain(call.badSetting!.message);
      const diagnostics = explained.get(call.name) ?? [];
      expect(diagnostics.map((d) => d.detail)).toContainEqual(expect.anything());
      expect(diagnostics.filter((d) => names(d, call.fails!)).map((d) => d.detail)).toContainEqual(expect.anything());
    },
  );

  test("every rule of the table is broken by some case, and both sides say it in the rule's words", () => {
    const parserMessages = ALL_BAD_SETTINGS.map((c) => problemsOf(c.raw)).join("\n");
    const moduleMessages = result.diagnostics.map((d) => d.detail).join("\n");
    const missing = ALL_RULES.filter((rule) => !parserMessages.includes(`allowed: ${settingsAllowed(rule)}`) || !moduleMessages.includes(moduleMessage(rule)));
    expect(missing.map((rule) => rule.setting)).toEqual([]);
  });

  test("lists a reason for every bad value the module cannot be given", () => {
    for (const c of ALL_BAD_SETTINGS) if ("settingsOnly" in c.module) expect(c.module.settingsOnly.length).toBeGreaterThan(30);
  });
});
