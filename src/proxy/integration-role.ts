import { IamRole, IamRolePolicy } from "../cdktf/aws";
import { Construct } from "../cdktf";
import { Signal } from "../otlp/signals";
import { apiGatewayTrustPolicy, integrationPolicyStatements } from "./integration-policy";

export interface IntegrationRoleProps {
  /** Prefix of the role's name; the region is appended because IAM names are global. */
  readonly namePrefix: string;
  readonly region: string;
  /** The routes whose CloudWatch action the role may call. */
  readonly signals: readonly Signal[];
  /** ARN of the OTLP log group (without `:*`). */
  readonly logGroupArn: string;
}

/** The role API Gateway assumes to sign each integration request with SigV4. */
export class IntegrationRole extends Construct {
  readonly role: IamRole;
  /** The role's permissions; requests fail until it is attached. */
  readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: IntegrationRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, "role", {
      name: `${props.namePrefix}-${props.region}`,
      description: "Assumed by API Gateway to forward OTLP requests to CloudWatch's OTLP endpoints.",
      assumeRolePolicy: JSON.stringify(apiGatewayTrustPolicy()),
    });
    this.policy = new IamRolePolicy(this, "policy", {
      name: "otlp-ingest",
      role: this.role.id,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: integrationPolicyStatements(props.signals, props.logGroupArn),
      }),
    });
  }
}
