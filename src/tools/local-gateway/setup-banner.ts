import { unmatchedKeyNames } from "./access-control";
import { ApiKey, keyLabel } from "./api-keys";
import { parseAwsIntegrationUri } from "./integration-uri";
import { GatewayModel } from "./route-table";
import { claudeCodeEnv, DEFAULT_API_KEY_PLACEHOLDER } from "../../infra/clients";

/** What the banner describes. */
export interface BannerInput {
  readonly stack: string;
  readonly endpoint: string;
  readonly model: GatewayModel;
  readonly keys: readonly ApiKey[];
  readonly generatedKey: boolean;
  readonly upstream?: string;
  readonly sink?: string;
}

/** The start-up text: routes, where requests go, the keys, the endpoint and a ready Claude Code setup. */
export function formatBanner(input: BannerInput): string {
  const { model } = input;
  const lines = [`otlp-proxy local gateway for ${input.stack}`, "Routes:"];
  for (const route of model.routes) {
    const target = route.integration ? parseAwsIntegrationUri(route.integration.uri) : undefined;
    const to = target ? `${target.service} ${target.region} ${target.path}` : (route.integration?.type ?? "no integration");
    for (const stage of model.stageNames) lines.push(`  ${route.httpMethod} /${stage}${route.path} -> ${to}${route.apiKeyRequired ? " (x-api-key)" : ""}`);
  }
  if (input.sink) lines.push(`Mode: sink; no AWS. Requests are written as OTLP/JSON under ${input.sink}/<signal>/`);
  else if (input.upstream) lines.push(`Mode: upstream; signed requests go to ${input.upstream}/v1/<signal> (signed for the AWS hosts)`);
  else lines.push("Mode: CloudWatch; requests are signed with your AWS credentials (default provider chain) and sent to AWS");
  for (const warning of model.warnings) lines.push(`Not emulated: ${warning}`);
  if (input.generatedKey) lines.push(`Generated API key (pass --api-key or OTLP_PROXY_LOCAL_API_KEYS to choose): ${input.keys[0].value}`);
  else lines.push(`API keys: ${input.keys.map((k) => keyLabel(k)).join(", ")}`);
  const teams = model.access.apiKeys.map((k) => `${k.team ?? k.name}${k.enabled ? "" : " (disabled)"}`);
  if (teams.length) lines.push(`Stack keys (use --api-key <team>=KEY to act as a team): ${teams.join(", ")}`);
  const unmatched = unmatchedKeyNames(model.access, input.keys);
  if (unmatched.length) lines.push(`Keys named after no key of the stack, accepted as any valid key: ${unmatched.join(", ")}`);
  if (model.access.policy) lines.push("Resource policy: evaluated against each client's address (aws:SourceIp)");
  lines.push("", `Endpoint for tools: ${input.endpoint}`, "", "Claude Code:");
  // A key the user chose is never echoed (scrollback, CI logs); only a generated one, which they cannot know otherwise.
  const apiKeyPlaceholder = input.generatedKey ? input.keys[0].value : DEFAULT_API_KEY_PLACEHOLDER;
  for (const line of claudeCodeEnv(input.endpoint, { apiKeyPlaceholder }).trimEnd().split("\n")) lines.push(`  ${line}`);
  lines.push("", "Ctrl-C stops.");
  return lines.join("\n");
}
