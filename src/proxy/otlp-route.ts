import {
  ApiGatewayIntegration,
  ApiGatewayIntegrationResponse,
  ApiGatewayMethod,
  ApiGatewayMethodResponse,
  ApiGatewayResource,
} from "../cdktf/aws";
import { Construct, TerraformResource } from "../cdktf";
import { SIGNAL_ENDPOINTS, Signal, signalPath } from "../otlp/signals";
import { SerialApiChanges } from "./serial-api-changes";
import { STATUS_MAPPINGS } from "./status-mapping";

export interface OtlpRouteProps {
  readonly restApiId: string;
  /** The `/v1` resource the signal's resource hangs under. */
  readonly parentResourceId: string;
  readonly signal: Signal;
  readonly region: string;
  /** ARN of the role API Gateway assumes to sign the request. */
  readonly credentialsRoleArn: string;
  /** Static headers sent to CloudWatch with every request (the logs route's log group and stream). */
  readonly staticHeaders: Readonly<Record<string, string>>;
  readonly changes: SerialApiChanges;
}

/** `POST /v1/<signal>`: requires the API key and forwards the body, SigV4-signed, to CloudWatch's OTLP endpoint. */
export class OtlpRoute extends Construct {
  /** Every resource of the route, for the deployment's redeploy trigger. */
  readonly resources: TerraformResource[] = [];

  constructor(scope: Construct, id: string, props: OtlpRouteProps) {
    super(scope, id);
    const { changes, restApiId } = props;
    const track = <T extends TerraformResource>(resource: T): T => {
      this.resources.push(resource);
      return changes.add(resource);
    };

    const resource = track(
      new ApiGatewayResource(this, "resource", { restApiId, parentId: props.parentResourceId, pathPart: props.signal }),
    );
    const method = track(
      new ApiGatewayMethod(this, "method", {
        restApiId,
        resourceId: resource.id,
        httpMethod: "POST",
        authorization: "NONE",
        apiKeyRequired: true,
        requestParameters: { "method.request.header.Content-Type": false },
      }),
    );
    track(
      new ApiGatewayIntegration(this, "integration", {
        restApiId,
        resourceId: resource.id,
        httpMethod: method.httpMethod,
        type: "AWS",
        integrationHttpMethod: "POST",
        // arn:aws:apigateway:<region>:<service>:path/<path> (aws-behaviour.md, "AWS service integrations" [doc]/[code]).
        uri: `arn:aws:apigateway:${props.region}:${SIGNAL_ENDPOINTS[props.signal].service}:path${signalPath(props.signal)}`,
        credentials: props.credentialsRoleArn,
        // No request templates: WHEN_NO_MATCH passes the body through unchanged [doc]. Request content handling stays
        // unset, so bodies of a binary media type pass byte for byte and JSON stays text [doc, recorded].
        passthroughBehavior: "WHEN_NO_MATCH",
        requestParameters: integrationRequestHeaders(props.staticHeaders),
      }),
    );

    for (const mapping of STATUS_MAPPINGS) {
      const headers = mapping.passedHeaders;
      const methodResponse = track(
        new ApiGatewayMethodResponse(this, `method-response-${mapping.statusCode}`, {
          restApiId,
          resourceId: resource.id,
          httpMethod: method.httpMethod,
          statusCode: mapping.statusCode,
          responseParameters: headers.length ? Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, false])) : undefined,
        }),
      );
      track(
        new ApiGatewayIntegrationResponse(this, `integration-response-${mapping.statusCode}`, {
          restApiId,
          resourceId: resource.id,
          httpMethod: method.httpMethod,
          statusCode: methodResponse.statusCode,
          selectionPattern: mapping.selectionPattern,
          // CONVERT_TO_TEXT never base64-decodes, so no client Accept value can turn CloudWatch's JSON answer into a
          // 500; unset handling would decode a text body whenever Accept matches a binary media type [recorded].
          contentHandling: "CONVERT_TO_TEXT",
          responseParameters: headers.length
            ? Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, `integration.response.header.${h}`]))
            : undefined,
        }),
      );
    }
  }
}

/**
 * The headers CloudWatch receives besides API Gateway's own signature headers: the client's Content-Type (JSON or
 * protobuf), and static values. A non-proxy integration forwards only mapped headers [code]; Content-Encoding is
 * never mapped, since API Gateway has already decompressed the body [doc/infer]; Accept is left to API Gateway's
 * `application/json`, so CloudWatch answers in JSON, which stays text through the response conversion.
 */
export function integrationRequestHeaders(staticHeaders: Readonly<Record<string, string>>): Record<string, string> {
  return {
    "integration.request.header.Content-Type": "method.request.header.Content-Type",
    ...Object.fromEntries(
      // Static values are single-quoted in request parameters [doc].
      Object.entries(staticHeaders).map(([name, value]) => [`integration.request.header.${name}`, `'${value}'`]),
    ),
  };
}
