import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { moduleJson } from "./module-json";
import { MODULE_DIR } from "../../src/infra/module/module-dir";
import { offlineProvider, terraformOk } from "./terraform-cli";

/**
 * The committed module's blocks in Terraform's JSON syntax (which the committed HCL is, byte for byte, rendered from:
 * __tests__/module/committed-module.test.ts), split as the 0.2.0 files were: `main` (locals, data, resources, moved),
 * `variables`, `outputs` and `versions`.
 */
export function committedModule(): { main: Record<string, any>; variables: Record<string, any>; outputs: Record<string, any>; versions: Record<string, any> } {
  const { variable, output, terraform, ...main } = moduleJson();
  return { main, variables: { variable }, outputs: { output }, versions: { terraform } };
}

/** Time for one init and plan of a root, for the tests that plan. */
export const PLAN_TIMEOUT_MS = 300_000;

/** One planned resource: its values as the plan knows them (attributes known only after apply are absent). */
export interface PlannedResource {
  readonly address: string;
  /** The address inside the module, without the call (`aws_api_gateway_api_key.team["platform"]`). */
  readonly localAddress: string;
  readonly type: string;
  readonly name: string;
  readonly index?: number | string;
  readonly values: Record<string, any>;
  /** The attributes Terraform will only know after apply (true, or a structure of trues, per attribute). */
  readonly unknown: Record<string, any>;
}

/** One planned output of a module call: its value when the plan knows it, and what is known only after apply. */
export interface PlannedOutput {
  readonly value?: any;
  /** true when the whole value is unknown; a structure of trues where only parts are; false when known. */
  readonly unknown: any;
}

/** The plan of one call of the committed module. */
export interface ModulePlan {
  readonly call: string;
  readonly region: string;
  /** Every planned resource of the call, by full address (`module.otlp_proxy.aws_api_gateway_api_key.team["platform"]`). */
  readonly resources: Readonly<Record<string, PlannedResource>>;
  /** The module's outputs, by name. */
  readonly outputs: Readonly<Record<string, PlannedOutput>>;
  /** The planned resources of a type, in address order. */
  ofType(type: string): PlannedResource[];
  /** The planned values of the resource at `module.<call>.<address>`, failing when there is none. */
  at(address: string): Record<string, any>;
  /** The planned resource at `module.<call>.<address>`, failing when there is none. */
  resource(address: string): PlannedResource;
  /** Whether the plan holds a resource at `module.<call>.<address>`. */
  has(address: string): boolean;
}

/** One call of the module in a planned root: its inputs and the provider's region. */
export interface ModuleCall {
  readonly inputs?: Record<string, unknown>;
  readonly region?: string;
}

const roots: string[] = [];

/** The parts of `terraform show -json` of a plan that {@link readPlan} reads. */
export interface ShownPlan {
  readonly planned_values?: any;
  readonly resource_changes?: any[];
  readonly output_changes?: Record<string, any>;
}

/** The arguments of `terraform plan` for a root of module calls; the plan is saved as `p`. */
export const PLAN_ARGS = ["plan", "-input=false", "-lock=false", "-refresh=false", "-out=p"];

/**
 * Plans several calls of the committed module in one root, each under the AWS provider of its region, with dummy
 * credentials and no call to AWS: `terraform init`, `terraform plan -refresh=false -out=p`, `terraform show -json p`,
 * cut to what {@link readPlan} reads. Names of AWS resources may repeat across calls: nothing is applied. Call
 * {@link cleanPlannedRoots} in afterAll.
 */
export function planCallsOnce(calls: Readonly<Record<string, ModuleCall>>): ShownPlan {
  const dir = initModuleRoot(calls);
  terraformOk(dir, PLAN_ARGS);
  return cutShownPlan(JSON.parse(terraformOk(dir, ["show", "-json", "p"])));
}

/** A new root folder calling the module once per call, initialized (`terraform init -backend=false`). */
export function initModuleRoot(calls: Readonly<Record<string, ModuleCall>>): string {
  const dir = writeRoot(calls);
  terraformOk(dir, ["init", "-input=false", "-backend=false"]);
  return dir;
}

/** `terraform show -json` of a plan, cut to what {@link readPlan} reads. */
export function cutShownPlan({ planned_values, resource_changes, output_changes }: any): ShownPlan {
  return {
    planned_values,
    resource_changes: (resource_changes ?? []).map((change: any) => ({ address: change.address, change: { after_unknown: change.change.after_unknown } })),
    output_changes: Object.fromEntries(Object.entries(output_changes ?? {}).map(([name, change]: [string, any]) => [name, { after_unknown: change.after_unknown }])),
  };
}

function writeRoot(calls: Readonly<Record<string, ModuleCall>>): string {
  const dir = mkdtempSync(join(tmpdir(), "otlp-proxy-module-plan-"));
  roots.push(dir);
  const outputNames = Object.keys(committedModule().outputs.output);
  const regions = [...new Set(Object.values(calls).map((call) => call.region ?? "us-west-2"))];
  const alias = (region: string) => region.replace(/-/g, "_");
  const provider = (region: string) => offlineProvider(region, alias(region));
  const root = {
    terraform: { required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } } },
    provider: { aws: regions.map(provider) },
    module: Object.fromEntries(
      Object.entries(calls).map(([name, call]) => [
        name,
        { source: MODULE_DIR, providers: { aws: `aws.${alias(call.region ?? "us-west-2")}` }, ...(call.inputs ?? {}) },
      ]),
    ),
    output: Object.fromEntries(
      Object.keys(calls).flatMap((call) => outputNames.map((name) => [`${call}__${name}`, { value: `\${module.${call}.${name}}` }])),
    ),
  };
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(root, null, 2));
  return dir;
}

/** Each call's resources and outputs in a plan of several calls. */
export function readPlan(plan: ShownPlan, calls: Readonly<Record<string, ModuleCall>>): Record<string, ModulePlan> {
  const outputNames = Object.keys(committedModule().outputs.output);
  const unknownByAddress = new Map<string, Record<string, any>>(
    (plan.resource_changes ?? []).map((change: any) => [change.address, change.change.after_unknown ?? {}]),
  );
  const all: PlannedResource[] = [];
  const collect = (module: any) => {
    for (const resource of module?.resources ?? []) {
      if (resource.mode !== "managed") continue;
      all.push({
        address: resource.address,
        localAddress: resource.address.replace(/^module\.[^.]+\./, ""),
        type: resource.type,
        name: resource.name,
        index: resource.index,
        values: resource.values ?? {},
        unknown: unknownByAddress.get(resource.address) ?? {},
      });
    }
    for (const child of module?.child_modules ?? []) collect(child);
  };
  collect(plan.planned_values?.root_module);

  return Object.fromEntries(
    Object.entries(calls).map(([call, { region }]) => {
      const prefix = `module.${call}.`;
      const resources = Object.fromEntries(all.filter((r) => r.address.startsWith(prefix)).map((r) => [r.address, r]));
      const outputs = Object.fromEntries(
        outputNames.map((name) => {
          const planned = plan.planned_values?.outputs?.[`${call}__${name}`];
          const unknown = plan.output_changes?.[`${call}__${name}`]?.after_unknown ?? true;
          return [name, planned && "value" in planned ? { value: planned.value, unknown } : { unknown }];
        }),
      );
      const resource = (address: string) => {
        const found = resources[prefix + address];
        if (!found) throw new Error(`No planned resource ${prefix + address}; planned: ${Object.keys(resources).join(", ")}`);
        return found;
      };
      const plannedCall: ModulePlan = {
        call,
        region: region ?? "us-west-2",
        resources,
        outputs,
        ofType: (type) => Object.values(resources).filter((r) => r.type === type).sort((a, b) => a.address.localeCompare(b.address)),
        resource,
        at: (address) => resource(address).values,
        has: (address) => prefix + address in resources,
      };
      return [call, plannedCall];
    }),
  );
}

/** Removes every root folder {@link planModuleCalls} and {@link evaluateExpression} wrote. */
export function cleanPlannedRoots(): void {
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Evaluates one of the module's own expressions (Terraform JSON syntax, `${...}`) with `terraform console`, for values a
 * plan leaves unknown because they sit next to an attribute known only after apply (a policy holding an ARN).
 * `vars` are the variables the expression reads; no provider is needed, so nothing is installed.
 */
export function evaluateExpression(
  expression: string,
  {
    vars = {},
    locals = {},
    standIns = {},
    moduleVariables = false,
  }: {
    /** Values of the variables the expression reads (the module's inputs when `moduleVariables`). */
    vars?: Record<string, unknown>;
    /** Locals the expression reads, by name, as Terraform JSON expressions (usually the module's own). */
    locals?: Record<string, string>;
    /** Resource references (`aws_x.y.attribute`, or `aws_x.y` for all its instances) and the values to read instead. */
    standIns?: Record<string, unknown>;
    /** Declare the module's own variables (types, defaults, validation) instead of untyped ones. */
    moduleVariables?: boolean;
  } = {},
): any {
  const dir = mkdtempSync(join(tmpdir(), "otlp-proxy-module-expression-"));
  roots.push(dir);
  // A reference to a resource attribute (known only after apply) is read from a variable of the same value instead.
  // Longest first, so a reference is never replaced inside a longer one.
  const names = Object.keys(standIns).sort((a, b) => b.length - a.length);
  const standInVar = (reference: string) => `stand_in_${names.indexOf(reference)}`;
  const replaced = (text: string) => names.reduce((out, reference) => out.split(reference).join(`var.${standInVar(reference)}`), text);
  const allVars = { ...vars, ...Object.fromEntries(names.map((reference) => [standInVar(reference), standIns[reference]])) };
  writeFileSync(
    join(dir, "main.tf.json"),
    JSON.stringify({
      variable: {
        ...Object.fromEntries(Object.keys(allVars).map((name) => [name, {}])),
        ...(moduleVariables ? committedModule().variables.variable : {}),
      },
      locals: { ...Object.fromEntries(Object.entries(locals).map(([name, text]) => [name, replaced(text)])), evaluated: replaced(expression) },
    }),
  );
  vars = allVars;
  writeFileSync(join(dir, "terraform.tfvars.json"), JSON.stringify(vars));
  // The console prints the JSON text as an HCL string literal.
  return JSON.parse(JSON.parse(terraformOk(dir, ["console"], {}, "jsonencode(local.evaluated)\n").trim()));
}

/**
 * The locals `text` reads, and the locals those read, by name: each one's expression from `all`, passed through
 * `rewrite` (unchanged by default) before its own references are followed.
 */
export function localsReadBy(text: string, all: Readonly<Record<string, string>>, rewrite: (expression: string) => string = (e) => e): Record<string, string> {
  const locals: Record<string, string> = {};
  const pending = [text];
  while (pending.length > 0) {
    for (const [, name] of pending.pop()!.matchAll(/local\.([a-z0-9_]+)/g)) {
      if (name in locals) continue;
      locals[name] = rewrite(all[name]);
      pending.push(locals[name]);
    }
  }
  return locals;
}

/** A resource attribute as an expression reads it: `aws_iam_role.integration.arn`, `aws_api_gateway_resource.logs[0].id`. */
const RESOURCE_ATTRIBUTE = /\baws_([a-z0-9_]+)\.([a-z0-9_]+)(?:\[[^\]]+\])?\.([a-z_]+)/g;

/**
 * Evaluates an expression of a module's `main.tf.json` (such as the deployment's redeployment trigger) with
 * `terraform console` for the given inputs and region, as Terraform would once the module is applied: the module's
 * variables with their defaults, the locals it reads (and theirs); a resource attribute the configuration sets (a log
 * group's name) is read from that configuration, and one only AWS gives (an id, an ARN) is stood in by a fixed value
 * naming it (`"<aws_iam_role.integration.arn>"`), as the ids of an applied stack stay fixed.
 */
export function evaluateModuleExpression(
  main: { locals: Record<string, string>; resource: Record<string, Record<string, Record<string, unknown>>> },
  expression: string,
  inputs: Record<string, unknown>,
  region: string,
): any {
  /** `text` with every configured attribute it reads replaced by its configuration, as an expression. */
  const inlined = (text: string): string => {
    for (let depth = 0; depth < 10; depth++) {
      const next = text.replace(RESOURCE_ATTRIBUTE, (reference, type: string, name: string, attribute: string) => {
        const configured = main.resource[`aws_${type}`]?.[name]?.[attribute];
        if (typeof configured === "string") return `(${JSON.stringify(configured)})`;
        return typeof configured === "number" || typeof configured === "boolean" ? String(configured) : reference;
      });
      if (next === text) return text;
      text = next;
    }
    throw new Error(`Resource attributes refer to each other too deeply in ${expression.slice(0, 80)}`);
  };
  const evaluated = inlined(expression);
  const locals = localsReadBy(evaluated, main.locals, inlined);
  const texts = [evaluated, ...Object.values(locals)].join("\n");
  const computed = [...new Set([...texts.matchAll(RESOURCE_ATTRIBUTE)].map((m) => m[0]))];
  const standIns: Record<string, unknown> = { "data.aws_region.current.name": region, ...Object.fromEntries(computed.map((a) => [a, `<${a}>`])) };
  return evaluateExpression(evaluated, { vars: inputs, locals, standIns, moduleVariables: true });
}
