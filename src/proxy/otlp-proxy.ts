import {
  ApiGatewayDeployment,
  ApiGatewayGatewayResponse,
  ApiGatewayMethodSettings,
  ApiGatewayResource,
  ApiGatewayRestApi,
  ApiGatewayRestApiPolicy,
  ApiGatewayStage,
  CloudwatchLogGroup,
  Wafv2WebAclAssociation,
} from "../cdktf/aws";
import { Construct, TerraformResource } from "../cdktf";
import { withPrefix } from "../net/cidr";
import { Signal, signalPath } from "../otlp/signals";
import { DEFAULTS, Throttle } from "../settings/defaults";
import { AccountCloudWatchRole, ExecutionLogLevel } from "../settings/parse-access-logs";
import { accessLogGroupNameFor, NAME_PREFIX_RULE } from "../settings/parse-name-prefix";
import { Team, teamThrottle } from "../settings/parse-teams";
import { accessLogFormat } from "./access-log-format";
import { AccountLoggingRole } from "./account-logging-role";
import { ApiAccess } from "./api-access";
import { CustomDomain } from "./custom-domain";
import { sourceIpPolicy } from "./source-ip-policy";
import { API_KEY_HEADER, gatewayResponseBody, gatewayResponseSpecs, SOURCE_IP_DENIED_RESPONSE } from "./gateway-responses";
import { IntegrationRole } from "./integration-role";
import { OtlpLogDestination } from "./otlp-log-destination";
import { OtlpRoute } from "./otlp-route";
import { redeploymentTrigger } from "./redeployment-trigger";
import { BINARY_MEDIA_TYPES, MINIMUM_COMPRESSION_SIZE_BYTES, REDEPLOYING_REST_API_ATTRIBUTES } from "./rest-api-settings";
import { SerialApiChanges } from "./serial-api-changes";

export interface OtlpProxyProps {
  /** The region the stack deploys to; it names CloudWatch's endpoints in the integration URIs. */
  readonly region: string;
  /** The routes to create. @default all three: metrics, traces, logs */
  readonly signals?: readonly Signal[];
  /** @default "prod" */
  readonly stageName?: string;
  /** @default "otlp-logs" */
  readonly logGroupName?: string;
  /** @default "otlp" */
  readonly logStreamName?: string;
  /** @default 30 */
  readonly logRetentionDays?: number;
  /** @default 100 requests per second, burst 200 */
  readonly throttle?: Throttle;
  /**
   * The first part of every resource name: the IAM roles, the REST API, each team's key and plan and the default
   * access-log group; 1 to 24 lowercase letters, digits or '-', starting with a letter. Construct ids do not change.
   * @default DEFAULTS.namePrefix ("otlp-proxy")
   */
  readonly namePrefix?: string;
  /**
   * One API key and usage plan per team, with construct id `access-<name>`; a team without limits gets `throttle`.
   * @default one enabled team named "default"
   */
  readonly teams?: readonly Team[];
  /** Write one JSON line per request to the access-log group. @default true */
  readonly accessLogs?: boolean;
  /** @default "<namePrefix>-access" ("otlp-proxy-access" with the default prefix) */
  readonly accessLogGroupName?: string;
  /** @default 30 */
  readonly accessLogRetentionDays?: number;
  /** Execution logging level of every method; data tracing is never turned on. @default "OFF" */
  readonly executionLogLevel?: ExecutionLogLevel;
  /** Per-method CloudWatch metrics. @default false */
  readonly detailedMetrics?: boolean;
  /**
   * `create` sets the region's API Gateway account logging role from this construct; `existing` relies on one already
   * set. Only used when some logging is on. @default "create"
   */
  readonly accountCloudWatchRole?: AccountCloudWatchRole;
  /** Only these source IP ranges may call the API (a resource policy denies the rest). @default any source */
  readonly allowedSourceCidrs?: readonly string[];
  /** A regional WAFv2 web ACL in the same region to associate with the stage. @default no web ACL */
  readonly webAclArn?: string;
  /** A custom domain for the stage (needs `certificateArn`). @default the execute-api endpoint only */
  readonly domainName?: string;
  /** A regional ACM certificate for `domainName`. @default none */
  readonly certificateArn?: string;
  /** The custom domain's path that maps to the stage. @default the domain's root */
  readonly basePath?: string;
  /** A Route 53 hosted zone for an alias record of `domainName`. @default no record */
  readonly hostedZoneId?: string;
  /** Turn off the `execute-api` endpoint so only the custom domain answers. @default false */
  readonly disableExecuteApiEndpoint?: boolean;
}

/**
 * The Lambdaless OTLP proxy for one region: a REST API whose `POST /v1/<signal>` routes require an API key and
 * forward to CloudWatch's OTLP endpoints through SigV4-signing AWS integrations. Never creates a provider.
 */
export class OtlpProxy extends Construct {
  readonly restApi: ApiGatewayRestApi;
  readonly stage: ApiGatewayStage;
  /** The first team's key and plan (the `default` team unless teams are set). */
  readonly access: ApiAccess;
  /** Every team's key and plan, by team name, in settings order. */
  readonly teamAccess: ReadonlyMap<string, ApiAccess>;
  /** The access-log group, when access logs are on. */
  readonly accessLogGroup?: CloudwatchLogGroup;
  /** The account logging role, when this construct sets it. */
  readonly accountLoggingRole?: AccountLoggingRole;
  /** The custom domain, when there is one. */
  readonly customDomain?: CustomDomain;
  readonly logDestination: OtlpLogDestination;
  readonly integrationRole: IntegrationRole;
  readonly signals: readonly Signal[];

  constructor(scope: Construct, id: string, props: OtlpProxyProps) {
    super(scope, id);
    const signals = props.signals ?? (DEFAULTS.signals as readonly Signal[]);
    const stageName = props.stageName ?? DEFAULTS.stageName;
    const namePrefix = props.namePrefix ?? DEFAULTS.namePrefix;
    const logStreamName = props.logStreamName ?? DEFAULTS.logStreamName;
    const teams = props.teams ?? DEFAULTS.teams;
    const accessLogs = props.accessLogs ?? DEFAULTS.accessLogs;
    const executionLogLevel = props.executionLogLevel ?? DEFAULTS.executionLogLevel;
    const cidrs = props.allowedSourceCidrs ?? [];
    if (!NAME_PREFIX_RULE.pattern.test(namePrefix)) {
      throw new Error(`OtlpProxy: 'namePrefix' ${JSON.stringify(namePrefix)} must be ${NAME_PREFIX_RULE.rule}`);
    }
    if (teams.length === 0) throw new Error("OtlpProxy: 'teams' must name at least one team");
    if (props.domainName && !props.certificateArn) throw new Error(`OtlpProxy: 'domainName' ${props.domainName} needs 'certificateArn'`);
    if (props.disableExecuteApiEndpoint && !props.domainName) {
      throw new Error("OtlpProxy: 'disableExecuteApiEndpoint' needs 'domainName', or the API would have no endpoint");
    }
    this.signals = signals;

    this.logDestination = new OtlpLogDestination(this, "log-destination", {
      logGroupName: props.logGroupName ?? DEFAULTS.logGroupName,
      logStreamName,
      retentionInDays: props.logRetentionDays ?? DEFAULTS.logRetentionDays,
    });
    this.integrationRole = new IntegrationRole(this, "integration-role", {
      namePrefix,
      region: props.region,
      signals,
      logGroupArn: this.logDestination.logGroup.arn,
    });

    const changes = new SerialApiChanges();
    this.restApi = changes.add(
      new ApiGatewayRestApi(this, "api", {
        name: namePrefix,
        description: "OTLP/HTTP to CloudWatch's native OTLP endpoints, signed by API Gateway. No code in the data path.",
        endpointConfiguration: { types: ["REGIONAL"] },
        apiKeySource: "HEADER",
        binaryMediaTypes: BINARY_MEDIA_TYPES,
        minimumCompressionSize: String(MINIMUM_COMPRESSION_SIZE_BYTES),
        // Always written: the attribute is optional and computed, so leaving it out when false would never switch a
        // disabled endpoint back on.
        disableExecuteApiEndpoint: props.disableExecuteApiEndpoint ?? false,
      }),
    );
    const restApiId = this.restApi.id;
    const v1 = changes.add(new ApiGatewayResource(this, "v1", { restApiId, parentId: this.restApi.rootResourceId, pathPart: "v1" }));

    const apiResources: TerraformResource[] = [v1];
    for (const signal of signals) {
      const route = new OtlpRoute(this, signal, {
        restApiId,
        parentResourceId: v1.id,
        signal,
        region: props.region,
        credentialsRoleArn: this.integrationRole.role.arn,
        // Required by the logs endpoint, as headers only (aws-behaviour.md, "CloudWatch OTLP endpoints" [doc]).
        staticHeaders:
          signal === "logs"
            ? { "x-aws-log-group": this.logDestination.logGroup.name, "x-aws-log-stream": this.logDestination.logStream.name }
            : {},
        changes,
      });
      apiResources.push(...route.resources);
    }
    for (const spec of [...gatewayResponseSpecs(stageName, signals), ...(cidrs.length > 0 ? [SOURCE_IP_DENIED_RESPONSE] : [])]) {
      apiResources.push(
        changes.add(
          new ApiGatewayGatewayResponse(this, `gateway-response-${spec.responseType.toLowerCase().replace(/_/g, "-")}`, {
            restApiId,
            responseType: spec.responseType,
            statusCode: spec.statusCode,
            responseTemplates: { "application/json": gatewayResponseBody(spec.message) },
            responseParameters: Object.keys(spec.headers).length
              ? Object.fromEntries(Object.entries(spec.headers).map(([name, value]) => [`gatewayresponse.header.${name}`, `'${value}'`]))
              : undefined,
          }),
        ),
      );
    }

    if (cidrs.length > 0) {
      // The policy is part of what a deployment serves: it is in the trigger, so changing it redeploys
      // (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-create-attach.html).
      apiResources.push(
        changes.add(
          new ApiGatewayRestApiPolicy(this, "source-ip-policy", {
            restApiId,
            policy: JSON.stringify(sourceIpPolicy(this.restApi.executionArn, cidrs.map(withPrefix))),
          }),
        ),
      );
    }

    const deployment = changes.add(
      new ApiGatewayDeployment(this, "deployment", {
        // The first requests must find the integration role's permissions in place.
        dependsOn: [this.integrationRole.policy],
        restApiId,
        description: "Managed by Terraform; replaced whenever a route, integration or response changes.",
        // What the configuration decides for every API resource, and the REST API settings a deployment serves, feed
        // the trigger, so any change to them redeploys (aws-behaviour.md, "Deployments" [doc]; the default endpoint
        // switch takes effect only with a new deployment:
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-disable-default-endpoint.html).
        triggers: {
          redeployment: redeploymentTrigger([
            ...apiResources.map((resource) => ({ resource })),
            { resource: this.restApi, attributes: REDEPLOYING_REST_API_ATTRIBUTES },
          ]),
        },
        lifecycle: { createBeforeDestroy: true },
      }),
    );
    if (accessLogs) {
      this.accessLogGroup = new CloudwatchLogGroup(this, "access-log-group", {
        name: props.accessLogGroupName ?? accessLogGroupNameFor(namePrefix, DEFAULTS.accessLogGroupName, DEFAULTS.accessLogGroupName),
        retentionInDays: props.accessLogRetentionDays ?? DEFAULTS.accessLogRetentionDays,
      });
    }
    // Access and execution logs need the region's account-level logging role (aws-behaviour.md, "Logging" [doc]); the
    // stage is created after it in the change chain, so the first deployment can already log.
    if ((accessLogs || executionLogLevel !== "OFF") && (props.accountCloudWatchRole ?? DEFAULTS.accountCloudWatchRole) === "create") {
      this.accountLoggingRole = new AccountLoggingRole(this, "account-logging-role", { namePrefix, region: props.region });
      changes.add(this.accountLoggingRole.account);
    }
    this.stage = changes.add(
      new ApiGatewayStage(this, "stage", {
        restApiId,
        stageName,
        deploymentId: deployment.id,
        description: `OTLP endpoint; clients send ${API_KEY_HEADER}.`,
        accessLogSettings: this.accessLogGroup ? { destinationArn: this.accessLogGroup.arn, format: accessLogFormat() } : undefined,
      }),
    );
    // API Gateway creates the execution-log group itself on first write, without retention; owning it here sets the
    // retention and removes it with the stack. It exists before the method settings switch execution logging on.
    const executionLogGroup =
      executionLogLevel === "OFF"
        ? undefined
        : new CloudwatchLogGroup(this, "execution-log-group", {
            name: `API-Gateway-Execution-Logs_${restApiId}/${stageName}`,
            retentionInDays: props.accessLogRetentionDays ?? DEFAULTS.accessLogRetentionDays,
          });
    changes.add(
      new ApiGatewayMethodSettings(this, "method-settings", {
        dependsOn: executionLogGroup ? [executionLogGroup] : undefined,
        restApiId,
        stageName: this.stage.stageName,
        methodPath: "*/*",
        settings: {
          loggingLevel: executionLogLevel,
          metricsEnabled: props.detailedMetrics ?? DEFAULTS.detailedMetrics,
          // Never on: it would copy telemetry bodies (prompts, file paths, user ids) into the execution logs
          // (aws-behaviour.md, "Logging" [doc]).
          dataTraceEnabled: false,
        },
      }),
    );
    if (props.webAclArn) {
      changes.add(new Wafv2WebAclAssociation(this, "web-acl", { resourceArn: this.stage.arn, webAclArn: props.webAclArn }));
    }
    if (props.domainName && props.certificateArn) {
      this.customDomain = new CustomDomain(this, "custom-domain", {
        restApiId,
        stageName: this.stage.stageName,
        domainName: props.domainName,
        certificateArn: props.certificateArn,
        basePath: props.basePath,
        hostedZoneId: props.hostedZoneId,
        changes,
      });
    }

    const teamAccess = new Map<string, ApiAccess>();
    for (const team of teams) {
      teamAccess.set(
        team.name,
        // The id `access-<team>` keeps the default team's Terraform addresses from before teams existed.
        new ApiAccess(this, `access-${team.name}`, {
          restApiId,
          stageName: this.stage.stageName,
          name: `${namePrefix}-${team.name}-${props.region}`,
          team: team.name,
          throttle: teamThrottle(team, props.throttle ?? DEFAULTS.throttle),
          quota: team.quota,
          enabled: team.enabled,
        }),
      );
    }
    this.teamAccess = teamAccess;
    this.access = teamAccess.get(teams[0].name)!;
  }

  /**
   * The base URL tools take as their OTLP endpoint (`/v1/<signal>` is appended by each client): the custom domain and
   * base path when there is one, else the stage's invoke URL.
   */
  get endpoint(): string {
    return this.customDomain?.url ?? this.stage.invokeUrl;
  }

  /** The full URL of one signal's route. */
  signalUrl(signal: Signal): string {
    return `${this.endpoint}${signalPath(signal)}`;
  }
}
