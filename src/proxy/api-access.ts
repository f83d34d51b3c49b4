import { ApiGatewayApiKey, ApiGatewayUsagePlan, ApiGatewayUsagePlanKey } from "../cdktf/aws";
import { Construct } from "../cdktf";
import { Throttle } from "../settings/defaults";

export interface ApiAccessProps {
  readonly restApiId: string;
  readonly stageName: string;
  /** Name of the key and its usage plan. */
  readonly name: string;
  readonly throttle: Throttle;
}

/**
 * An API key and the usage plan that makes it valid on the stage: a key works only through a usage plan bound to the
 * stage (aws-behaviour.md, "API keys" [doc]).
 */
export class ApiAccess extends Construct {
  readonly apiKey: ApiGatewayApiKey;
  readonly usagePlan: ApiGatewayUsagePlan;

  constructor(scope: Construct, id: string, props: ApiAccessProps) {
    super(scope, id);
    this.apiKey = new ApiGatewayApiKey(this, "key", {
      name: props.name,
      description: "Sent by OTLP clients in the x-api-key header.",
      enabled: true,
    });
    this.usagePlan = new ApiGatewayUsagePlan(this, "plan", {
      name: props.name,
      description: "Throttle for one OTLP proxy API key.",
      apiStages: [{ apiId: props.restApiId, stage: props.stageName }],
      throttleSettings: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
    });
    new ApiGatewayUsagePlanKey(this, "plan-key", {
      keyId: this.apiKey.id,
      keyType: "API_KEY",
      usagePlanId: this.usagePlan.id,
    });
  }
}
