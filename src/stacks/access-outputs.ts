import { Construct, TerraformOutput } from "../cdktf";
import { OtlpProxy } from "../proxy/otlp-proxy";

/** The command that prints one key's value (the value itself is never an output). */
export function getApiKeyCommand(apiKeyId: string, region: string): string {
  return `aws apigateway get-api-key --api-key ${apiKeyId} --include-value --region ${region} --query value --output text`;
}

/**
 * The outputs of teams, access logs and the custom domain. `api_key_id` and `get_api_key_command` (the first team's)
 * stay for scripts written before teams.
 */
export function addAccessOutputs(scope: Construct, proxy: OtlpProxy, region: string): void {
  const teams = [...proxy.teamAccess.entries()];
  const firstTeam = teams[0][0];
  new TerraformOutput(scope, "api_key_id", {
    value: proxy.access.apiKey.id,
    description: `ID of the first team's API key (team ${firstTeam}; not its value). Kept for compatibility: see api_key_ids.`,
  });
  new TerraformOutput(scope, "get_api_key_command", {
    value: getApiKeyCommand(proxy.access.apiKey.id, region),
    description: `Prints the first team's (${firstTeam}) API key value; send it in the x-api-key header. Kept for compatibility: see get_api_key_commands.`,
  });
  new TerraformOutput(scope, "api_key_ids", {
    value: Object.fromEntries(teams.map(([team, access]) => [team, access.apiKey.id])),
    description: "ID of each team's API key, by team name (not the values); access logs record these ids as apiKeyId.",
  });
  new TerraformOutput(scope, "get_api_key_commands", {
    value: Object.fromEntries(teams.map(([team, access]) => [team, getApiKeyCommand(access.apiKey.id, region)])),
    description: "For each team, the command that prints its API key value; send the value in the x-api-key header.",
  });
  if (proxy.accessLogGroup) {
    new TerraformOutput(scope, "access_log_group_name", {
      value: proxy.accessLogGroup.name,
      description: "CloudWatch log group of the stage's access logs: one JSON line per request (see the README's Logs Insights queries).",
    });
  }
  if (proxy.customDomain) {
    new TerraformOutput(scope, "custom_domain_target", {
      value: proxy.customDomain.domain.regionalDomainName,
      description: "Regional target of the custom domain: point a CNAME or alias record at it when the stack creates no Route 53 record.",
    });
    new TerraformOutput(scope, "execute_api_endpoint", {
      value: proxy.stage.invokeUrl,
      description: "The stage's own execute-api URL (answers 403 when disableExecuteApiEndpoint is set); otlp_endpoint is the custom domain.",
    });
  }
}
