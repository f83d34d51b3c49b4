import {
  APIGatewayClient,
  GetAccountCommand,
  GetApiKeysCommand,
  GetBasePathMappingsCommand,
  GetDomainNameCommand,
  GetIntegrationCommand,
  GetMethodCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  Integration,
  Method,
} from "@aws-sdk/client-api-gateway";
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeLogStreamsCommand, DescribeMetricFiltersCommand } from "@aws-sdk/client-cloudwatch-logs";
import { GetRoleCommand, GetRolePolicyCommand, IAMClient, ListAttachedRolePoliciesCommand } from "@aws-sdk/client-iam";
import { queryApi, tagValues, wafv2 } from "../support/moto-apis";
import { motoClientConfig, MotoServer } from "../support/moto-server";

/** A deployed stack as the AWS APIs (moto's) report it, read with the AWS SDK for JavaScript. */
export type ReadBack = Awaited<ReturnType<typeof readBack>>;

/** What a deployed proxy's stack left behind once destroyed, as moto reports it. */
export type Leftovers = Awaited<ReturnType<typeof readLeftovers>>;

/**
 * Reads back everything the tests check of a deployed stack in `region`, whose REST API is the only one: the API, its
 * routes' methods and integrations, the roles and their policies, log groups and streams, keys and usage plans, the
 * stage, the account's logging role, the web ACL of the stage, the custom domain, the dashboard, alarms, topics and
 * metric filters.
 */
export async function readBack(moto: MotoServer, region: string, names: { role: string; loggingRole: string; domain: string; logGroup: string; accessLogGroup: string }) {
  const config = motoClientConfig(moto.endpoint, region);
  const apigateway = new APIGatewayClient(config);
  const iam = new IAMClient(config);
  const logs = new CloudWatchLogsClient(config);

  const restApis = (await apigateway.send(new GetRestApisCommand({}))).items ?? [];
  if (restApis.length !== 1) throw new Error(`Expected one REST API, found ${restApis.length}`);
  const restApiId = restApis[0].id!;
  const resources = (await apigateway.send(new GetResourcesCommand({ restApiId }))).items ?? [];
  const routes: Record<string, { method: Method; integration: Integration }> = {};
  for (const resource of resources.filter((r) => /^\/v1\/[a-z]+$/.test(r.path!))) {
    const target = { restApiId, resourceId: resource.id!, httpMethod: "POST" };
    routes[resource.path!] = { method: await apigateway.send(new GetMethodCommand(target)), integration: await apigateway.send(new GetIntegrationCommand(target)) };
  }

  const role = (await iam.send(new GetRoleCommand({ RoleName: names.role }))).Role!;
  const rolePolicy = await iam.send(new GetRolePolicyCommand({ RoleName: names.role, PolicyName: "otlp-ingest" }));
  const loggingRole = (await iam.send(new GetRoleCommand({ RoleName: names.loggingRole }))).Role!;
  const loggingRolePolicies = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: names.loggingRole }))).AttachedPolicies ?? [];

  const apiKeys = (await apigateway.send(new GetApiKeysCommand({}))).items ?? [];
  const usagePlans = (await apigateway.send(new GetUsagePlansCommand({}))).items ?? [];
  const usagePlanKeyIds: Record<string, string[]> = {};
  for (const plan of usagePlans) usagePlanKeyIds[plan.name!] = ((await apigateway.send(new GetUsagePlanKeysCommand({ usagePlanId: plan.id! }))).items ?? []).map((k) => k.id!);

  const logGroups = async (prefix: string) => (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: prefix }))).logGroups ?? [];

  return {
    restApiId,
    restApi: restApis[0],
    routes,
    role,
    rolePolicyDocument: JSON.parse(decodeURIComponent(rolePolicy.PolicyDocument!)),
    loggingRole,
    loggingRolePolicyArns: loggingRolePolicies.map((p) => p.PolicyArn),
    account: await apigateway.send(new GetAccountCommand({})),
    apiKeys,
    usagePlans,
    usagePlanKeyIds,
    stage: await apigateway.send(new GetStageCommand({ restApiId, stageName: "prod" })),
    logGroups: await logGroups(names.logGroup),
    logStreams: (await logs.send(new DescribeLogStreamsCommand({ logGroupName: names.logGroup }))).logStreams ?? [],
    accessLogGroups: await logGroups(names.accessLogGroup),
    executionLogGroups: await logGroups(`API-Gateway-Execution-Logs_${restApiId}/prod`),
    metricFilters: (await logs.send(new DescribeMetricFiltersCommand({ filterNamePrefix: "otlp-proxy-throttled" }))).metricFilters ?? [],
    stageWebAclArn: (await wafv2(moto, region, "GetWebACLForResource", { ResourceArn: `arn:aws:apigateway:${region}::/restapis/${restApiId}/stages/prod` })).WebACL?.ARN,
    domain: await apigateway.send(new GetDomainNameCommand({ domainName: names.domain })),
    basePathMappings: (await apigateway.send(new GetBasePathMappingsCommand({ domainName: names.domain }))).items ?? [],
    dashboardBody: JSON.parse(
      tagValues(await queryApi(moto, region, "monitoring", { Action: "GetDashboard", Version: "2010-08-01", DashboardName: `otlp-proxy-${region}` }), "DashboardBody")[0],
    ),
    alarmsXml: await queryApi(moto, region, "monitoring", { Action: "DescribeAlarms", Version: "2010-08-01", AlarmNamePrefix: "otlp-proxy-prod-" }),
    topicArns: tagValues(await queryApi(moto, region, "sns", { Action: "ListTopics", Version: "2010-03-31" }), "TopicArn"),
    subscriptionsXml: await queryApi(moto, region, "sns", { Action: "ListSubscriptions", Version: "2010-03-31" }),
  };
}

/** What is left in `region` of the kinds of resource a proxy creates: REST APIs, keys, log groups, dashboards, alarms. */
export async function readLeftovers(moto: MotoServer, region: string) {
  const config = motoClientConfig(moto.endpoint, region);
  const apigateway = new APIGatewayClient(config);
  return {
    restApis: (await apigateway.send(new GetRestApisCommand({}))).items ?? [],
    apiKeys: (await apigateway.send(new GetApiKeysCommand({}))).items ?? [],
    logGroups: (await new CloudWatchLogsClient(config).send(new DescribeLogGroupsCommand({}))).logGroups ?? [],
    dashboards: tagValues(await queryApi(moto, region, "monitoring", { Action: "ListDashboards", Version: "2010-08-01" }), "DashboardName"),
    alarms: tagValues(await queryApi(moto, region, "monitoring", { Action: "DescribeAlarms", Version: "2010-08-01" }), "AlarmName"),
  };
}
