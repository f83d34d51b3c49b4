import { AwsProvider } from "../cdktf/aws";
import { Construct, TerraformOutput, TerraformStack } from "../cdktf";
import { clientSnippets, DEFAULT_API_KEY_PLACEHOLDER } from "../clients";
import { signalPath } from "../otlp/signals";
import { OtlpProxy } from "../proxy/otlp-proxy";
import { addAccessOutputs } from "./access-outputs";
import { accessProps } from "./access-props";
import { ProxySettings } from "../settings/defaults";
import { signalsForRegion } from "../settings/parse-settings";
import { addBackend } from "./stack-backend";
import { addRegionObservability, RegionObservability } from "./observability";
import { regionStackName } from "./stack-name";

export interface RegionStackProps {
  readonly region: string;
  readonly settings: ProxySettings;
}

/** One region's root module: the AWS provider for the region, the shared {@link OtlpProxy} and its outputs. */
export class RegionStack extends TerraformStack {
  readonly proxy: OtlpProxy;
  /** The dashboard, alarms and Transaction Search of this region (src/stacks/observability.ts). */
  readonly observability: RegionObservability;

  constructor(scope: Construct, props: RegionStackProps) {
    const name = regionStackName(props.region);
    super(scope, name);
    const { region, settings } = props;

    new AwsProvider(this, "aws", {
      region,
      defaultTags: Object.keys(settings.tags).length > 0 ? [{ tags: { ...settings.tags } }] : undefined,
    });
    addBackend(this, name, settings.backend);

    this.proxy = new OtlpProxy(this, "otlp-proxy", {
      region,
      namePrefix: settings.namePrefix,
      signals: signalsForRegion(settings, region),
      stageName: settings.stageName,
      logGroupName: settings.logGroupName,
      logStreamName: settings.logStreamName,
      logRetentionDays: settings.logRetentionDays,
      throttle: settings.throttle,
      ...accessProps(settings, region),
    });
    this.addOutputs(region);
    this.observability = addRegionObservability(this, { region, settings, proxy: this.proxy });
  }

  private addOutputs(region: string): void {
    const proxy = this.proxy;
    const output = (id: string, value: string, description: string) => new TerraformOutput(this, id, { value, description });
    output("otlp_endpoint", proxy.endpoint, "Base OTLP/HTTP endpoint for tools (OTEL_EXPORTER_OTLP_ENDPOINT); clients append /v1/<signal>.");
    for (const signal of proxy.signals) {
      output(`${signal}_url`, proxy.signalUrl(signal), `Full URL of the ${signal} route (POST ${signalPath(signal)}), for per-signal endpoint settings.`);
    }
    addAccessOutputs(this, proxy, region);
    output("log_group_name", proxy.logDestination.logGroup.name, "CloudWatch log group that receives OTLP log records.");
    new TerraformOutput(this, "client_config", {
      value: clientSnippets(proxy.endpoint),
      description: `Ready settings for each AI tool and any OpenTelemetry SDK, by name; replace ${DEFAULT_API_KEY_PLACEHOLDER} with the key from get_api_key_command.`,
    });
  }
}
