import { PUSH_TO_CLOUDWATCH_LOGS_POLICY_ARN } from "../../proxy/account-logging-policy";
import { apiGatewayTrustPolicy } from "../../proxy/integration-policy";
import { ACCESS_LOG_GROUP_NAME, LOGGING_ROLE_CREATED } from "../../settings/derived";
import { Block } from "../hcl/hcl-block";
import { Call, expr, exprString, Value } from "../hcl/hcl-value";
import { locals, onlyIf, PREFIX, REGION, resource, TAGS } from "../hcl/blocks";

/**
 * The log groups: the OTLP log group and its shared stream, the access-log group, the execution-log group, and the
 * account-level role API Gateway logs with.
 */
export function loggingBlocks(): Block[] {
  return [
    locals({
      execution_log_level: expr("upper(var.execution_log_level)"),
      [ACCESS_LOG_GROUP_NAME.local]: expr(ACCESS_LOG_GROUP_NAME.hcl),
      [LOGGING_ROLE_CREATED.local]: expr(LOGGING_ROLE_CREATED.hcl),
    }),
    resource("aws_cloudwatch_log_group", "otlp_logs", {
      name: expr("var.log_group_name"),
      retention_in_days: expr("var.log_retention_days"),
      tags: TAGS,
    }),
    // The shared stream exists in either mode: it keeps what clients wrote before per-team streams, and switching
    // modes never destroys a stream (deleting a stream deletes its events).
    resource("aws_cloudwatch_log_stream", "otlp_logs_stream", {
      name: expr("var.log_stream_name"),
      log_group_name: expr("aws_cloudwatch_log_group.otlp_logs.name"),
    }),
    resource("aws_cloudwatch_log_group", "access_logs", {
      count: onlyIf("var.access_logs"),
      name: expr("local.access_log_group_name"),
      retention_in_days: expr("var.access_log_retention_days"),
      tags: TAGS,
    }),
    resource("aws_cloudwatch_log_group", "execution_logs", {
      count: onlyIf('local.execution_log_level != "OFF"'),
      name: `API-Gateway-Execution-Logs_${exprString("aws_api_gateway_rest_api.api.id")}/${exprString("var.stage_name")}`,
      retention_in_days: expr("var.access_log_retention_days"),
      tags: TAGS,
    }),
    resource("aws_iam_role", "account_logging", {
      count: onlyIf("local.logging_role_created"),
      name: `${PREFIX}-apigw-logs-${REGION}`,
      description: "Lets API Gateway write execution and access logs to CloudWatch Logs in this region (account-level setting).",
      assume_role_policy: new Call("jsonencode", apiGatewayTrustPolicy() as Value),
      tags: TAGS,
    }),
    resource("aws_iam_role_policy_attachment", "account_logging_push_to_cloudwatch_logs", {
      count: onlyIf("local.logging_role_created"),
      role: expr("aws_iam_role.account_logging[0].name"),
      policy_arn: PUSH_TO_CLOUDWATCH_LOGS_POLICY_ARN,
    }),
  ];
}

