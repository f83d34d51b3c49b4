import { ProxySettings } from "../settings/defaults";
import { networkForRegion } from "../settings/parse-network";
import { signalsForRegion } from "../settings/parse-settings";
import { AWS_PROVIDER_REQUIREMENT, TERRAFORM_REQUIREMENT } from "./module-requirements";
import { MODULE_VARIABLES, variableValue } from "./module-variables";

/** `us-east-1` → `us_east_1`: a region as a Terraform name (provider alias, module name). */
export function regionName(region: string): string {
  return region.replace(/-/g, "_");
}

export interface ExampleOptions {
  /**
   * `per-region`: one output per region holding all of that module call's outputs. `flat`: for a single region, each
   * of the module's outputs as a root output of the same name, as the cdktf region stack has them.
   * @default "per-region"
   */
  readonly outputs?: "per-region" | "flat";
  /** The module's output names, needed for `flat`. */
  readonly outputNames?: readonly string[];
}

/**
 * A root module calling the module once per region, each with an aliased aws provider, with the values the project's
 * settings give that region (only the settings `configuredKeys` names; the rest keep the module's defaults).
 */
export function exampleRoot(
  settings: ProxySettings,
  configuredKeys: readonly string[],
  regions: readonly string[],
  source: string,
  options: ExampleOptions = {},
): string {
  const blocks: string[] = [
    [
      "terraform {",
      `  required_version = ${JSON.stringify(TERRAFORM_REQUIREMENT)}`,
      "  required_providers {",
      `    aws = { source = ${JSON.stringify(AWS_PROVIDER_REQUIREMENT.source)}, version = ${JSON.stringify(AWS_PROVIDER_REQUIREMENT.version)} }`,
      "  }",
      "}",
    ].join("\n"),
  ];
  for (const region of regions) {
    blocks.push(`provider "aws" {\n  alias  = ${JSON.stringify(regionName(region))}\n  region = ${JSON.stringify(region)}\n}`);
  }
  for (const region of regions) {
    const call: [string, string][] = [
      ["source", JSON.stringify(source)],
      ["providers", `{ aws = aws.${regionName(region)} }`],
    ];
    const inputs: [string, string][] = [];
    for (const variable of MODULE_VARIABLES) {
      if (!configuredKeys.includes(variable.setting)) continue;
      const value = variableValue(variable.setting, settingForRegion(settings, variable.setting, region));
      if (value === null) continue;
      inputs.push([variable.name, pretty(value, "  ")]);
    }
    const lines = [`module "otlp_proxy_${regionName(region)}" {`, ...aligned(call, "  "), "", ...aligned(inputs, "  "), "}"];
    blocks.push(lines.join("\n"));
  }
  if (options.outputs === "flat") {
    const [region] = regions;
    for (const name of options.outputNames ?? []) blocks.push(`output "${name}" {\n  value = module.otlp_proxy_${regionName(region)}.${name}\n}`);
  } else {
    for (const region of regions) {
      blocks.push(`output "${regionName(region)}" {\n  description = "Every output of the ${region} proxy."\n  value       = module.otlp_proxy_${regionName(region)}\n}`);
    }
  }
  return `${blocks.join("\n\n")}\n`;
}

/** One setting's value for one region: per-region settings (signals, network) resolved as the cdktf stacks do. */
export function settingForRegion(settings: ProxySettings, setting: keyof ProxySettings, region: string): unknown {
  if (setting === "signals") return signalsForRegion(settings, region);
  const network = networkForRegion(settings, region) as unknown as Record<string, unknown>;
  if (setting in network) return setting === "basePath" && !network.domainName ? undefined : network[setting];
  return settings[setting];
}

/** An HCL value laid out over lines, with bare keys where they are identifiers. */
function pretty(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) return `[${value.map((v) => pretty(v, indent)).join(", ")}]`;
    return `[\n${value.map((v) => `${indent}  ${pretty(v, `${indent}  `)},`).join("\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined);
    if (entries.length === 0) return "{}";
    const key = (k: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k));
    return `{\n${aligned(entries.map(([k, v]) => [key(k), pretty(v, `${indent}  `)]), `${indent}  `).join("\n")}\n${indent}}`;
  }
  return value === null || value === undefined ? "null" : typeof value === "string" ? JSON.stringify(value).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{") : String(value);
}

/**
 * `key = value` lines as `terraform fmt` writes them: the `=` of consecutive one-line values in one column; a value
 * over several lines stands alone and ends the run.
 */
function aligned(entries: readonly (readonly [string, string])[], indent: string): string[] {
  const lines: string[] = [];
  let run: (readonly [string, string])[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([name]) => name.length));
    for (const [name, value] of run) lines.push(`${indent}${name.padEnd(width)} = ${value}`);
    run = [];
  };
  for (const entry of entries) {
    if (!entry[1].includes("\n")) {
      run.push(entry);
      continue;
    }
    flush();
    lines.push(`${indent}${entry[0]} = ${entry[1]}`);
  }
  flush();
  return lines;
}
