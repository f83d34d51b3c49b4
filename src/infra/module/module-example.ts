import { ProxySettings } from "../settings/defaults";
import { networkForRegion } from "../settings/parse-network";
import { signalsForRegion } from "../settings/parse-settings";
import { AWS_PROVIDER_REQUIREMENT, TERRAFORM_REQUIREMENT } from "./module-requirements";
import { Block, renderBlocks } from "./hcl/hcl-block";
import { expr, Value } from "./hcl/hcl-value";
import { MODULE_VARIABLES, variableValue } from "./module-variables";

/** `us-east-1` → `us_east_1`: a region as a Terraform name (provider alias, module name). */
export function regionName(region: string): string {
  return region.replace(/-/g, "_");
}

/**
 * A root module calling the module once per region, each with an aliased aws provider, with the values the project's
 * settings give that region (only the settings `configuredKeys` names; the rest keep the module's defaults), and one
 * output per region holding all of that call's outputs.
 */
export function exampleRoot(settings: ProxySettings, configuredKeys: readonly string[], regions: readonly string[], source: string): string {
  const call = (region: string) => `otlp_proxy_${regionName(region)}`;
  const inputs = (region: string): Record<string, Value> =>
    Object.fromEntries(
      MODULE_VARIABLES.filter((variable) => configuredKeys.includes(variable.setting))
        .map((variable) => [variable.name, variableValue(variable.setting, settingForRegion(settings, variable.setting, region)) as Value])
        .filter(([, value]) => value !== null),
    );
  return renderBlocks([
    new Block("terraform", [], {
      required_version: TERRAFORM_REQUIREMENT,
      required_providers: new Block("required_providers", [], { aws: { ...AWS_PROVIDER_REQUIREMENT } }),
    }),
    ...regions.map((region) => new Block("provider", ["aws"], { alias: regionName(region), region })),
    ...regions.map((region) => new Block("module", [call(region)], { source, providers: { aws: expr(`aws.${regionName(region)}`) }, ...inputs(region) })),
    ...regions.map((region) => new Block("output", [regionName(region)], { description: `Every output of the ${region} proxy.`, value: expr(`module.${call(region)}`) })),
  ]);
}

/** One setting's value for one region: per-region settings (signals, network) resolved as the cdktf stacks do. */
export function settingForRegion(settings: ProxySettings, setting: keyof ProxySettings, region: string): unknown {
  if (setting === "signals") return signalsForRegion(settings, region);
  const network = networkForRegion(settings, region) as unknown as Record<string, unknown>;
  if (setting in network) return setting === "basePath" && !network.domainName ? undefined : network[setting];
  return settings[setting];
}
