import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { HclExportError } from "./hcl-export-error";
import { runTerraform } from "./run-terraform";

/** An attribute in a provider schema; only its presence matters to the converter. */
export interface SchemaAttribute {
  readonly type?: unknown;
  readonly nested_type?: unknown;
}

/** A block in a provider schema (`terraform providers schema -json`): which names are attributes, which blocks. */
export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly block_types?: Readonly<Record<string, SchemaBlockType>>;
}

/** A nested block type and how its instances nest (`single` and `group`: one; `list`, `set`: many; `map`: labelled). */
export interface SchemaBlockType {
  readonly nesting_mode: "single" | "group" | "list" | "set" | "map";
  readonly block: SchemaBlock;
}

interface SchemaEntry {
  readonly block: SchemaBlock;
}

/** One provider's schemas; the HCL export reads only its configuration block's (a region stack declares no resource). */
export interface ProviderSchema {
  readonly provider?: SchemaEntry;
}

/** The output of `terraform providers schema -json`, keyed by provider source address. */
export interface ProviderSchemas {
  readonly format_version: string;
  readonly provider_schemas: Readonly<Record<string, ProviderSchema>>;
}

/**
 * The schemas of the given providers (a `required_providers` map), from `terraform providers schema -json` in a
 * temporary configuration that declares only those providers, so no backend, module or credential is involved.
 * @param env the environment for Terraform; pass `process.env` so a CLI configuration (provider mirror) applies
 */
export function fetchProviderSchemas(requiredProviders: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv): ProviderSchemas {
  // The same providers from the same CLI configuration have the same schema: read it once per process.
  const key = JSON.stringify([requiredProviders, env.TF_CLI_CONFIG_FILE ?? ""]);
  const known = fetched.get(key);
  if (known) return known;
  const schemas = readProviderSchemas(requiredProviders, env);
  fetched.set(key, schemas);
  return schemas;
}

const fetched = new Map<string, ProviderSchemas>();

function readProviderSchemas(requiredProviders: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv): ProviderSchemas {
  const dir = mkdtempSync(join(tmpdir(), "otlp-proxy-schema-"));
  try {
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ terraform: { required_providers: requiredProviders } }, null, 2));
    try {
      runTerraform(dir, ["init", "-backend=false", "-input=false"], env);
    } catch (error) {
      throw new HclExportError(
        `${(error as Error).message}. Reading the provider schema needs Terraform to install hashicorp/aws: allow it to ` +
          "reach the registry, or set TF_CLI_CONFIG_FILE to a CLI configuration with a provider mirror (after npm test: .terraform-cli/terraformrc)",
      );
    }
    // The AWS provider's schema is over 10 MB: it goes to a file, not through a pipe buffer.
    const file = join(dir, "schema.json");
    const fd = openSync(file, "w");
    try {
      runTerraform(dir, ["providers", "schema", "-json"], env, fd);
    } finally {
      closeSync(fd);
    }
    return JSON.parse(readFileSync(file, "utf8")) as ProviderSchemas;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The schema of a provider's configuration block, by its local name. The source address comes from
 * `required_providers` (`aws`, `hashicorp/aws` and `registry.terraform.io/hashicorp/aws` are the same provider).
 */
export function providerConfigSchema(
  schemas: ProviderSchemas,
  localName: string,
  requiredProviders: Readonly<Record<string, unknown>>,
  where: string,
): SchemaBlock {
  const requirement = requiredProviders[localName];
  const source = typeof requirement === "object" && requirement !== null ? (requirement as { source?: unknown }).source : undefined;
  const address = providerAddress(typeof source === "string" ? source : localName);
  const block = schemas.provider_schemas[address]?.provider?.block;
  if (!block) throw new HclExportError(`${where}: no provider schema for "${address}" (local name "${localName}")`);
  return block;
}

/** A provider source written as Terraform allows (`name`, `namespace/name`, `host/namespace/name`), in full. */
export function providerAddress(source: string): string {
  const parts = source.toLowerCase().split("/");
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `registry.terraform.io/${parts[0]}/${parts[1]}`;
  return parts.join("/");
}
