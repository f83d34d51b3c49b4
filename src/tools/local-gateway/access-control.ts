import { Cidr, cidrContains, parseCidr, unmapIpv4 } from "../../infra/net/cidr";
import { ApiKey } from "./api-keys";
import { TerraformRefs } from "./terraform-refs";

/**
 * The tag naming a key's team. The module writes it (src/infra/proxy/team-tag.ts); the local gateway learns the API from
 * Terraform's plan of a stack, so it keeps its own copy of the name rather than importing the product.
 */
export const TEAM_TAG = "otlp-proxy:team";

/** One synthesized `aws_api_gateway_api_key`, with the stages its usage plans bind it to. */
export interface StackApiKey {
  /**
   * The key's id as the plan reader resolves it (a stand-in derived from its address, the same every reference to it
   * reads: the name of the team's log stream, a plan key's `key_id`).
   */
  readonly id: string;
  /** The key's `name`, e.g. `otlp-proxy-team-a-us-west-2`. */
  readonly name: string;
  /** The `otlp-proxy:team` tag, when set. */
  readonly team?: string;
  readonly enabled: boolean;
  /** Stages of this API that a usage plan holding the key is bound to. */
  readonly stages: readonly string[];
}

/** One statement of a resource policy, reduced to what the local gateway evaluates. */
export interface PolicyStatement {
  readonly effect: "Allow" | "Deny";
  /** Whether the statement's actions include `execute-api:Invoke`. */
  readonly invokes: boolean;
  /** `IpAddress` ranges (the caller must be in one), when the condition is present. */
  readonly ipAddress?: readonly Cidr[];
  /** `NotIpAddress` ranges (the caller must be in none), when the condition is present. */
  readonly notIpAddress?: readonly Cidr[];
}

/** Who may call the API, as the stack says: its keys and its resource policy. */
export interface AccessControlModel {
  readonly apiKeys: readonly StackApiKey[];
  /** Undefined when the API has no `aws_api_gateway_rest_api_policy` (or `policy` attribute): every source may call. */
  readonly policy?: readonly PolicyStatement[];
}

/** What a check of a local key against the stack found. */
export type StackKeyCheck = { readonly ok: true; readonly stackKey?: StackApiKey } | { readonly ok: false; readonly reason: string; readonly stackKey: StackApiKey };

/**
 * Reads the API's keys (name, team tag, enabled flag, and the stages their usage plans are bound to) and its resource
 * policy from the synthesized resources. Condition operators other than `IpAddress`/`NotIpAddress` on `aws:SourceIp`
 * are reported in `warnings` and make their statement never apply.
 */
export function readAccessControl(refs: TerraformRefs, apiId: string, warnings: string[]): AccessControlModel {
  const str = (value: unknown) => refs.resolveToString(value);
  const keyById = new Map<string, { id: string; name: string; team?: string; enabled: boolean }>();
  for (const [name, config] of refs.resourcesOf("aws_api_gateway_api_key")) {
    const tags = (refs.resolve(config.tags) as Record<string, string> | undefined) ?? {};
    const id = refs.attribute("aws_api_gateway_api_key", name, "id") as string;
    keyById.set(id, {
      id,
      name: str(config.name) ?? name,
      team: tags[TEAM_TAG],
      enabled: refs.resolve(config.enabled) !== false,
    });
  }
  const stagesByPlan = new Map<string, string[]>();
  for (const [name, config] of refs.resourcesOf("aws_api_gateway_usage_plan")) {
    const apiStages = (refs.resolve(config.api_stages) as Array<{ api_id?: string; stage?: string }> | undefined) ?? [];
    stagesByPlan.set(
      refs.attribute("aws_api_gateway_usage_plan", name, "id") as string,
      apiStages.filter((s) => s.api_id === apiId && s.stage).map((s) => s.stage as string),
    );
  }
  const stagesByKey = new Map<string, string[]>();
  for (const [, config] of refs.resourcesOf("aws_api_gateway_usage_plan_key")) {
    const keyId = str(config.key_id) ?? "";
    stagesByKey.set(keyId, [...(stagesByKey.get(keyId) ?? []), ...(stagesByPlan.get(str(config.usage_plan_id) ?? "") ?? [])]);
  }
  const apiKeys = [...keyById.entries()].map(([id, key]) => ({ ...key, stages: [...new Set(stagesByKey.get(id) ?? [])] }));

  const policies: unknown[] = [];
  for (const [, config] of refs.resourcesOf("aws_api_gateway_rest_api_policy")) {
    if (refs.resolve(config.rest_api_id) === apiId) policies.push(refs.resolve(config.policy));
  }
  for (const [name, config] of refs.resourcesOf("aws_api_gateway_rest_api")) {
    if (config.policy !== undefined && refs.attribute("aws_api_gateway_rest_api", name, "id") === apiId) policies.push(refs.resolve(config.policy));
  }
  const policy = policies.length ? policies.flatMap((document) => readStatements(document, warnings)) : undefined;
  return { apiKeys, policy };
}

function readStatements(document: unknown, warnings: string[]): PolicyStatement[] {
  const parsed = typeof document === "string" ? (JSON.parse(document) as { Statement?: unknown }) : (document as { Statement?: unknown });
  const statements = Array.isArray(parsed?.Statement) ? parsed.Statement : parsed?.Statement ? [parsed.Statement] : [];
  return statements.map((raw: Record<string, any>) => {
    const actions: string[] = [raw.Action ?? []].flat();
    const statement: { -readonly [K in keyof PolicyStatement]: PolicyStatement[K] } = {
      effect: raw.Effect === "Deny" ? "Deny" : "Allow",
      invokes: actions.some((action) => ["*", "execute-api:*", "execute-api:Invoke"].includes(action)),
    };
    for (const [operator, keys] of Object.entries((raw.Condition ?? {}) as Record<string, Record<string, unknown>>)) {
      const ranges = keys?.["aws:SourceIp"];
      const otherKeys = Object.keys(keys ?? {}).filter((key) => key !== "aws:SourceIp");
      if ((operator !== "IpAddress" && operator !== "NotIpAddress") || ranges === undefined || otherKeys.length) {
        warnings.push(`resource policy condition ${operator} ${JSON.stringify(keys)} is not emulated; its statement never applies`);
        statement.invokes = false;
        continue;
      }
      const cidrs = [ranges].flat().map((text) => parseCidr(String(text))).filter((c): c is Cidr => c !== undefined);
      if (operator === "IpAddress") statement.ipAddress = cidrs;
      else statement.notIpAddress = cidrs;
    }
    return statement;
  });
}

/**
 * Evaluates the resource policy for a caller address: with a policy, an explicit Allow is needed and any matching Deny
 * wins (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html, "API Gateway
 * resource policy only"; API keys are not an authorization type). Without a policy every caller may invoke.
 */
export function policyAllows(model: AccessControlModel, sourceIp: string): boolean {
  if (!model.policy) return true;
  const address = unmapIpv4(sourceIp);
  const applies = (s: PolicyStatement) =>
    s.invokes &&
    (s.ipAddress === undefined || s.ipAddress.some((cidr) => cidrContains(cidr, address))) &&
    (s.notIpAddress === undefined || !s.notIpAddress.some((cidr) => cidrContains(cidr, address)));
  const matching = model.policy.filter(applies);
  return matching.some((s) => s.effect === "Allow") && !matching.some((s) => s.effect === "Deny");
}

/**
 * Checks an accepted local key against the stack's keys: a local key named after a team (or after a key's full name)
 * stands for that synthesized key, so it is refused when the stack disables the key or no usage plan binds it to the
 * stage (docs/aws-facts.md, "API keys" [recorded]: disabled keys and keys outside the stage's plans get 403). A local key
 * with no name, or a name the stack does not have, stands for any valid key and passes.
 */
export function checkAgainstStack(model: AccessControlModel, key: ApiKey, stage: string): StackKeyCheck {
  const stackKey = key.name === undefined ? undefined : model.apiKeys.find((k) => k.team === key.name || k.name === key.name);
  if (!stackKey) return { ok: true };
  if (!stackKey.enabled) return { ok: false, reason: `disabled in the stack (${stackKey.name})`, stackKey };
  if (!stackKey.stages.includes(stage)) return { ok: false, reason: `no usage plan binds ${stackKey.name} to stage ${stage}`, stackKey };
  return { ok: true, stackKey };
}

/** Local keys whose name matches no key of the stack, for the start-up banner. */
export function unmatchedKeyNames(model: AccessControlModel, keys: readonly ApiKey[]): string[] {
  return keys
    .filter((key) => key.name !== undefined && !model.apiKeys.some((k) => k.team === key.name || k.name === key.name))
    .map((key) => key.name as string);
}

/**
 * The key a request goes on with: a local key that stands for a key of the stack takes that key's id, as API Gateway
 * would report it in `context.identity.apiKeyId` (so a team's records land in the stream the stack creates for it);
 * any other local key keeps its own id.
 */
export function keyAsStackKey(key: ApiKey, check: StackKeyCheck): ApiKey {
  return check.ok && check.stackKey ? { ...key, id: check.stackKey.id } : key;
}
