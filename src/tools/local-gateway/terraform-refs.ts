/**
 * A Terraform JSON document of resources (the parts the local gateway reads): the stack as `terraform plan` evaluates
 * it, one entry per resource instance (see plan-doc.ts).
 */
export interface TerraformJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, TerraformResourceConfig>>>>;
  readonly [key: string]: unknown;
}

/** One resource instance's values (snake_case keys). */
export type TerraformResourceConfig = Readonly<Record<string, unknown>>;

/** Thrown when an expression cannot be resolved from the document alone. */
export class TerraformRefError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TerraformRefError";
  }
}

/**
 * How the plan reader writes a configured value Terraform knows only after apply and no single reference stands for:
 * `${known-after-apply:<address>.<attribute>}`. Resolving it fails with a message naming the value.
 */
export const KNOWN_AFTER_APPLY = "${known-after-apply:";

const REF = /\$\{([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\}/g;
const WHOLE_REF = /^\$\{([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\}$/;

/**
 * Attributes AWS computes at apply time. They are not in the configuration, so they resolve to stable stand-ins derived
 * from the resource address: two references to the same resource's `id` are equal, which is all routing needs.
 */
const COMPUTED_ATTRIBUTES = new Set(["id", "arn", "root_resource_id", "invoke_url", "execution_arn"]);

/**
 * Resolves `${<type>.<name>.<attribute>}` references in such a document by reading the referenced
 * resource's own configuration (so `${aws_cloudwatch_log_group.g.name}` becomes that block's `name`). References nested
 * in the referenced value are resolved too. Computed attributes (`id`, `arn`, ...) become {@link computedValue}s.
 */
export class TerraformRefs {
  constructor(private readonly doc: TerraformJson) {}

  /** The configuration block of `<type>.<name>`, or an error naming the missing address. */
  config(type: string, name: string): TerraformResourceConfig {
    const config = this.doc.resource?.[type]?.[name];
    if (!config) throw new TerraformRefError(`Reference to ${type}.${name}, which is not in the stack`);
    return config;
  }

  /** Every resource of one type, by name, in file order. */
  resourcesOf(type: string): Array<[string, TerraformResourceConfig]> {
    return Object.entries(this.doc.resource?.[type] ?? {});
  }

  /**
   * Resolves a value: strings have every reference replaced (a string that is exactly one reference takes the
   * referenced value's type); arrays and objects are resolved member by member.
   */
  resolve(value: unknown, seen: ReadonlySet<string> = new Set()): unknown {
    if (typeof value === "string") return this.resolveString(value, seen);
    if (Array.isArray(value)) return value.map((item) => this.resolve(item, seen));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v, seen)]));
    }
    return value;
  }

  /** Resolves a value that must end up a string (or absent). */
  resolveToString(value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    const resolved = this.resolve(value);
    if (typeof resolved === "string") return resolved;
    if (typeof resolved === "number" || typeof resolved === "boolean") return String(resolved);
    throw new TerraformRefError(`Expected a string, got ${JSON.stringify(resolved)}`);
  }

  /** The value of one attribute of one resource. */
  attribute(type: string, name: string, attribute: string, seen: ReadonlySet<string> = new Set()): unknown {
    const address = `${type}.${name}.${attribute}`;
    if (seen.has(address)) throw new TerraformRefError(`Circular reference through ${address}`);
    const config = this.config(type, name);
    if (attribute in config) return this.resolve(config[attribute], new Set([...seen, address]));
    if (COMPUTED_ATTRIBUTES.has(attribute)) return computedValue(type, name, attribute);
    throw new TerraformRefError(`Cannot resolve ${address}: the attribute is neither configured nor a known computed one`);
  }

  private resolveString(text: string, seen: ReadonlySet<string>): unknown {
    const later = text.indexOf(KNOWN_AFTER_APPLY);
    if (later >= 0) {
      const what = text.slice(later + KNOWN_AFTER_APPLY.length, text.indexOf("}", later));
      throw new TerraformRefError(`${what} is known only after apply (terraform plan cannot tell it)`);
    }
    const whole = WHOLE_REF.exec(text);
    if (whole) return this.attribute(whole[1], whole[2], whole[3], seen);
    const replaced = text.replace(REF, (_match, type: string, name: string, attribute: string) => {
      const value = this.attribute(type, name, attribute, seen);
      if (typeof value === "object" && value !== null) {
        throw new TerraformRefError(`Cannot interpolate ${type}.${name}.${attribute} (not a scalar) into "${text}"`);
      }
      return String(value);
    });
    if (replaced.includes("${")) throw new TerraformRefError(`Unsupported Terraform expression in "${text}"`);
    return replaced;
  }
}

/**
 * The stand-in for a computed attribute. For `aws_api_gateway_rest_api.id` it looks like a real API id (ten lowercase
 * letters and digits), since it appears in `User-Agent: AmazonAPIGateway_<apiId>`.
 */
export function computedValue(type: string, name: string, attribute: string): string {
  if (attribute === "id") return shortId(`${type}.${name}`);
  return `computed:${type}.${name}.${attribute}`;
}

/** A deterministic ten-character `[a-z0-9]` id for an address. */
export function shortId(seed: string): string {
  let hash = 2166136261n;
  for (const char of seed) hash = ((hash ^ BigInt(char.codePointAt(0) ?? 0)) * 16777619n) & 0xffffffffffffffffn;
  return hash.toString(36).padStart(10, "0").slice(-10);
}

/** The `<type>.<name>` address a whole-reference string points at (`${type.name.attr}` → `type.name`), if any. */
export function referencedAddress(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = WHOLE_REF.exec(value);
  return match ? `${match[1]}.${match[2]}` : undefined;
}
