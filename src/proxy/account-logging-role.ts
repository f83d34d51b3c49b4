import { ApiGatewayAccount, IamRole, IamRolePolicyAttachment } from "../cdktf/aws";
import { Construct } from "../cdktf";
import { apiGatewayTrustPolicy } from "./integration-policy";

/**
 * AWS's managed policy for API Gateway's logging role: CloudWatch Logs create/describe/put actions on `*`. Used as AWS
 * documents it (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html); API Gateway writes
 * to log groups it names itself (`API-Gateway-Execution-Logs_<apiId>/<stage>`) and to whatever access-log group any
 * API of the region uses, so the role cannot be scoped to this stack's groups.
 */
export const PUSH_TO_CLOUDWATCH_LOGS_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";

export interface AccountLoggingRoleProps {
  /** Prefix of the role's name; `-apigw-logs-<region>` is appended because IAM names are global. */
  readonly namePrefix: string;
  readonly region: string;
}

/**
 * The region's API Gateway account setting that names the IAM role API Gateway writes execution and access logs with
 * (aws-behaviour.md, "Logging" [doc]). It is one setting per account and region, shared by every REST API there: a
 * stack that creates it takes it over, and destroying the stack deletes the role but leaves the setting naming it.
 */
export class AccountLoggingRole extends Construct {
  readonly role: IamRole;
  readonly account: ApiGatewayAccount;

  constructor(scope: Construct, id: string, props: AccountLoggingRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, "role", {
      name: `${props.namePrefix}-apigw-logs-${props.region}`,
      description: "Lets API Gateway write execution and access logs to CloudWatch Logs in this region (account-level setting).",
      assumeRolePolicy: JSON.stringify(apiGatewayTrustPolicy()),
    });
    const attachment = new IamRolePolicyAttachment(this, "push-to-cloudwatch-logs", {
      role: this.role.name,
      policyArn: PUSH_TO_CLOUDWATCH_LOGS_POLICY_ARN,
    });
    this.account = new ApiGatewayAccount(this, "account", {
      cloudwatchRoleArn: this.role.arn,
      // No reset_on_delete: hashicorp/aws 5.100.0 marks it deprecated (6.x resets on delete by itself). With 5.x, a
      // destroy leaves the account setting naming the deleted role (aws-behaviour.md, "Logging" [doc]).
      // API Gateway checks the role can write logs when the setting is made; the policy must be attached first.
      dependsOn: [attachment],
    });
  }
}
