import { clientSnippets, DEFAULT_API_KEY_PLACEHOLDER } from "../../clients";
import { SIGNALS, signalPath } from "../../otlp/signals";
import { getApiKeyCommand } from "../../proxy/api-key-command";
import { Block } from "../hcl/hcl-block";
import { expr, exprAscii, exprString, oneLine } from "../hcl/hcl-value";
import { locals, output } from "../hcl/blocks";
import { ProxySettings } from "../../settings/defaults";
import { ALARMS_NOTIFY, TRANSACTION_SEARCH_HERE } from "../../settings/derived";
import { networkForRegion } from "../../settings/parse-network";
import { signalsForRegion } from "../../settings/parse-settings";
import { PER_TEAM_STREAMS } from "./teams";

/** One output of the module: the same name and meaning as the cdktf region stack's output. */
export interface ModuleOutputSpec {
  readonly name: string;
  readonly description: string;
  readonly value: string;
  /**
   * For an output `value` can make null: whether it has a value, from the settings a region stack passes. The stack
   * forwards only those (`cdktf deploy` fails on a null output), so this and `value` must agree; they sit side by side.
   */
  readonly presentWhen?: (settings: ProxySettings, region: string) => boolean;
}

const keyId = (team: string) => `aws_api_gateway_api_key.team[${team}].id`;
const command = (team: string) => oneLine(getApiKeyCommand(exprString(keyId(team)), exprString("local.region")));
const signalOn = (signal: string) => `contains(local.signals, ${JSON.stringify(signal)})`;

/** The module's outputs, in declaration order, each with its HCL value. */
export const MODULE_OUTPUTS: readonly ModuleOutputSpec[] = [
  {
    name: "otlp_endpoint",
    description: "Base OTLP/HTTP endpoint for tools (OTEL_EXPORTER_OTLP_ENDPOINT); clients append /v1/<signal>.",
    value: "local.endpoint",
  },
  ...SIGNALS.map((signal) => ({
    name: `${signal}_url`,
    description: `Full URL of the ${signal} route (POST ${signalPath(signal)}), for per-signal endpoint settings; null when signals leaves the route out.`,
    value: `${signalOn(signal)} ? "\${local.endpoint}${signalPath(signal)}" : null`,
    presentWhen: (s: ProxySettings, region: string) => signalsForRegion(s, region).includes(signal),
  })),
  {
    name: "api_key_id",
    description: "ID of the first team's API key (not its value). Kept for compatibility: see api_key_ids.",
    value: keyId("var.teams[0].name"),
  },
  {
    name: "get_api_key_command",
    description: "Prints the first team's API key value; send it in the x-api-key header. Kept for compatibility: see get_api_key_commands.",
    value: command("var.teams[0].name"),
  },
  {
    name: "api_key_ids",
    description: "ID of each team's API key, by team name (not the values); access logs record these ids as apiKeyId.",
    value: `{ for t in var.teams : t.name => ${keyId("t.name")} }`,
  },
  {
    name: "get_api_key_commands",
    description: "For each team, the command that prints its API key value; send the value in the x-api-key header.",
    value: `{ for t in var.teams : t.name => ${command("t.name")} }`,
  },
  { name: "log_group_name", description: "CloudWatch log group that receives OTLP log records.", value: "aws_cloudwatch_log_group.otlp_logs.name" },
  {
    name: "log_stream_names",
    description:
      "The log stream of each team, by team name: its API key id, which API Gateway sets as the stream of every log record sent with that key; null when log_streams is shared or the logs route is off (the streams exist whenever log_streams is per-team, so turning the route back on finds them).",
    value: `${PER_TEAM_STREAMS} && ${signalOn("logs")} ? { for t in var.teams : t.name => aws_cloudwatch_log_stream.team[t.name].name } : null`,
    presentWhen: (s, region) => s.logStreams === "per-team" && signalsForRegion(s, region).includes("logs"),
  },
  {
    name: "client_config",
    description: `Ready settings for each AI tool and any OpenTelemetry SDK, by name; replace ${DEFAULT_API_KEY_PLACEHOLDER} with the key from get_api_key_command.`,
    // The snippets quote the endpoint for the shell only when it needs it: the execute-api URL is unknown until apply
    // (so quoted) and a custom domain is plain text (so bare). Both forms come from the same builder.
    value: `var.domain_name != null ? local.client_config_custom_domain : local.client_config_execute_api`,
  },
  {
    name: "access_log_group_name",
    description: "CloudWatch log group of the stage's access logs: one JSON line per request; null when access_logs is false.",
    value: "one(aws_cloudwatch_log_group.access_logs[*].name)",
    presentWhen: (s) => s.accessLogs,
  },
  {
    name: "custom_domain_target",
    description: "Regional target of the custom domain: point a CNAME or alias record at it when the module creates no Route 53 record; null without domain_name.",
    value: "one(aws_api_gateway_domain_name.custom_domain[*].regional_domain_name)",
    presentWhen: (s, region) => Boolean(networkForRegion(s, region).domainName),
  },
  {
    name: "execute_api_endpoint",
    description: "The stage's own execute-api URL when a custom domain is set (otlp_endpoint is then the custom domain); null without domain_name.",
    value: "var.domain_name != null ? aws_api_gateway_stage.api_stage.invoke_url : null",
    presentWhen: (s, region) => Boolean(networkForRegion(s, region).domainName),
  },
  {
    name: "dashboard_url",
    description: "CloudWatch console URL of this region's proxy dashboard; null when the dashboard is off.",
    value:
      'var.dashboard.enabled ? "https://${local.region}.console.aws.amazon.com/cloudwatch/home?region=${local.region}#dashboards/dashboard/${aws_cloudwatch_dashboard.proxy[0].dashboard_name}" : null',
    presentWhen: (s) => s.dashboard.enabled,
  },
  {
    name: "alarm_topic_arn",
    description: "SNS topic the proxy's alarms notify (email subscribers must confirm); null when there is none.",
    value: "local.alarm_topic_arn",
    presentWhen: (s, region) => ALARMS_NOTIFY.ts({ alarms: s.alarms, region }),
  },
  {
    name: "transaction_search_stack_id",
    description: "CloudFormation stack that turned on X-Ray Transaction Search in this account and region; null when the module does not turn it on.",
    value: "one(aws_cloudformation_stack.transaction_search[*].id)",
    presentWhen: (s, region) => TRANSACTION_SEARCH_HERE.ts({ transactionSearch: s.transactionSearch, region }),
  },
];

/** The endpoint and client snippets the outputs read, then the outputs. */
export function outputBlocks(): Block[] {
  return [
    locals({
      endpoint: expr('var.domain_name != null ? "https://${var.domain_name}${var.base_path != null ? "/${var.base_path}" : ""}" : aws_api_gateway_stage.api_stage.invoke_url'),
      client_config_custom_domain: clientSnippets(exprAscii("local.endpoint")),
      client_config_execute_api: clientSnippets(exprString("local.endpoint")),
    }),
    ...MODULE_OUTPUTS.map((o) => output(o.name, o.description, o.value)),
  ];
}
