import { AwsProvider } from "../cdktf/aws";
import { Construct, LocalBackend, TerraformOutput, TerraformStack } from "../cdktf";
import { clientSnippets, DEFAULT_API_KEY_PLACEHOLDER } from "../clients";
import { signalPath } from "../otlp/signals";
import { OtlpProxy } from "../proxy/otlp-proxy";
import { ProxySettings } from "../settings/defaults";
import { signalsForRegion } from "../settings/parse-settings";
import { regionStackName } from "./stack-name";

export interface RegionStackProps {
  readonly region: string;
  readonly settings: ProxySettings;
}

/** One region's root module: the AWS provider for the region, the shared {@link OtlpProxy} and its outputs. */
export class RegionStack extends TerraformStack {
  readonly proxy: OtlpProxy;

  constructor(scope: Construct, props: RegionStackProps) {
    const name = regionStackName(props.region);
    super(scope, name);
    const { region, settings } = props;

    new AwsProvider(this, "aws", {
      region,
      defaultTags: Object.keys(settings.tags).length > 0 ? [{ tags: { ...settings.tags } }] : undefined,
    });
    // Relative to the stack folder (cdktf.out/stacks/<stack>), so state survives re-synthesis and no absolute path of
    // the synthesizing machine is written.
    new LocalBackend(this, { path: `../../../terraform.${name}.tfstate` });

    this.proxy = new OtlpProxy(this, "otlp-proxy", {
      region,
      signals: signalsForRegion(settings, region),
      stageName: settings.stageName,
      logGroupName: settings.logGroupName,
      logStreamName: settings.logStreamName,
      logRetentionDays: settings.logRetentionDays,
      throttle: settings.throttle,
    });
    this.addOutputs(region);
  }

  private addOutputs(region: string): void {
    const proxy = this.proxy;
    const output = (id: string, value: string, description: string) => new TerraformOutput(this, id, { value, description });
    output("otlp_endpoint", proxy.endpoint, "Base OTLP/HTTP endpoint for tools (OTEL_EXPORTER_OTLP_ENDPOINT); clients append /v1/<signal>.");
    for (const signal of proxy.signals) {
      output(`${signal}_url`, proxy.signalUrl(signal), `Full URL of the ${signal} route (POST ${signalPath(signal)}), for per-signal endpoint settings.`);
    }
    output("api_key_id", proxy.access.apiKey.id, "ID of the API key (not its value).");
    output(
      "get_api_key_command",
      `aws apigateway get-api-key --api-key ${proxy.access.apiKey.id} --include-value --region ${region} --query value --output text`,
      "Prints the API key's value; send it in the x-api-key header.",
    );
    output("log_group_name", proxy.logDestination.logGroup.name, "CloudWatch log group that receives OTLP log records.");
    new TerraformOutput(this, "client_config", {
      value: clientSnippets(proxy.endpoint),
      description: `Ready settings for each AI tool and any OpenTelemetry SDK, by name; replace ${DEFAULT_API_KEY_PLACEHOLDER} with the key from get_api_key_command.`,
    });
  }
}
