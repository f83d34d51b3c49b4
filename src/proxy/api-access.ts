import { ApiGatewayApiKey, ApiGatewayUsagePlan, ApiGatewayUsagePlanKey } from "../cdktf/aws";
import { Construct } from "../cdktf";
import { Throttle } from "../settings/defaults";
import { TeamQuota } from "../settings/parse-teams";

/** The tag that names a key's and plan's team, read by the local gateway and handy for cost reports. */
export const TEAM_TAG = "otlp-proxy:team";

export interface ApiAccessProps {
  readonly restApiId: string;
  readonly stageName: string;
  /** Name of the key and its usage plan. */
  readonly name: string;
  /** The team the key belongs to; tagged on the key and plan as {@link TEAM_TAG}. @default no tag */
  readonly team?: string;
  readonly throttle: Throttle;
  /** Requests per day, week or month. @default no quota */
  readonly quota?: TeamQuota;
  /** A disabled key stays in AWS, with its value, but API Gateway refuses it (403). @default true */
  readonly enabled?: boolean;
}

/**
 * An API key and the usage plan that makes it valid on the stage: a key works only through a usage plan bound to the
 * stage (aws-behaviour.md, "API keys" [doc]). One per team.
 */
export class ApiAccess extends Construct {
  readonly apiKey: ApiGatewayApiKey;
  readonly usagePlan: ApiGatewayUsagePlan;
  readonly usagePlanKey: ApiGatewayUsagePlanKey;

  constructor(scope: Construct, id: string, props: ApiAccessProps) {
    super(scope, id);
    const tags = props.team ? { [TEAM_TAG]: props.team } : undefined;
    this.apiKey = new ApiGatewayApiKey(this, "key", {
      name: props.name,
      description: "Sent by OTLP clients in the x-api-key header.",
      enabled: props.enabled ?? true,
      tags,
    });
    this.usagePlan = new ApiGatewayUsagePlan(this, "plan", {
      name: props.name,
      description: props.team ? `Throttle and quota of team ${props.team}'s OTLP proxy API key.` : "Throttle for one OTLP proxy API key.",
      apiStages: [{ apiId: props.restApiId, stage: props.stageName }],
      throttleSettings: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      quotaSettings: props.quota ? { limit: props.quota.limit, period: props.quota.period } : undefined,
      tags,
    });
    this.usagePlanKey = new ApiGatewayUsagePlanKey(this, "plan-key", {
      keyId: this.apiKey.id,
      keyType: "API_KEY",
      usagePlanId: this.usagePlan.id,
    });
  }
}
