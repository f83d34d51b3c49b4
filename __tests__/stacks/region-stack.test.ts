import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { parseSettings } from "../../src/infra/settings/parse-settings";
import { moduleInputs } from "../../src/infra/stacks/module-inputs";
import { MODULE_DIR } from "../../src/infra/module/module-dir";
import { committedModule } from "../support/plan-module";
import { moduleCalls, synthesizeApp } from "../support/synth";

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

// Each region stack is a root module with nothing but the provider, the backend, one call of the committed module with
// the region's settings, and outputs forwarding the module's: the proxy's resources are defined only in the module.
describe("RegionStack", () => {
  const raw = {
    regions: ["us-east-1", "eu-west-1"],
    tags: { team: "platform" },
    signals: { default: ["logs"], "eu-west-1": ["traces", "metrics"] },
    webAclArn: { "eu-west-1": "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/otlp/12345678-1234-1234-1234-123456789012" },
    allowedSourceCidrs: ["203.0.113.0/24", "2001:db8::1"],
    ipAddressType: "dualstack",
    teams: [{ name: "platform", rateLimit: 5, burstLimit: 10 }, { name: "ops", enabled: false }],
  };
  const stacks = synthesizeApp(raw);

  test("is named otlp-proxy-<region>, one per configured region", () => {
    expect(stacks.map((s) => s.name)).toEqual(["otlp-proxy-us-east-1", "otlp-proxy-eu-west-1"]);
  });

  test.each(stacks.map((s) => [s.name, s] as const))("%s owns the AWS provider for its region with the tags", (_n, stack) => {
    expect(stack.json.provider.aws).toEqual([{ region: stack.region, default_tags: [{ tags: { team: "platform" } }] }]);
  });

  test("pins the AWS provider that the offline mirror and the bindings share", () => {
    expect(stacks[0].json.terraform.required_providers.aws).toEqual({ source: "aws", version: "5.100.0" });
  });

  test("keeps local state beside the project with a relative path", () => {
    expect(stacks[0].json.terraform.backend).toEqual({ local: { path: "../../../terraform.otlp-proxy-us-east-1.tfstate" } });
  });

  test("skips the provider's region check only in a region newer than the pinned provider (ap-southeast-6)", () => {
    const [newZealand, sydney] = synthesizeApp({ regions: ["ap-southeast-6", "ap-southeast-2"] });
    expect(newZealand.json.provider.aws).toEqual([{ region: "ap-southeast-6", skip_region_validation: true }]);
    expect(sydney.json.provider.aws).toEqual([{ region: "ap-southeast-2" }]);
  });

  test("sets no default tags when there are none", () => {
    const [stack] = synthesizeApp({ regions: ["us-east-1"] });
    expect(stack.json.provider.aws).toEqual([{ region: "us-east-1" }]);
  });

  test.each(stacks.map((s) => [s.name, s] as const))("%s calls the module once, as otlp_proxy, and holds no resource of its own", (_n, stack) => {
    expect(Object.keys(moduleCalls(stack.json))).toEqual(["otlp_proxy"]);
    expect(stack.json.resource).toBeUndefined();
    expect(stack.json.data).toBeUndefined();
    expect(moduleCalls(stack.json).otlp_proxy.source).toBe("./assets/module/otlp-proxy");
  });

  test("lets the module sign for the stack's region: the call inherits the stack's only provider", () => {
    for (const stack of stacks) {
      expect(moduleCalls(stack.json).otlp_proxy.providers).toBeUndefined();
      expect(stack.json.provider.aws).toHaveLength(1);
    }
  });

  test("passes the region's settings as the module's inputs, per-region signals and network resolved", () => {
    const { settings } = parseSettings(raw);
    for (const stack of stacks) {
      const { source, ...inputs } = moduleCalls(stack.json).otlp_proxy;
      expect(inputs).toEqual(JSON.parse(JSON.stringify(moduleInputs(settings, stack.region))));
      for (const name of Object.keys(inputs)) expect(committedModule().variables.variable).toHaveProperty([name]);
    }
    const [east, west] = stacks.map((s) => moduleCalls(s.json).otlp_proxy);
    expect(east.signals).toEqual(["logs"]);
    expect(west.signals).toEqual(["metrics", "traces"]);
    expect(east.web_acl_arn).toBeUndefined();
    expect(west.web_acl_arn).toBe(raw.webAclArn["eu-west-1"]);
    expect(west.allowed_source_cidrs).toEqual(["203.0.113.0/24", "2001:db8::1"]);
    expect(west.teams).toEqual([
      expect.objectContaining({ name: "platform", rate_limit: 5, burst_limit: 10, enabled: true }),
      expect.objectContaining({ name: "ops", enabled: false }),
    ]);
    expect(west.tags).toEqual({ team: "platform" });
  });

  test("forwards each module output that has a value for the region's settings, with its description", () => {
    const declared = committedModule().outputs.output as Record<string, { description: string; sensitive?: boolean }>;
    for (const stack of stacks) {
      for (const [name, output] of Object.entries(stack.json.output)) {
        expect(output).toMatchObject({ value: `\${module.otlp_proxy.${name}}`, description: declared[name].description });
        expect(Boolean(output.sensitive)).toBe(Boolean(declared[name].sensitive));
      }
    }
    // us-east-1 has only the logs route and no custom domain, Transaction Search or alarm topic: those outputs are left out.
    const names = Object.keys(stacks[0].json.output);
    expect(names).toEqual(expect.arrayContaining(["otlp_endpoint", "logs_url", "api_key_ids", "client_config", "dashboard_url"]));
    expect(names).not.toContain("metrics_url");
    expect(names).not.toContain("custom_domain_target");
    expect(names).not.toContain("transaction_search_stack_id");
    expect(names).not.toContain("alarm_topic_arn");
  });

  test("forwards every module output when every feature is on", () => {
    const [full] = synthesizeApp({
      regions: ["us-east-1"],
      alarms: { emails: ["oncall@example.com"] },
      transactionSearch: { enabled: true },
      domainName: "otlp.example.com",
      certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012",
    });
    expect(Object.keys(full.json.output).sort()).toEqual(Object.keys(committedModule().outputs.output).sort());
  });

  test("carries the committed module's files in the stack folder, unchanged", () => {
    const committed = filesUnder(MODULE_DIR).map((file) => relative(MODULE_DIR, file)).sort();
    expect(committed).toEqual(expect.arrayContaining(["main.tf", "outputs.tf", "variables.tf", "versions.tf", "moved.tf"]));
    for (const stack of stacks) {
      const copy = join(stack.dir, "assets", "module", "otlp-proxy");
      expect(filesUnder(copy).map((file) => relative(copy, file)).sort()).toEqual(committed);
      for (const file of committed) expect(readFileSync(join(copy, file), "utf8")).toBe(readFileSync(join(MODULE_DIR, file), "utf8"));
    }
  });
});
