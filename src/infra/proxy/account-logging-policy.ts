/**
 * AWS's managed policy for API Gateway's logging role: CloudWatch Logs create/describe/put actions on `*`. Used as AWS
 * documents it (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html); API Gateway writes
 * to log groups it names itself (`API-Gateway-Execution-Logs_<apiId>/<stage>`) and to whatever access-log group any
 * API of the region uses, so the role cannot be scoped to this stack's groups.
 */
export const PUSH_TO_CLOUDWATCH_LOGS_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";
