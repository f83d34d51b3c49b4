import { KNOWN_AFTER_APPLY, shortId, TerraformJson } from "./terraform-refs";

/** The parts of `terraform show -json <plan>` the local gateway reads. */
export interface TerraformPlan {
  readonly format_version?: string;
  readonly terraform_version?: string;
  readonly resource_changes?: readonly PlannedChange[];
  readonly configuration?: { readonly root_module?: ConfigModule };
  readonly [key: string]: unknown;
}

/** One resource instance in the plan: what it will be after apply, and which parts are known only then. */
export interface PlannedChange {
  readonly address: string;
  /** `module.otlp_proxy`, or absent for the root module. */
  readonly module_address?: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  /** The `count` index or `for_each` key, when the resource has one. */
  readonly index?: number | string;
  readonly provider_name?: string;
  readonly change: { readonly actions: readonly string[]; readonly after?: unknown; readonly after_unknown?: unknown };
}

/** A module's configuration as the plan records it: expressions as constants or as the references they read. */
export interface ConfigModule {
  readonly resources?: readonly ConfigResource[];
  readonly module_calls?: Readonly<Record<string, { readonly source?: string; readonly module?: ConfigModule }>>;
}

export interface ConfigResource {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly expressions?: Readonly<Record<string, unknown>>;
}

/** A REST API instance planned for creation, whose id (and so every reference to it) is unknown at plan. */
export interface RestApiInstance {
  readonly moduleAddress?: string;
  readonly name: string;
  readonly index?: number | string;
  readonly providerName?: string;
}

/** The plan as the `TerraformJson` document the gateway model is built from, with what could not be written. */
export interface PlanDoc {
  readonly doc: TerraformJson;
  /** Configured API Gateway attributes known only after apply that no single reference stands for (`<address>.<path>`). */
  readonly unresolved: readonly string[];
  /** REST APIs whose id is unknown at plan (none when the plan started from seeded ones). */
  readonly unknownRestApis: readonly RestApiInstance[];
}

const NOT_RESOURCES = new Set(["var", "local", "each", "count", "data", "module", "path", "self", "terraform"]);
const RESOURCE_REF = /^([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[(\d+|"(?:[^"\\]|\\.)*")\])?(?:\.([A-Za-z_][A-Za-z0-9_-]*))?/;
const OMIT = Symbol("omit");

/**
 * Turns a plan into the document shape the gateway reads from: one `resource.<type>.<name>` entry per managed resource
 * instance the plan creates or keeps, with its planned values. Instance keys become plain names (`logs[0]` → `logs_0`,
 * `team["platform"]` → `team_platform`). A value known only after apply is:
 * - left out when the configuration does not set it (ids, ARNs: the gateway's stand-ins apply);
 * - `${<type>.<name>.<attribute>}` when its configuration is one reference to another instance (`resource_id`,
 *   `rest_api_id`, `parent_id`, `key_id`, a role's ARN), with `each.key`/`count.index` read as this instance's key;
 * - otherwise a known-after-apply marker, which fails with a clear message if the gateway ever needs it.
 */
export function planToDoc(plan: TerraformPlan): PlanDoc {
  const changes = (plan.resource_changes ?? []).filter(
    (change) => change.mode === "managed" && !(change.change.actions.length === 1 && change.change.actions[0] === "delete"),
  );
  const names = instanceNames(changes);
  const configs = configResources(plan.configuration?.root_module);
  const unresolved: string[] = [];
  const resource: Record<string, Record<string, Record<string, unknown>>> = {};

  for (const change of changes) {
    const config = configs.get(`${modulePath(change.module_address)}|${change.type}.${change.name}`);
    const resolve = (expression: unknown) => referenceFor(expression, change, changes, names);
    const walk = (known: unknown, mask: unknown, exprs: ExprNode, path: string): unknown => {
      if (mask === true) {
        if (exprs.kind === "none") return OMIT;
        const ref = exprs.kind === "expression" ? resolve(exprs.node) : undefined;
        if (ref) return ref;
        if (change.type.startsWith("aws_api_gateway_")) unresolved.push(`${change.address}.${path}`);
        return `${KNOWN_AFTER_APPLY}${change.address}.${path}}`;
      }
      if (Array.isArray(mask)) {
        const list = Array.isArray(known) ? [...known] : [];
        mask.forEach((item, i) => {
          const value = walk(list[i], item, childExpr(exprs, i), `${path}[${i}]`);
          list[i] = value === OMIT ? null : value;
        });
        return list;
      }
      if (mask !== null && typeof mask === "object") {
        const object: Record<string, unknown> = known !== null && typeof known === "object" ? { ...(known as Record<string, unknown>) } : {};
        for (const [key, item] of Object.entries(mask)) {
          const value = walk(object[key], item, childExpr(exprs, key), path ? `${path}.${key}` : key);
          if (value === OMIT) delete object[key];
          else object[key] = value;
        }
        return object;
      }
      return known;
    };
    const exprs: ExprNode = config?.expressions ? { kind: "block", node: config.expressions } : { kind: "none" };
    const values = walk(change.change.after ?? {}, change.change.after_unknown ?? {}, exprs, "");
    (resource[change.type] ??= {})[names.get(change.address) as string] = withoutNulls(values) as Record<string, unknown>;
  }

  const unknownRestApis = changes
    .filter((change) => change.type === "aws_api_gateway_rest_api" && isUnknown(change.change.after_unknown, "id"))
    .map((change) => ({ moduleAddress: change.module_address, name: change.name, index: change.index, providerName: change.provider_name }));
  return { doc: { resource } as TerraformJson, unresolved, unknownRestApis };
}

/** The stand-in id of a REST API instance, the same the gateway would compute for its document name. */
export function restApiStandInId(instance: RestApiInstance): string {
  return shortId(`aws_api_gateway_rest_api.${plainName(instance.name, instance.index)}`);
}

/** `logs` + 0 → `logs_0`; `team` + "platform" → `team_platform`; no index → the name itself. */
export function plainName(name: string, index: number | string | undefined): string {
  return index === undefined ? name : `${name}_${String(index).replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/** Document names for every instance, unique per type (a suffix is added on a clash between modules). */
function instanceNames(changes: readonly PlannedChange[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const change of changes) {
    const base = plainName(change.name, change.index);
    let name = base;
    for (let n = 2; taken.has(`${change.type}.${name}`); n++) name = `${base}_${n}`;
    taken.add(`${change.type}.${name}`);
    names.set(change.address, name);
  }
  return names;
}

/** Every resource configuration by `<module path without keys>|<type>.<name>`. */
function configResources(root: ConfigModule | undefined): Map<string, ConfigResource> {
  const found = new Map<string, ConfigResource>();
  const visit = (module: ConfigModule | undefined, path: string) => {
    for (const resource of module?.resources ?? []) {
      if (resource.mode === "managed") found.set(`${path}|${resource.type}.${resource.name}`, resource);
    }
    for (const [name, call] of Object.entries(module?.module_calls ?? {})) visit(call.module, path ? `${path}.${name}` : name);
  };
  visit(root, "");
  return found;
}

/** `module.a[0].module.b["x"]` → `a.b`: the path of module calls, instance keys dropped. */
export function modulePath(moduleAddress: string | undefined): string {
  if (!moduleAddress) return "";
  const calls: string[] = [];
  let rest = moduleAddress;
  while (rest.length) {
    const call = /^module\.([A-Za-z0-9_-]+)/.exec(rest);
    if (!call) break;
    calls.push(call[1]);
    rest = rest.slice(call[0].length);
    const key = /^\[(?:\d+|"(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (key) rest = rest.slice(key[0].length);
    if (rest.startsWith(".")) rest = rest.slice(1);
  }
  return calls.join(".");
}

type ExprNode =
  | { readonly kind: "none" }
  | { readonly kind: "expression"; readonly node: Readonly<Record<string, unknown>> }
  | { readonly kind: "block"; readonly node: unknown }
  | { readonly kind: "inside" };

function isExpression(node: unknown): node is Record<string, unknown> {
  return node !== null && typeof node === "object" && !Array.isArray(node) && ("references" in node || "constant_value" in node);
}

/** The configuration node below `node` at an object key or list index. */
function childExpr(parent: ExprNode, key: string | number): ExprNode {
  if (parent.kind === "none") return parent;
  if (parent.kind === "inside" || parent.kind === "expression") return { kind: "inside" };
  const node = parent.node;
  const child = Array.isArray(node) ? (typeof key === "number" ? node[key] : undefined) : (node as Record<string, unknown> | null)?.[String(key)];
  if (child === undefined || child === null) return { kind: "none" };
  return isExpression(child) ? { kind: "expression", node: child } : { kind: "block", node: child };
}

interface ParsedRef {
  readonly type: string;
  readonly name: string;
  readonly index?: number | string;
  readonly attribute?: string;
}

function parseResourceRef(text: string): ParsedRef | undefined {
  const match = RESOURCE_REF.exec(text);
  if (!match || NOT_RESOURCES.has(match[1])) return undefined;
  const index = match[3] === undefined ? undefined : match[3].startsWith('"') ? (JSON.parse(match[3]) as string) : Number(match[3]);
  return { type: match[1], name: match[2], index, attribute: match[4] };
}

/**
 * The `${type.name.attribute}` an expression stands for when it reads exactly one attribute of one other instance in
 * the same module (its index written out, this instance's own key through `each.key`/`count.index`, or for an instance
 * keyed `<route>/<status>`, its route's).
 */
function referenceFor(expression: unknown, self: PlannedChange, changes: readonly PlannedChange[], names: ReadonlyMap<string, string>): string | undefined {
  const references = (expression as { references?: unknown }).references;
  if (!Array.isArray(references) || references.length === 0) return undefined;
  let target: ParsedRef | undefined;
  for (const text of references) {
    if (text === "count.index" || (typeof text === "string" && /^each\.(key|value)\b/.test(text))) continue;
    const ref = typeof text === "string" ? parseResourceRef(text) : undefined;
    if (!ref) return undefined;
    if (!target) {
      target = ref;
      continue;
    }
    if (ref.type !== target.type || ref.name !== target.name) return undefined;
    if (ref.index !== undefined && target.index !== undefined && ref.index !== target.index) return undefined;
    if (ref.attribute !== undefined && target.attribute !== undefined && ref.attribute !== target.attribute) return undefined;
    target = { ...target, index: target.index ?? ref.index, attribute: target.attribute ?? ref.attribute };
  }
  if (!target) return undefined;
  const { type, name } = target;
  const candidates = changes.filter((c) => c.module_address === self.module_address && c.type === type && c.name === name);
  const instance =
    target.index !== undefined
      ? candidates.find((c) => c.index === target!.index)
      : (candidates.find((c) => c.index === undefined) ??
        (self.index !== undefined ? candidates.find((c) => c.index === self.index) : undefined) ??
        // The module keys an instance of a route's status `<route>/<status>`: it reads its route's instance.
        (typeof self.index === "string" ? candidates.find((c) => typeof c.index === "string" && self.index!.toString().startsWith(`${c.index}/`)) : undefined) ??
        (candidates.length === 1 ? candidates[0] : undefined));
  if (!instance) return undefined;
  return `\${${type}.${names.get(instance.address)}.${target.attribute ?? "id"}}`;
}

function isUnknown(mask: unknown, key: string): boolean {
  return mask !== null && typeof mask === "object" && (mask as Record<string, unknown>)[key] === true;
}

/** Object members whose value is null are dropped, as cdktf never writes them. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}
