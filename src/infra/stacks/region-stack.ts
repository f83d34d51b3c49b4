import { AwsProvider } from "../cdktf/aws";
import { AssetType, Construct, TerraformAsset, TerraformHclModule, TerraformOutput, TerraformStack } from "../cdktf";
import { REGIONS_UNKNOWN_TO_PROVIDER } from "../aws-regions/provider-regions";
import { ProxySettings } from "../settings/defaults";
import { moduleInputs } from "./module-inputs";
import { MODULE_DIR } from "../module/module-dir";
import { MODULE_OUTPUTS } from "../module/parts/outputs";
import { addBackend } from "./stack-backend";
import { regionStackName } from "./stack-name";

export interface RegionStackProps {
  readonly region: string;
  readonly settings: ProxySettings;
}

/** The name of the module call in every region stack: addresses read `module.otlp_proxy.<resource>`. */
export const MODULE_CALL_NAME = "otlp_proxy";

/**
 * One region's root module: the AWS provider for the region, the backend, one call of the OTLP proxy module
 * (`modules/otlp-proxy`, the only definition of the proxy's resources) with the region's settings as inputs, and
 * outputs that forward the module's. The module's files are copied into the stack folder, so the folder works on its
 * own in a pipeline or a Terraform Cloud workspace.
 */
export class RegionStack extends TerraformStack {
  readonly proxy: TerraformHclModule;

  constructor(scope: Construct, props: RegionStackProps) {
    const name = regionStackName(props.region);
    super(scope, name);
    const { region, settings } = props;

    new AwsProvider(this, "aws", {
      region,
      ...(REGIONS_UNKNOWN_TO_PROVIDER.includes(region) ? { skipRegionValidation: true } : {}),
      defaultTags: Object.keys(settings.tags).length > 0 ? [{ tags: { ...settings.tags } }] : undefined,
    });
    addBackend(this, name, settings.backend);

    // A fixed asset hash keeps the module's folder in the stack the same across module changes (no re-init needed).
    const files = new TerraformAsset(this, "module", { path: MODULE_DIR, type: AssetType.DIRECTORY, assetHash: "otlp-proxy" });
    this.proxy = new TerraformHclModule(this, MODULE_CALL_NAME, {
      source: `./${files.path}`,
      skipAssetCreationFromLocalModules: true,
      variables: moduleInputs(settings, region),
    });
    this.proxy.overrideLogicalId(MODULE_CALL_NAME);
    for (const output of MODULE_OUTPUTS.filter((o) => o.presentWhen?.(settings, region) ?? true)) {
      const forwarded = new TerraformOutput(this, `output-${output.name}`, {
        value: `\${module.${MODULE_CALL_NAME}.${output.name}}`,
        description: output.description,
      });
      forwarded.overrideLogicalId(output.name);
    }
  }
}
