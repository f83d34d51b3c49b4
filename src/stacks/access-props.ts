import { ProxySettings } from "../settings/defaults";
import { networkForRegion } from "../settings/parse-network";
import { OtlpProxyProps } from "../proxy/otlp-proxy";

/** The team, logging and network props of one region's {@link OtlpProxy}, resolved from the settings. */
export function accessProps(settings: ProxySettings, region: string): Partial<OtlpProxyProps> {
  const network = networkForRegion(settings, region);
  return {
    teams: settings.teams,
    accessLogs: settings.accessLogs,
    accessLogGroupName: settings.accessLogGroupName,
    accessLogRetentionDays: settings.accessLogRetentionDays,
    executionLogLevel: settings.executionLogLevel,
    detailedMetrics: settings.detailedMetrics,
    accountCloudWatchRole: settings.accountCloudWatchRole,
    allowedSourceCidrs: network.allowedSourceCidrs,
    webAclArn: network.webAclArn,
    domainName: network.domainName,
    certificateArn: network.certificateArn,
    basePath: network.domainName ? network.basePath : undefined,
    hostedZoneId: network.hostedZoneId,
    disableExecuteApiEndpoint: network.disableExecuteApiEndpoint,
  };
}
