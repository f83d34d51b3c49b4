import {
  ApiGatewayAccount,
  ApiGatewayApiKey,
  ApiGatewayBasePathMapping,
  ApiGatewayDeployment,
  ApiGatewayDomainName,
  ApiGatewayGatewayResponse,
  ApiGatewayIntegration,
  ApiGatewayIntegrationResponse,
  ApiGatewayMethod,
  ApiGatewayMethodResponse,
  ApiGatewayMethodSettings,
  ApiGatewayResource,
  ApiGatewayRestApi,
  ApiGatewayRestApiPolicy,
  ApiGatewayStage,
  ApiGatewayUsagePlan,
  ApiGatewayUsagePlanKey,
  CloudformationStack,
  CloudwatchDashboard,
  CloudwatchLogGroup,
  CloudwatchLogMetricFilter,
  CloudwatchLogStream,
  CloudwatchMetricAlarm,
  IamRole,
  IamRolePolicy,
  IamRolePolicyAttachment,
  Route53Record,
  SnsTopic,
  SnsTopicSubscription,
  Wafv2WebAclAssociation,
} from "../cdktf/aws";
import { Construct, TerraformOutput, TerraformResource, TerraformStack, Token } from "../cdktf";
import { DataAwsRegion, TerraformLocal, TerraformVariable } from "../cdktf/terraform-module";
import { clientSnippets, DEFAULT_API_KEY_PLACEHOLDER } from "../clients";
import { DEFAULT_ACCESS_LOG_FIELDS } from "../observability/access-log-fields";
import { alarmSpecs, isExtendedStatistic, THROTTLED_METRIC, throttledFilterPattern } from "../observability/alarm-specs";
import { transactionSearchName, transactionSearchTemplate } from "../observability/transaction-search-template";
import { SIGNAL_ENDPOINTS, SIGNALS, Signal, signalPath } from "../otlp/signals";
import { accessLogFormat } from "../proxy/access-log-format";
import { PUSH_TO_CLOUDWATCH_LOGS_POLICY_ARN } from "../proxy/account-logging-policy";
import { TEAM_TAG } from "../proxy/team-tag";
import { DOMAIN_SECURITY_POLICY } from "../proxy/domain-security-policy";
import { API_KEY_HEADER, gatewayResponseBody, gatewayResponseSpecs, SOURCE_IP_DENIED_RESPONSE } from "../proxy/gateway-responses";
import { apiGatewayTrustPolicy, integrationPolicyStatements } from "../proxy/integration-policy";
import { BINARY_MEDIA_TYPES, MINIMUM_COMPRESSION_SIZE_BYTES, REDEPLOYING_REST_API_ATTRIBUTES } from "../proxy/rest-api-settings";
import { integrationRequestHeaders, logStreamSource } from "../proxy/integration-request";
import { redeploymentTrigger } from "../proxy/redeployment-trigger";
import { SerialApiChanges } from "../proxy/serial-api-changes";
import { sourceIpPolicy } from "../proxy/source-ip-policy";
import { STATUS_MAPPINGS } from "../proxy/status-mapping";
import { AlarmSettings } from "../settings/parse-alarms";
import { ACCESS_LOG_DEFAULTS } from "../settings/parse-access-logs";
import { NAME_PREFIX_DEFAULTS } from "../settings/parse-name-prefix";
import { getApiKeyCommand } from "../proxy/api-key-command";
import { hcl, listSlot, tf, tfExpr, tfNumber, tfTemplate } from "./hcl-expression";
import { DashboardRefs, dashboardLocals } from "./module-dashboard";
import { MODULE_PRECONDITIONS, MODULE_VARIABLES, PREFIXED_CIDR } from "./module-variables";

/** The prefix of every name the module gives: the `name_prefix` variable, as `namePrefix` in the cdktf stacks. */
const NAME_PREFIX = "${var.name_prefix}";

/** One output of the module: the same name and meaning as the cdktf region stack's output. */
export interface ModuleOutputSpec {
  readonly name: string;
  readonly description: string;
}

const count = (condition: string) => Token.asNumber(tf(`${condition} ? 1 : 0`));
const num = (expression: string) => Token.asNumber(tf(expression));
const bool = (expression: string) => Token.asAny(tf(expression));
const signalOn = (signal: Signal) => `contains(local.signals, ${JSON.stringify(signal)})`;
const snake = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "_");
/** Whether each team has its own log stream (the `log_streams` variable). */
const PER_TEAM_STREAMS = 'var.log_streams == "per-team"';
/** A stage's method-settings key for the metrics route: its resource path without the leading slash, then the method. */
const METRICS_METHOD_PATH = `${signalPath("metrics").slice(1)}/POST`;
/** The teams by name, for `for_each`. */
const FOR_TEAMS = "{ for t in var.teams : t.name => t }";
/** The name of a team's key and usage plan. */
const TEAM_RESOURCE_NAME = tf(`"${NAME_PREFIX}-\${each.key}-\${local.region}"`);
/** The tags of a team's key and usage plan. */
const TEAM_TAGS = tf(`merge(var.tags, { ${JSON.stringify(TEAM_TAG)} = each.key })`);

/**
 * The only definition of the proxy's resources: the OTLP proxy for one region as a plain Terraform module, with input
 * variables for the settings, no provider and no backend, and `count`/`for_each` wherever a setting changes what
 * exists. Every region stack calls it (src/infra/stacks/region-stack.ts); it is committed in modules/otlp-proxy/. Resource
 * names are its public contract: addresses read `module.otlp_proxy.aws_api_gateway_resource.logs[0]`.
 */
export class OtlpProxyModule extends TerraformStack {
  /** The module's outputs, in declaration order. */
  readonly outputs: ModuleOutputSpec[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const variable of MODULE_VARIABLES) {
      const declared = named(new TerraformVariable(this, `var-${variable.name}`, {
        type: variable.type,
        description: variable.description,
        default: variable.default ?? undefined,
        nullable: variable.default === null ? true : false,
        validation: variable.validation.map((rule) => ({ condition: tf(rule.condition), errorMessage: rule.errorMessage })),
      }), variable.name);
      // cdktf leaves a null default out; a null default is what makes the variable optional.
      if (variable.default === null) declared.addOverride("default", null);
    }
    new DataAwsRegion(this, "current", {});
    const local = (name: string, expression: string) => newLocal(this, name, expression);
    local("region", "data.aws_region.current.name");
    local("signals", `[for s in ${hcl([...SIGNALS])} : s if contains(var.signals, s)]`);
    local("route_paths", `[for s in local.signals : "/v1/\${s}"]`);
    local("execution_log_level", "upper(var.execution_log_level)");
    local("source_ip_restricted", "var.allowed_source_cidrs != null");
    // Each range with its prefix, as withPrefix writes it for the stacks: IAM reads a bare address as /32.
    local("allowed_source_cidrs", `var.allowed_source_cidrs == null ? null : [for c in var.allowed_source_cidrs : ${PREFIXED_CIDR}]`);
    // The default access-log group follows the prefix, as accessLogGroupNameFor does for the stacks.
    local(
      "access_log_group_name",
      `var.access_log_group_name == ${hcl(ACCESS_LOG_DEFAULTS.accessLogGroupName)} ? "\${var.name_prefix}-access" : var.access_log_group_name`,
    );
    // throttledMetricNamespace: unchanged for the default prefix, OtlpProxy/<prefix> otherwise.
    local(
      "throttled_metric_namespace",
      `var.name_prefix == ${hcl(NAME_PREFIX_DEFAULTS.namePrefix)} ? ${hcl(THROTTLED_METRIC.namespace)} : "${THROTTLED_METRIC.namespace}/\${var.name_prefix}"`,
    );
    local("logging_role_created", '(var.access_logs || local.execution_log_level != "OFF") && var.account_cloud_watch_role == "create"');

    const logGroup = new CloudwatchLogGroup(this, "otlp_logs", {
      name: tf("var.log_group_name"),
      retentionInDays: num("var.log_retention_days"),
      tags: tagsValue(),
    });
    // The shared stream exists in either mode: it keeps what clients wrote before per-team streams, and switching
    // modes never destroys a stream (deleting a stream deletes its events).
    new CloudwatchLogStream(this, "otlp_logs_stream", { name: tf("var.log_stream_name"), logGroupName: logGroup.name });
    this.addTeamKeys();
    const teamStreams = this.addTeamStreams();

    const statements = Object.fromEntries(
      SIGNALS.map((signal) => [signal, integrationPolicyStatements([signal], tfExpr("aws_cloudwatch_log_group.otlp_logs.arn"))[0]]),
    );
    const role = new IamRole(this, "integration", {
      name: tf(`"${NAME_PREFIX}-\${local.region}"`),
      description: "Assumed by API Gateway to forward OTLP requests to CloudWatch's OTLP endpoints.",
      assumeRolePolicy: JSON.stringify(apiGatewayTrustPolicy()),
      tags: tagsValue(),
    });
    const integrationPolicy = new IamRolePolicy(this, "integration_policy", {
      name: "otlp-ingest",
      role: role.id,
      policy: tf(`jsonencode({ Version = "2012-10-17", Statement = [for s in local.signals : ${hcl(statements)}[s]] })`),
    });

    const changes = new SerialApiChanges();
    const api = changes.add(
      new ApiGatewayRestApi(this, "api", {
        name: tf("var.name_prefix"),
        description: "OTLP/HTTP to CloudWatch's native OTLP endpoints, signed by API Gateway. No code in the data path.",
        endpointConfiguration: { types: ["REGIONAL"], ipAddressType: tf("var.ip_address_type") },
        apiKeySource: "HEADER",
        binaryMediaTypes: BINARY_MEDIA_TYPES,
        minimumCompressionSize: String(MINIMUM_COMPRESSION_SIZE_BYTES),
        disableExecuteApiEndpoint: bool("var.disable_execute_api_endpoint"),
        tags: tagsValue(),
        lifecycle: { precondition: preconditions() },
      }),
    );
    const v1 = changes.add(new ApiGatewayResource(this, "v1", { restApiId: api.id, parentId: api.rootResourceId, pathPart: "v1" }));
    const apiResources: TerraformResource[] = [v1];
    const track = <T extends TerraformResource>(resource: T): T => {
      apiResources.push(resource);
      return changes.add(resource);
    };

    for (const signal of SIGNALS) {
      const on = count(signalOn(signal));
      const at = (type: string) => `${type}.${signal}[0]`;
      track(new ApiGatewayResource(this, signal, { count: on, restApiId: api.id, parentId: v1.id, pathPart: signal }));
      const resourceId = tf(`${at("aws_api_gateway_resource")}.id`);
      track(
        new ApiGatewayMethod(this, `${signal}_post`, {
          count: on,
          restApiId: api.id,
          resourceId,
          httpMethod: "POST",
          authorization: "NONE",
          apiKeyRequired: true,
          requestParameters: { "method.request.header.Content-Type": false },
        }),
      );
      const staticHeaders: Record<string, string> = signal === "logs" ? { "x-aws-log-group": tfExpr("aws_cloudwatch_log_group.otlp_logs.name") } : {};
      // The stream: the calling key's id per team (API Gateway's context, never the client's), or the shared stream.
      const streamSource = tfExpr(
        `${PER_TEAM_STREAMS} ? ${hcl(logStreamSource("per-team", ""))} : ${hcl(logStreamSource("shared", tfExpr("aws_cloudwatch_log_stream.otlp_logs_stream.name")))}`,
      );
      const contextHeaders: Record<string, string> = signal === "logs" ? { "x-aws-log-stream": streamSource } : {};
      track(
        new ApiGatewayIntegration(this, `${signal}_integration`, {
          count: on,
          restApiId: api.id,
          resourceId,
          httpMethod: "POST",
          type: "AWS",
          integrationHttpMethod: "POST",
          // arn:aws:apigateway:<region>:<service>:path/<path> (docs/aws-facts.md, "AWS service integrations" [doc]/[code]).
          uri: tf(`"arn:aws:apigateway:\${local.region}:${SIGNAL_ENDPOINTS[signal].service}:path${signalPath(signal)}"`),
          credentials: role.arn,
          // No request templates: WHEN_NO_MATCH passes the body through unchanged [doc]. Request content handling stays
          // unset, so bodies of a binary media type pass byte for byte and JSON stays text [doc, recorded].
          passthroughBehavior: "WHEN_NO_MATCH",
          requestParameters: Object.fromEntries(Object.entries(integrationRequestHeaders(staticHeaders, contextHeaders)).map(([k, value]) => [k, tfTemplate(value)])),

        }),
      );
      for (const mapping of STATUS_MAPPINGS) {
        const headers = mapping.passedHeaders;
        track(
          new ApiGatewayMethodResponse(this, `${signal}_method_response_${mapping.statusCode}`, {
            count: on,
            restApiId: api.id,
            resourceId,
            httpMethod: "POST",
            statusCode: mapping.statusCode,
            responseParameters: headers.length ? Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, false])) : undefined,
          }),
        );
        track(
          new ApiGatewayIntegrationResponse(this, `${signal}_integration_response_${mapping.statusCode}`, {
            count: on,
            restApiId: api.id,
            resourceId,
            httpMethod: "POST",
            statusCode: mapping.statusCode,
            selectionPattern: mapping.selectionPattern,
            contentHandling: "CONVERT_TO_TEXT",
            responseParameters: headers.length
              ? Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, `integration.response.header.${h}`]))
              : undefined,
          }),
        );
      }
    }

    for (const spec of gatewayResponses()) {
      track(
        new ApiGatewayGatewayResponse(this, `gateway_response_${snake(spec.responseType)}`, {
          count: spec.onlyWithSourceIps ? count("local.source_ip_restricted") : undefined,
          restApiId: api.id,
          responseType: spec.responseType,
          statusCode: spec.statusCode,
          responseTemplates: { "application/json": tfTemplate(gatewayResponseBody(spec.message)) },
          responseParameters: Object.keys(spec.headers).length
            ? Object.fromEntries(Object.entries(spec.headers).map(([name, value]) => [`gatewayresponse.header.${name}`, `'${value}'`]))
            : undefined,
        }),
      );
    }
    track(
      new ApiGatewayRestApiPolicy(this, "source_ip_policy", {
        count: count("local.source_ip_restricted"),
        restApiId: api.id,
        // sourceIpPolicy copies the ranges into a list; the one-item list of a placeholder becomes the variable itself.
        policy: tf(`jsonencode(${hcl(sourceIpPolicy(tfExpr("aws_api_gateway_rest_api.api.execution_arn"), [tfExpr("cidr")]))})`.replace("[cidr]", "local.allowed_source_cidrs")),
      }),
    );

    const deployment = changes.add(
      new ApiGatewayDeployment(this, "api_deployment", {
        restApiId: api.id,
        description: "Managed by Terraform; replaced whenever a route, integration or response changes.",
        // A deployment that maps the stream from the key id waits for the teams' streams (switching to per-team).
        dependsOn: [integrationPolicy, teamStreams],
        triggers: {
          redeployment: redeploymentTrigger([
            ...apiResources.map((resource) => ({ resource })),
            { resource: api, attributes: REDEPLOYING_REST_API_ATTRIBUTES },
          ]),
        },
        lifecycle: { createBeforeDestroy: true },
      }),
    );

    new CloudwatchLogGroup(this, "access_logs", {
      count: count("var.access_logs"),
      name: tf("local.access_log_group_name"),
      retentionInDays: num("var.access_log_retention_days"),
      tags: tagsValue(),
    });
    new IamRole(this, "account_logging", {
      count: count("local.logging_role_created"),
      name: tf(`"${NAME_PREFIX}-apigw-logs-\${local.region}"`),
      description: "Lets API Gateway write execution and access logs to CloudWatch Logs in this region (account-level setting).",
      assumeRolePolicy: JSON.stringify(apiGatewayTrustPolicy()),
      tags: tagsValue(),
    });
    const attachment = new IamRolePolicyAttachment(this, "account_logging_push_to_cloudwatch_logs", {
      count: count("local.logging_role_created"),
      role: tf("aws_iam_role.account_logging[0].name"),
      policyArn: PUSH_TO_CLOUDWATCH_LOGS_POLICY_ARN,
    });
    changes.add(
      new ApiGatewayAccount(this, "account", {
        count: count("local.logging_role_created"),
        cloudwatchRoleArn: tf("aws_iam_role.account_logging[0].arn"),
        dependsOn: [attachment],
      }),
    );
    const stage = changes.add(
      new ApiGatewayStage(this, "api_stage", {
        restApiId: api.id,
        stageName: tf("var.stage_name"),
        deploymentId: deployment.id,
        description: `OTLP endpoint; clients send ${API_KEY_HEADER}.`,
        tags: tagsValue(),
      }),
    );
    stage.addOverride("dynamic.access_log_settings", {
      for_each: tf("var.access_logs ? [1] : []"),
      content: { destination_arn: tf("aws_cloudwatch_log_group.access_logs[0].arn"), format: accessLogFormat() },
    });
    const executionLogs = new CloudwatchLogGroup(this, "execution_logs", {
      count: count('local.execution_log_level != "OFF"'),
      name: tf('"API-Gateway-Execution-Logs_${aws_api_gateway_rest_api.api.id}/${var.stage_name}"'),
      retentionInDays: num("var.access_log_retention_days"),
      tags: tagsValue(),
    });
    changes.add(
      new ApiGatewayMethodSettings(this, "method_settings", {
        dependsOn: [executionLogs],
        restApiId: api.id,
        stageName: stage.stageName,
        methodPath: "*/*",
        settings: { loggingLevel: tf("local.execution_log_level"), metricsEnabled: bool("var.detailed_metrics"), dataTraceEnabled: false },
      }),
    );
    // All teams together under the metrics endpoint's account limit (docs/aws-facts.md, "OTLP endpoint limits"); a
    // method's own settings replace the stage's for it, so logging and metrics repeat the stage-wide values.
    changes.add(
      new ApiGatewayMethodSettings(this, "metrics_throttle", {
        count: count(`var.metrics_throttle.enabled && ${signalOn("metrics")}`),
        dependsOn: [executionLogs],
        restApiId: api.id,
        stageName: stage.stageName,
        methodPath: METRICS_METHOD_PATH,
        settings: {
          loggingLevel: tf("local.execution_log_level"),
          metricsEnabled: bool("var.detailed_metrics"),
          dataTraceEnabled: false,
          throttlingRateLimit: num("var.metrics_throttle.rate_limit"),
          throttlingBurstLimit: num("var.metrics_throttle.burst_limit"),
        },
      }),
    );
    changes.add(
      new Wafv2WebAclAssociation(this, "web_acl", { count: count("var.web_acl_arn != null"), resourceArn: stage.arn, webAclArn: tf("var.web_acl_arn") }),
    );
    changes.add(
      new ApiGatewayDomainName(this, "custom_domain", {
        count: count("var.domain_name != null"),
        domainName: tf("var.domain_name"),
        regionalCertificateArn: tf("var.certificate_arn"),
        endpointConfiguration: { types: ["REGIONAL"], ipAddressType: tf("var.ip_address_type") },
        securityPolicy: DOMAIN_SECURITY_POLICY,
        tags: tagsValue(),
      }),
    );
    changes.add(
      new ApiGatewayBasePathMapping(this, "custom_domain_mapping", {
        count: count("var.domain_name != null"),
        apiId: api.id,
        stageName: stage.stageName,
        domainName: tf("aws_api_gateway_domain_name.custom_domain[0].domain_name"),
        basePath: tf("var.base_path"),
      }),
    );
    new Route53Record(this, "custom_domain_alias", {
      count: count("var.domain_name != null && var.hosted_zone_id != null"),
      zoneId: tf("var.hosted_zone_id"),
      name: tf("aws_api_gateway_domain_name.custom_domain[0].domain_name"),
      type: "A",
      alias: {
        name: tf("aws_api_gateway_domain_name.custom_domain[0].regional_domain_name"),
        zoneId: tf("aws_api_gateway_domain_name.custom_domain[0].regional_zone_id"),
        evaluateTargetHealth: false,
      },
    });

    this.addTeamPlans(teamStreams);
    const alarmIds = this.addAlarms();
    this.addDashboard(alarmIds);
    new CloudformationStack(this, "transaction_search", {
      count: count("var.transaction_search.enabled && (var.transaction_search.regions == null ? true : contains(coalesce(var.transaction_search.regions, []), local.region))"),
      name: transactionSearchName(NAME_PREFIX),
      templateBody: tf(
        `jsonencode(${hcl(transactionSearchTemplate(tfNumber("var.transaction_search.indexing_percentage"), transactionSearchName(tfExpr("var.name_prefix"))))})`,
      ),
      tags: tagsValue(),
    });
    this.addOutputs();
  }

  /** One API key per team, keyed by team name. */
  private addTeamKeys(): void {
    const key = new ApiGatewayApiKey(this, "team", {
      name: TEAM_RESOURCE_NAME,
      description: "Sent by OTLP clients in the x-api-key header.",
      enabled: bool("each.value.enabled"),
      tags: Token.asStringMap(TEAM_TAGS),
    });
    key.addOverride("for_each", tf(FOR_TEAMS));
  }

  /**
   * With per-team streams, one stream per team in the OTLP log group, named by the team's key id: the logs route maps
   * `x-aws-log-stream` from `context.identity.apiKeyId` (docs/aws-facts.md, "Context variables as request parameters"),
   * and CloudWatch refuses a write to a stream that does not exist (docs/aws-facts.md, "CloudWatch OTLP endpoints"), so
   * the plan key that makes a key usable waits for it. A disabled team keeps its stream. A team removed from `teams`
   * takes its stream, and so its events, with it, unless `terraform state rm` leaves the stream behind first.
   */
  private addTeamStreams(): CloudwatchLogStream {
    const streams = named(
      new CloudwatchLogStream(this, "team-stream", {
        name: tf("aws_api_gateway_api_key.team[each.key].id"),
        logGroupName: tf("aws_cloudwatch_log_group.otlp_logs.name"),
      }),
      "team",
    );
    streams.addOverride("for_each", tf(`{ for t in var.teams : t.name => t if ${PER_TEAM_STREAMS} }`));
    return streams;
  }

  /** One usage plan and plan key per team, keyed by team name; a plan key waits for the teams' streams. */
  private addTeamPlans(teamStreams: CloudwatchLogStream): void {
    const forTeams = FOR_TEAMS;
    const name = TEAM_RESOURCE_NAME;
    const tags = TEAM_TAGS;
    const plan = new ApiGatewayUsagePlan(this, "team_plan", {
      name,
      description: tf(`"Throttle and quota of team \${each.key}'s OTLP proxy API key."`),
      apiStages: [{ apiId: tf("aws_api_gateway_rest_api.api.id"), stage: tf("aws_api_gateway_stage.api_stage.stage_name") }],
      throttleSettings: {
        rateLimit: num("coalesce(each.value.rate_limit, var.throttle.rate_limit)"),
        burstLimit: num("coalesce(each.value.burst_limit, var.throttle.burst_limit)"),
      },
      tags: Token.asStringMap(tags),
    });
    plan.addOverride("for_each", tf(forTeams));
    plan.addOverride("dynamic.quota_settings", {
      for_each: tf("each.value.quota == null ? [] : [each.value.quota]"),
      content: { limit: tf("quota_settings.value.limit"), period: tf("quota_settings.value.period") },
    });
    const planKey = new ApiGatewayUsagePlanKey(this, "team_plan_key", {
      keyId: tf("aws_api_gateway_api_key.team[each.key].id"),
      keyType: "API_KEY",
      usagePlanId: tf("aws_api_gateway_usage_plan.team_plan[each.key].id"),
      // A key is usable on the stage once its plan key exists; by then its stream must exist too.
      dependsOn: [teamStreams],
    });
    planKey.addOverride("for_each", tf(forTeams));
  }

  /** The alarms, their topic and the 429 metric filter, from `alarmSpecs`; returns the alarms' resource names. */
  private addAlarms(): string[] {
    newLocal(this, "alarm_topic_arn", ('var.alarms.enabled ? lookup(var.alarms.topic_arns, local.region, one(aws_sns_topic.alarms[*].arn)) : null'));
    newLocal(this, "alarm_notifies", ("var.alarms.enabled && (contains(keys(var.alarms.topic_arns), local.region) || length(var.alarms.emails) > 0)"));
    new SnsTopic(this, "alarms", {
      count: count("var.alarms.enabled && !contains(keys(var.alarms.topic_arns), local.region) && length(var.alarms.emails) > 0"),
      name: `${NAME_PREFIX}-alarms`,
      tags: tagsValue(),
    });
    const subscription = new SnsTopicSubscription(this, "alarm_email", { topicArn: tf("local.alarm_topic_arn"), protocol: "email", endpoint: tf("each.value") });
    subscription.addOverride("for_each", tf("var.alarms.enabled ? toset(var.alarms.emails) : toset([])"));
    new CloudwatchLogMetricFilter(this, "throttled_filter", {
      count: count("var.alarms.enabled && var.access_logs"),
      name: `${NAME_PREFIX}-throttled`,
      logGroupName: tf("aws_cloudwatch_log_group.access_logs[0].name"),
      pattern: throttledFilterPattern(DEFAULT_ACCESS_LOG_FIELDS.status),
      metricTransformation: { namespace: tf("local.throttled_metric_namespace"), name: THROTTLED_METRIC.name, value: "1", defaultValue: "0", unit: "Count" },
    });

    const settings: AlarmSettings = {
      enabled: true,
      periodSeconds: tfNumber("var.alarms.period_seconds"),
      evaluationPeriods: tfNumber("var.alarms.evaluation_periods"),
      serverErrorsPerPeriod: tfNumber("var.alarms.server_errors_per_period"),
      clientErrorsPerPeriod: tfNumber("var.alarms.client_errors_per_period"),
      throttledRequestsPerPeriod: tfNumber("var.alarms.throttled_requests_per_period"),
      integrationLatencyP99Millis: tfNumber("var.alarms.integration_latency_p99_millis"),
      emails: [],
      topicArns: {},
    };
    const api = { ApiName: tfExpr("aws_api_gateway_rest_api.api.name"), Stage: tfExpr("aws_api_gateway_stage.api_stage.stage_name") };
    const withoutAccessLogs = new Set(alarmSpecs(api, settings, false).map((spec) => spec.id));
    const names: string[] = [];
    for (const spec of alarmSpecs(api, settings, true, tfExpr("local.throttled_metric_namespace"))) {
      const extended = isExtendedStatistic(spec.statistic);
      const name = snake(spec.id);
      names.push(name);
      new CloudwatchMetricAlarm(this, name, {
        count: count(withoutAccessLogs.has(spec.id) ? "var.alarms.enabled" : "var.alarms.enabled && var.access_logs"),
        alarmName: tf(`"${NAME_PREFIX}-\${aws_api_gateway_stage.api_stage.stage_name}-${spec.id}"`),
        alarmDescription: tfTemplate(spec.description),
        namespace: tfTemplate(spec.namespace),
        metricName: spec.metricName,
        dimensions: Object.keys(spec.dimensions).length > 0 ? Object.fromEntries(Object.entries(spec.dimensions).map(([k, value]) => [k, tfTemplate(value)])) : undefined,
        statistic: extended ? undefined : spec.statistic,
        extendedStatistic: extended ? spec.statistic : undefined,
        period: num("var.alarms.period_seconds"),
        evaluationPeriods: num("var.alarms.evaluation_periods"),
        threshold: Token.asNumber(tfTemplate(String(spec.threshold))),
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        alarmActions: Token.asList(tf("local.alarm_notifies ? [local.alarm_topic_arn] : null")),
        okActions: Token.asList(tf("local.alarm_notifies ? [local.alarm_topic_arn] : null")),
        tags: tagsValue(),
      });
    }
    return names;
  }

  private addDashboard(alarmNames: readonly string[]): void {
    const locals = dashboardLocals(moduleDashboardRefs(alarmNames));
    for (const [name, expression] of Object.entries(locals)) newLocal(this, name, expression);
    new CloudwatchDashboard(this, "proxy", {
      count: count("var.dashboard.enabled"),
      dashboardName: tf(`"${NAME_PREFIX}-\${local.region}"`),
      dashboardBody: tf("local.dashboard_body"),
    });
  }

  private addOutputs(): void {
    const output = (name: string, expression: string, description: string) => {
      named(new TerraformOutput(this, `output-${name}`, { value: tf(expression), description }), name);
      this.outputs.push({ name, description });
    };
    newLocal(
      this,
      "endpoint",
      ('var.domain_name != null ? "https://${var.domain_name}${var.base_path != null ? "/${var.base_path}" : ""}" : aws_api_gateway_stage.api_stage.invoke_url'),
    );
    output("otlp_endpoint", "local.endpoint", "Base OTLP/HTTP endpoint for tools (OTEL_EXPORTER_OTLP_ENDPOINT); clients append /v1/<signal>.");
    for (const signal of SIGNALS) {
      output(
        `${signal}_url`,
        `${signalOn(signal)} ? "\${local.endpoint}${signalPath(signal)}" : null`,
        `Full URL of the ${signal} route (POST ${signalPath(signal)}), for per-signal endpoint settings; null when signals leaves the route out.`,
      );
    }
    const keyId = (team: string) => `aws_api_gateway_api_key.team[${team}].id`;
    const command = (team: string) => hcl(getApiKeyCommand(tfExpr(keyId(team)), tfExpr("local.region")));
    output("api_key_id", keyId("var.teams[0].name"), "ID of the first team's API key (not its value). Kept for compatibility: see api_key_ids.");
    output(
      "get_api_key_command",
      command("var.teams[0].name"),
      "Prints the first team's API key value; send it in the x-api-key header. Kept for compatibility: see get_api_key_commands.",
    );
    output("api_key_ids", `{ for t in var.teams : t.name => ${keyId("t.name")} }`, "ID of each team's API key, by team name (not the values); access logs record these ids as apiKeyId.");
    output(
      "get_api_key_commands",
      `{ for t in var.teams : t.name => ${command("t.name")} }`,
      "For each team, the command that prints its API key value; send the value in the x-api-key header.",
    );
    output("log_group_name", "aws_cloudwatch_log_group.otlp_logs.name", "CloudWatch log group that receives OTLP log records.");
    output(
      "log_stream_names",
      `${PER_TEAM_STREAMS} && ${signalOn("logs")} ? { for t in var.teams : t.name => aws_cloudwatch_log_stream.team[t.name].name } : null`,
      "The log stream of each team, by team name: its API key id, which API Gateway sets as the stream of every log record sent with that key; null when log_streams is shared or the logs route is off.",
    );
    output(
      "client_config",
      // The snippets quote the endpoint for the shell only when it needs it; the stacks' execute-api URL is a token at
      // synth (so quoted) and a custom domain is plain text (so bare). Both forms come from the same builder here.
      `var.domain_name != null ? ${hcl(clientSnippets(tfExpr("local.endpoint", "ascii")))} : ${hcl(clientSnippets(tfExpr("local.endpoint")))}`,
      `Ready settings for each AI tool and any OpenTelemetry SDK, by name; replace ${DEFAULT_API_KEY_PLACEHOLDER} with the key from get_api_key_command.`,
    );
    output(
      "access_log_group_name",
      "one(aws_cloudwatch_log_group.access_logs[*].name)",
      "CloudWatch log group of the stage's access logs: one JSON line per request; null when access_logs is false.",
    );
    output(
      "custom_domain_target",
      "one(aws_api_gateway_domain_name.custom_domain[*].regional_domain_name)",
      "Regional target of the custom domain: point a CNAME or alias record at it when the module creates no Route 53 record; null without domain_name.",
    );
    output(
      "execute_api_endpoint",
      "var.domain_name != null ? aws_api_gateway_stage.api_stage.invoke_url : null",
      "The stage's own execute-api URL when a custom domain is set (otlp_endpoint is then the custom domain); null without domain_name.",
    );
    output(
      "dashboard_url",
      'var.dashboard.enabled ? "https://${local.region}.console.aws.amazon.com/cloudwatch/home?region=${local.region}#dashboards/dashboard/${aws_cloudwatch_dashboard.proxy[0].dashboard_name}" : null',
      "CloudWatch console URL of this region's proxy dashboard; null when the dashboard is off.",
    );
    output("alarm_topic_arn", "local.alarm_topic_arn", "SNS topic the proxy's alarms notify (email subscribers must confirm); null when there is none.");
    output(
      "transaction_search_stack_id",
      "one(aws_cloudformation_stack.transaction_search[*].id)",
      "CloudFormation stack that turned on X-Ray Transaction Search in this account and region; null when the module does not turn it on.",
    );
  }
}

/** The Terraform expressions the module's dashboard reads; `alarmNames` are the alarms' resource names. */
export function moduleDashboardRefs(alarmNames: readonly string[]): DashboardRefs {
  return {
    region: "local.region",
    apiName: "aws_api_gateway_rest_api.api.name",
    stageName: "aws_api_gateway_stage.api_stage.stage_name",
    periodSeconds: "var.alarms.period_seconds",
    alarmArns: `concat(${alarmNames.map((name) => `aws_cloudwatch_metric_alarm.${name}[*].arn`).join(", ")})`,
    alarmsOn: "var.alarms.enabled",
    routePaths: "local.route_paths",
    signals: "local.signals",
    detailedMetrics: "var.detailed_metrics",
    accessLogsOn: "var.access_logs",
    accessLogGroupName: 'try(aws_cloudwatch_log_group.access_logs[0].name, "")',
    teams: "var.teams",
    teamKeyId: "aws_api_gateway_api_key.team[t.name].id",
    otlpLogGroupName: "aws_cloudwatch_log_group.otlp_logs.name",
    aiUsageWidgets: "var.dashboard.ai_usage_widgets",
    teamStreamsOn: PER_TEAM_STREAMS,
  };
}

/** Variables, locals and outputs share construct ids with each other and with resources; their Terraform names are set here. */
function named<T extends { overrideLogicalId(id: string): void }>(element: T, name: string): T {
  element.overrideLogicalId(name);
  return element;
}

function newLocal(scope: Construct, name: string, expression: string): TerraformLocal {
  return named(new TerraformLocal(scope, `local-${name}`, tf(expression)), name);
}

function tagsValue(): Record<string, string> {
  return Token.asStringMap(tf("var.tags"));
}

/** Rules across variables, checked at plan on the REST API: the preconditions of the rules table (src/infra/settings/rules.ts). */
function preconditions(): { condition: string; errorMessage: string }[] {
  return MODULE_PRECONDITIONS.map((rule) => ({ condition: tf(rule.condition), errorMessage: rule.errorMessage }));
}

/** The gateway responses, with the not-found message listing the routes of `var.signals` in Terraform. */
function gatewayResponses(): { responseType: string; statusCode: string; message: string; headers: Readonly<Record<string, string>>; onlyWithSourceIps: boolean }[] {
  const stage = tfExpr("var.stage_name");
  const route = tfExpr("s") as Signal;
  const [none, one, two] = [gatewayResponseSpecs(stage, []), gatewayResponseSpecs(stage, [route]), gatewayResponseSpecs(stage, [route, route])];
  const specs = none.map((spec, i) => {
    if (spec.message === one[i].message) return { ...spec, onlyWithSourceIps: false };
    const slot = listSlot(spec.message, one[i].message, two[i].message);
    const routes = tfExpr(`join(${hcl(slot.separator)}, [for s in local.signals : ${hcl(slot.item)}])`);
    return { ...spec, message: `${slot.before}${routes}${slot.after}`, onlyWithSourceIps: false };
  });
  return [...specs, { ...SOURCE_IP_DENIED_RESPONSE, onlyWithSourceIps: true }];
}
