import {
  ApiGatewayDeployment,
  ApiGatewayGatewayResponse,
  ApiGatewayResource,
  ApiGatewayRestApi,
  ApiGatewayStage,
} from "../cdktf/aws";
import { Construct, TerraformResource } from "../cdktf";
import { Signal, signalPath } from "../otlp/signals";
import { DEFAULTS, Throttle } from "../settings/defaults";
import { ApiAccess } from "./api-access";
import { API_KEY_HEADER, gatewayResponseBody, gatewayResponseSpecs } from "./gateway-responses";
import { IntegrationRole } from "./integration-role";
import { OtlpLogDestination } from "./otlp-log-destination";
import { OtlpRoute } from "./otlp-route";
import { SerialApiChanges, terraformAddress } from "./serial-api-changes";

/**
 * The media types API Gateway passes byte for byte. Protobuf must be listed, or API Gateway treats it as UTF-8 text
 * and replaces invalid bytes; JSON must not be, so it stays text and is never base64-touched (aws-behaviour.md,
 * "Binary bodies" [doc] and "Request bodies" [recorded]).
 */
export const BINARY_MEDIA_TYPES = ["application/x-protobuf"];

/**
 * 0 turns on the REST API's content encoding for bodies of every size. AWS says of this setting: "If the payload size
 * is smaller than this value, compression or decompression are not applied on the payload" (Content encoding for
 * REST APIs; aws-behaviour.md, "gzip" [open]). Any higher value could let a small gzip body reach CloudWatch still
 * compressed, without its Content-Encoding, and be rejected. The cost: CloudWatch's small answers are gzipped for
 * clients that send Accept-Encoding: gzip.
 */
export const MINIMUM_COMPRESSION_SIZE_BYTES = 0;

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
  /** Prefix of every resource name. @default "otlp-proxy" */
  readonly namePrefix?: string;
}

/**
 * The Lambdaless OTLP proxy for one region: a REST API whose `POST /v1/<signal>` routes require an API key and
 * forward to CloudWatch's OTLP endpoints through SigV4-signing AWS integrations. Never creates a provider.
 */
export class OtlpProxy extends Construct {
  readonly restApi: ApiGatewayRestApi;
  readonly stage: ApiGatewayStage;
  readonly access: ApiAccess;
  readonly logDestination: OtlpLogDestination;
  readonly integrationRole: IntegrationRole;
  readonly signals: readonly Signal[];

  constructor(scope: Construct, id: string, props: OtlpProxyProps) {
    super(scope, id);
    const signals = props.signals ?? (DEFAULTS.signals as readonly Signal[]);
    const stageName = props.stageName ?? DEFAULTS.stageName;
    const namePrefix = props.namePrefix ?? "otlp-proxy";
    const logStreamName = props.logStreamName ?? DEFAULTS.logStreamName;
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
    for (const spec of gatewayResponseSpecs(stageName, signals)) {
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

    const deployment = changes.add(
      new ApiGatewayDeployment(this, "deployment", {
        restApiId,
        description: "Managed by Terraform; replaced whenever a route, integration or response changes.",
        // Every attribute of every API resource feeds the trigger, so any change to them redeploys
        // (aws-behaviour.md, "Deployments" [doc]).
        triggers: { redeployment: `\${sha1(jsonencode([${apiResources.map(terraformAddress).join(", ")}]))}` },
        lifecycle: { createBeforeDestroy: true },
      }),
    );
    this.stage = changes.add(
      new ApiGatewayStage(this, "stage", {
        restApiId,
        stageName,
        deploymentId: deployment.id,
        description: `OTLP endpoint; clients send ${API_KEY_HEADER}.`,
      }),
    );
    this.access = new ApiAccess(this, "access-default", {
      restApiId,
      stageName: this.stage.stageName,
      name: `${namePrefix}-default-${props.region}`,
      throttle: props.throttle ?? DEFAULTS.throttle,
    });
  }

  /** The base URL tools take as their OTLP endpoint (`/v1/<signal>` is appended by each client). */
  get endpoint(): string {
    return this.stage.invokeUrl;
  }

  /** The full URL of one signal's route. */
  signalUrl(signal: Signal): string {
    return `${this.stage.invokeUrl}${signalPath(signal)}`;
  }
}
