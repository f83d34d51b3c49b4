import { HclExportError } from "./hcl-export-error";
import { quotedLiteral } from "./hcl-template-string";
import { renderAttribute, renderObjectKey, renderReference, renderReferenceList, renderValue, StringMode } from "./hcl-values";
import { ProviderSchemas, providerConfigSchema, SchemaBlock, SchemaBlockType } from "./provider-schema";

type Json = Readonly<Record<string, unknown>>;

const INDENT = "  ";
/** The JSON key Terraform ignores, where cdktf keeps its metadata. */
const COMMENT_KEY = "//";

/**
 * A synthesized region stack's Terraform JSON configuration (`cdk.tf.json`) as native HCL: its settings, providers,
 * module calls and outputs, which is all a region stack holds (its resources are in the module, HCL already). The
 * provider schemas tell a nested block of a provider's configuration (`default_tags { ... }`) from an attribute that
 * holds a map or an object, which the JSON syntax writes alike. The output is valid HCL, not yet aligned: run
 * `terraform fmt` on it.
 * @throws HclExportError naming the configuration path of anything that cannot be converted
 */
export function renderHcl(config: Json, schemas: ProviderSchemas): string {
  const renderer = new HclRenderer(schemas, objectAt(config.terraform ?? {}, "terraform").required_providers ?? {});
  const known = new Set([COMMENT_KEY, ...TOP_LEVEL_ORDER]);
  const unknown = Object.keys(config).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new HclExportError(`top-level "${unknown[0]}" is not supported by the HCL export (supported: ${TOP_LEVEL_ORDER.join(", ")})`);
  }
  const blocks = TOP_LEVEL_ORDER.flatMap((key) => (config[key] === undefined ? [] : renderer.topLevel(key, config[key])));
  return `${blocks.join("\n\n")}\n`;
}

/** The top-level block types of a region stack, in the order they are written. */
const TOP_LEVEL_ORDER = ["terraform", "provider", "module", "output"] as const;
type TopLevel = (typeof TOP_LEVEL_ORDER)[number];

/** The parts of a block body in the order they are written, blank-line separated between groups of blocks. */
interface Body {
  readonly head: string[];
  readonly attributes: string[];
  readonly blocks: string[];
  readonly tail: string[];
}

const newBody = (): Body => ({ head: [], attributes: [], blocks: [], tail: [] });

class HclRenderer {
  constructor(
    private readonly schemas: ProviderSchemas,
    private readonly requiredProviders: Json,
  ) {}

  topLevel(key: TopLevel, value: unknown): string[] {
    switch (key) {
      case "terraform":
        return bodiesAt(value, "terraform").map((body) => this.terraformBlock(body));
      case "provider":
        return labelled(value, "provider").flatMap(([name, bodies]) =>
          bodiesAt(bodies, `provider.${name}`).map((body) => this.providerBlock(name, body)),
        );
      case "module":
        return labelled(value, "module").map(([name, body]) => this.moduleBlock(name, objectAt(body, `module.${name}`)));
      case "output":
        return labelled(value, "output").map(([name, body]) => this.outputBlock(name, objectAt(body, `output.${name}`)));
    }
  }

  private terraformBlock(settings: Json): string {
    const body = newBody();
    for (const [key, value] of entries(settings)) {
      const where = `terraform.${key}`;
      switch (key) {
        case "required_providers":
          body.blocks.push(this.requiredProvidersBlock(objectAt(value, where), where));
          break;
        case "backend":
          for (const [type, config] of labelled(value, where)) {
            body.blocks.push(block(["backend", type], literalBody(objectAt(config, `${where}.${type}`), `${where}.${type}`, INDENT + INDENT), INDENT));
          }
          break;
        case "cloud": {
          const cloud = newBody();
          for (const [cloudKey, cloudValue] of entries(objectAt(value, where))) {
            if (cloudKey === "workspaces") {
              cloud.blocks.push(block(["workspaces"], literalBody(objectAt(cloudValue, `${where}.workspaces`), `${where}.workspaces`, INDENT.repeat(3)), INDENT + INDENT));
            } else {
              cloud.attributes.push(renderAttribute(cloudKey, renderValue(cloudValue, "literal", `${where}.${cloudKey}`, INDENT + INDENT), INDENT + INDENT, where));
            }
          }
          body.blocks.push(block(["cloud"], cloud, INDENT));
          break;
        }
        case "provider_meta":
          for (const [name, config] of labelled(value, where)) {
            body.blocks.push(block(["provider_meta", name], literalBody(objectAt(config, `${where}.${name}`), `${where}.${name}`, INDENT + INDENT), INDENT));
          }
          break;
        case "experiments":
          body.attributes.push(renderAttribute(key, renderReferenceList(value, where, INDENT), INDENT, where));
          break;
        default:
          body.attributes.push(renderAttribute(key, renderValue(value, "literal", where, INDENT), INDENT, where));
      }
    }
    return block(["terraform"], body, "");
  }

  private requiredProvidersBlock(providers: Json, where: string): string {
    const indent = INDENT + INDENT;
    const lines = entries(providers).map(([name, requirement]) => {
      const at = `${where}.${name}`;
      if (typeof requirement === "string") return renderAttribute(name, quotedLiteral(requirement), indent, at);
      const fields = entries(objectAt(requirement, at)).map(([field, fieldValue]) => {
        const value =
          field === "configuration_aliases" ? renderReferenceList(fieldValue, `${at}.${field}`, indent + INDENT) : renderValue(fieldValue, "literal", `${at}.${field}`, indent + INDENT);
        return `${indent}${INDENT}${renderObjectKey(field, "literal", at)} = ${value}`;
      });
      return renderAttribute(name, fields.length === 0 ? "{}" : `{\n${fields.join("\n")}\n${indent}}`, indent, at);
    });
    return block(["required_providers"], { ...newBody(), attributes: lines }, INDENT);
  }

  private providerBlock(name: string, config: Json): string {
    const where = `provider.${name}`;
    const schema = providerConfigSchema(this.schemas, name, this.requiredProviders, where);
    const body = newBody();
    for (const [key, value] of entries(config)) {
      if (key === "alias" || key === "version") {
        body.head.push(renderAttribute(key, renderValue(value, "literal", `${where}.${key}`), INDENT, where));
      } else {
        this.schemaEntry(body, key, value, schema, INDENT, `${where}.${key}`);
      }
    }
    return block(["provider", name], body, "");
  }

  private moduleBlock(name: string, config: Json): string {
    const where = `module.${name}`;
    const body = newBody();
    for (const [key, value] of entries(config)) {
      const at = `${where}.${key}`;
      if (key === "source" || key === "version") {
        body.head.push(renderAttribute(key, renderValue(value, "literal", at), INDENT, at));
      } else if (key === "providers") {
        const lines = entries(objectAt(value, at)).map(([inModule, passed]) => `${INDENT + INDENT}${renderReference(inModule, at)} = ${renderReference(passed, `${at}.${inModule}`)}`);
        body.attributes.push(renderAttribute(key, lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n${INDENT}}`, INDENT, at));
      } else if (key === "count" || key === "for_each") {
        body.head.push(renderAttribute(key, renderValue(value, "template", at, INDENT), INDENT, at));
      } else if (key === "depends_on") {
        body.tail.push(renderAttribute(key, renderReferenceList(value, at, INDENT), INDENT, at));
      } else {
        body.attributes.push(renderAttribute(key, renderValue(value, "template", at, INDENT), INDENT, at));
      }
    }
    return block(["module", name], body, "");
  }

  private outputBlock(name: string, config: Json): string {
    const where = `output.${name}`;
    const body = newBody();
    for (const [key, value] of entries(config)) {
      const at = `${where}.${key}`;
      if (key === "description") {
        body.attributes.push(renderAttribute(key, renderValue(value, "literal", at, INDENT), INDENT, at));
      } else if (key === "precondition") {
        body.blocks.push(...bodiesAt(value, at).map((rule) => block([key], templateBody(rule, at, INDENT + INDENT), INDENT)));
      } else if (key === "depends_on") {
        body.tail.push(renderAttribute(key, renderReferenceList(value, at, INDENT), INDENT, at));
      } else {
        body.attributes.push(renderAttribute(key, renderValue(value, "template", at, INDENT), INDENT, at));
      }
    }
    return block(["output", name], body, "");
  }

  /** One key of a schema-described body: a nested block when the schema says so, else an attribute. */
  private schemaEntry(body: Body, key: string, value: unknown, schema: SchemaBlock, indent: string, where: string): void {
    const blockType = schema.block_types?.[key];
    if (blockType) {
      body.blocks.push(...this.nestedBlocks(key, value, blockType, indent, where));
    } else {
      body.attributes.push(renderAttribute(key, renderValue(value, "template", where, indent), indent, where));
    }
  }

  private nestedBlocks(name: string, value: unknown, type: SchemaBlockType, indent: string, where: string): string[] {
    if (value === null || value === undefined) return [];
    if (typeof value !== "object") {
      throw new HclExportError(`${where}: "${name}" is a nested block in the provider schema, so it needs an object or a list of objects, got ${JSON.stringify(value)}`);
    }
    if (type.nesting_mode === "map") {
      return bodiesAt(value, where).flatMap((byLabel) =>
        labelled(byLabel, where).map(([label, config]) => this.schemaBlock([name, label], objectAt(config, `${where}.${label}`), type.block, indent, `${where}.${label}`)),
      );
    }
    return bodiesAt(value, where).map((config, i) => this.schemaBlock([name], config, type.block, indent, Array.isArray(value) ? `${where}[${i}]` : where));
  }

  private schemaBlock(labels: readonly string[], config: Json, schema: SchemaBlock, indent: string, where: string): string {
    const body = newBody();
    for (const [key, value] of entries(config)) this.schemaEntry(body, key, value, schema, indent + INDENT, `${where}.${key}`);
    return block(labels, body, indent);
  }
}

/** A body whose keys are all attributes, in the given string mode. */
function attributeBody(config: Json, mode: StringMode, where: string, indent: string): Body {
  const attributes = entries(config).map(([key, value]) => renderAttribute(key, renderValue(value, mode, `${where}.${key}`, indent), indent, `${where}.${key}`));
  return { ...newBody(), attributes };
}

const literalBody = (config: Json, where: string, indent: string) => attributeBody(config, "literal", where, indent);
const templateBody = (config: Json, where: string, indent: string) => attributeBody(config, "template", where, indent);

/** `type "label" ... { body }` at `indent`; the first word is bare, the labels quoted. */
function block(labels: readonly string[], body: Body, indent: string): string {
  const [type, ...rest] = labels;
  const header = `${indent}${type}${rest.map((label) => ` ${quotedLiteral(label)}`).join("")} {`;
  const groups = [[...body.head], [...body.attributes], ...body.blocks.map((b) => [b]), ...body.tail.map((t) => [t])].filter((g) => g.length > 0);
  if (groups.length === 0) return `${header}}`;
  return `${header}\n${groups.map((group) => group.join("\n")).join("\n\n")}\n${indent}}`;
}

/** Keys and values of a JSON body, without cdktf's `//` metadata. */
function entries(config: Json): [string, unknown][] {
  return Object.entries(config).filter(([key, value]) => key !== COMMENT_KEY && value !== undefined);
}

/** `{ label: body }` or a list of such objects, as [label, body] pairs (JSON allows both for labelled blocks). */
function labelled(value: unknown, where: string): [string, unknown][] {
  return bodiesAt(value, where).flatMap((group) => entries(group));
}

/** A block body given as one object or as a list of objects (JSON allows both), as a list. */
function bodiesAt(value: unknown, where: string): Json[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, i) => objectAt(item, Array.isArray(value) ? `${where}[${i}]` : where));
}

function objectAt(value: unknown, where: string): Record<string, any> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new HclExportError(`${where}: expected an object, got ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  return value as Record<string, any>;
}
