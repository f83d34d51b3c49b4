/**
 * The AWS provider bindings this project uses (`@cdktf/provider-aws` 20.1.0, generated from hashicorp/aws 5.100.0).
 * Deep imports keep start-up fast; this file is the single place to switch to another binding package.
 */
export { AwsProvider } from "@cdktf/provider-aws/lib/provider";
export { ApiGatewayApiKey } from "@cdktf/provider-aws/lib/api-gateway-api-key";
export { ApiGatewayDeployment } from "@cdktf/provider-aws/lib/api-gateway-deployment";
export { ApiGatewayGatewayResponse } from "@cdktf/provider-aws/lib/api-gateway-gateway-response";
export { ApiGatewayIntegration } from "@cdktf/provider-aws/lib/api-gateway-integration";
export { ApiGatewayIntegrationResponse } from "@cdktf/provider-aws/lib/api-gateway-integration-response";
export { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method";
export { ApiGatewayMethodResponse } from "@cdktf/provider-aws/lib/api-gateway-method-response";
export { ApiGatewayResource } from "@cdktf/provider-aws/lib/api-gateway-resource";
export { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api";
export { ApiGatewayStage } from "@cdktf/provider-aws/lib/api-gateway-stage";
export { ApiGatewayUsagePlan } from "@cdktf/provider-aws/lib/api-gateway-usage-plan";
export { ApiGatewayUsagePlanKey } from "@cdktf/provider-aws/lib/api-gateway-usage-plan-key";
export { CloudformationStack } from "@cdktf/provider-aws/lib/cloudformation-stack";
export { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
export { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
export { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
export { CloudwatchLogStream } from "@cdktf/provider-aws/lib/cloudwatch-log-stream";
export { IamRole } from "@cdktf/provider-aws/lib/iam-role";
export { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
export { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
export { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
export { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
export { ApiGatewayAccount } from "@cdktf/provider-aws/lib/api-gateway-account";
export { ApiGatewayBasePathMapping } from "@cdktf/provider-aws/lib/api-gateway-base-path-mapping";
export { ApiGatewayDomainName } from "@cdktf/provider-aws/lib/api-gateway-domain-name";
export { ApiGatewayMethodSettings } from "@cdktf/provider-aws/lib/api-gateway-method-settings";
export { ApiGatewayRestApiPolicy } from "@cdktf/provider-aws/lib/api-gateway-rest-api-policy";
export { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
export { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
export { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
