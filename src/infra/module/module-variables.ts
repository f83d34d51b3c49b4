import { DEFAULTS, ProxySettings } from "../settings/defaults";
import { ALL_RULES, spellOut, ValueRule } from "../settings/rules";
import { SETTING_DESCRIPTIONS } from "../settings/setting-descriptions";
import { Block } from "./hcl/hcl-block";
import { Call, expr, oneLine as hcl, Value } from "./hcl/hcl-value";
import { nested } from "./hcl/blocks";
import { moduleMessage, moduleSpell, ruleVariable, validationCondition } from "./rule-validations";

/**
 * Settings that have no module variable, with the reason. Everything else in {@link DEFAULTS} is a variable (a test
 * holds the two together).
 */
export const SETTINGS_WITHOUT_VARIABLE: Readonly<Partial<Record<keyof ProxySettings, string>>> = {
  regions:
    "The module is per region: it deploys into its aws provider's region (data.aws_region). Call it once per region with an aliased provider, as examples/two-regions does.",
  backend: "State belongs to the caller's root module, which declares its own backend; a module cannot declare one.",
};

/** Settings whose value is a map with user-chosen keys: their keys are kept as written, never converted to snake_case. */
const MAP_SETTINGS: readonly string[] = ["tags", "alarms.topicArns"];

/** One Terraform input variable of the module, made from one setting. */
export interface ModuleVariable {
  readonly name: string;
  readonly setting: keyof ProxySettings;
  readonly type: Value;
  readonly description: string;
  /** The default, already in the variable's (snake_case) shape; null for settings off by default. */
  readonly default: unknown;
  readonly validation: readonly { readonly condition: string; readonly errorMessage: string }[];
}

/** `stageName` → `stage_name`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A setting's value in the variable's shape: object keys in snake_case, except inside maps with user keys. */
export function variableValue(setting: string, value: unknown): unknown {
  const convert = (path: string, v: unknown): unknown => {
    if (Array.isArray(v)) return v.map((item) => convert(path, item));
    if (v === null || typeof v !== "object") return v;
    if (MAP_SETTINGS.includes(path)) return { ...(v as object) };
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => [snakeCase(key), convert(`${path}.${key}`, member)]),
    );
  };
  return value === undefined ? null : convert(setting, value);
}

const optional = (type: string, value: unknown) => `optional(${type}, ${hcl(value as Value)})`;

/** An object type of the given attribute types. */
function objectType(attributes: Record<string, string>): Value {
  return new Call("object", Object.fromEntries(Object.entries(attributes).map(([name, type]) => [name, expr(type)])));
}

const typeOf = (value: unknown) => (typeof value === "boolean" ? "bool" : typeof value === "number" ? "number" : Array.isArray(value) ? "list(string)" : "map(string)");

/** The object type of a nested setting: each member of its {@link DEFAULTS} optional with that default; `more` adds members without one. */
function defaultsType(setting: keyof ProxySettings, more: Record<string, string> = {}): Value {
  const members = Object.entries(DEFAULTS[setting] as object).map(([key, value]) => [snakeCase(key), optional(typeOf(value), value)]);
  return objectType({ ...Object.fromEntries(members), ...more });
}

/** Every variable, in the order of the settings table (SETTING_DESCRIPTIONS); each one's validation comes from the rules table. */
export const MODULE_VARIABLES: readonly ModuleVariable[] = [
  variable("stageName", "string"),
  variable("logGroupName", "string"),
  variable("logStreamName", "string"),
  variable("logStreams", "string"),
  variable("logRetentionDays", "number"),
  variable("throttle", defaultsType("throttle")),
  variable("metricsThrottle", defaultsType("metricsThrottle")),
  variable("signals", "list(string)"),
  variable("tags", "map(string)"),
  variable("namePrefix", "string"),
  variable("teams", new Call("list", objectType({
    name: "string",
    rate_limit: "optional(number)",
    burst_limit: "optional(number)",
    quota: "optional(object({ limit = number, period = string }))",
    enabled: optional("bool", true),
  }))),
  variable("accessLogs", "bool"),
  variable("accessLogGroupName", "string"),
  variable("accessLogRetentionDays", "number"),
  variable("executionLogLevel", "string"),
  variable("detailedMetrics", "bool"),
  variable("accountCloudWatchRole", "string"),
  variable("allowedSourceCidrs", "list(string)"),
  variable("webAclArn", "string"),
  variable("domainName", "string"),
  variable("certificateArn", "string"),
  variable("hostedZoneId", "string"),
  variable("basePath", "string"),
  variable("disableExecuteApiEndpoint", "bool"),
  variable("ipAddressType", "string"),
  variable("dashboard", defaultsType("dashboard")),
  variable("alarms", defaultsType("alarms")),
  variable("transactionSearch", defaultsType("transactionSearch", { regions: "optional(list(string))" })),
];

/** The value rules of the table on one variable, as its validation blocks (in table order). */
export function variableValidations(name: string): ModuleVariable["validation"] {
  return ALL_RULES.filter((rule): rule is ValueRule => rule.kind === "value" && ruleVariable(rule) === name).map((rule) => ({
    condition: validationCondition(rule),
    errorMessage: moduleMessage(rule),
  }));
}

/** The variable of a setting: its description from SETTING_DESCRIPTIONS, its default and its validations. */
function variable(setting: keyof ProxySettings, type: Value | string): ModuleVariable {
  const name = snakeCase(setting);
  // Setting names in descriptions as the module spells them, as code.
  const description = spellOut(SETTING_DESCRIPTIONS[setting].does, (named) => `\`${moduleSpell(named)}\``);
  return { name, setting, type: typeof type === "string" ? expr(type) : type, description, default: variableValue(setting, DEFAULTS[setting]), validation: variableValidations(name) };
}

/** The variables as blocks: type, description, default (null makes a variable optional) and validations. */
export function variableBlocks(): Block[] {
  return MODULE_VARIABLES.map(
    (v) =>
      new Block("variable", [v.name], {
        description: v.description,
        type: v.type,
        default: v.default as never,
        nullable: v.default === null,
        validation: v.validation.length > 0 ? v.validation.map((rule) => nested("validation", { condition: expr(rule.condition), error_message: rule.errorMessage })) : undefined,
      }),
  );
}
