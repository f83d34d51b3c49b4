import { ApiGatewayBasePathMapping, ApiGatewayDomainName, Route53Record } from "../cdktf/aws";
import { Construct } from "../cdktf";
import { SerialApiChanges } from "./serial-api-changes";

/** TLS 1.2 at least; API Gateway's `TLS_1_0` policy would also accept TLS 1.0 and 1.1 clients. */
export const DOMAIN_SECURITY_POLICY = "TLS_1_2";

export interface CustomDomainProps {
  readonly restApiId: string;
  /** The stage the domain serves. */
  readonly stageName: string;
  /** A fully qualified host name, e.g. `otlp.example.com`. */
  readonly domainName: string;
  /** An ACM certificate covering the domain, in the stack's region (regional endpoints need a regional certificate). */
  readonly certificateArn: string;
  /** A path segment under the domain that maps to the stage. @default the domain's root */
  readonly basePath?: string;
  /** A public Route 53 hosted zone to create an alias A record in. @default no record; point DNS at `regionalDomainName` */
  readonly hostedZoneId?: string;
  /** The API's change chain: the domain and mapping join it. */
  readonly changes: SerialApiChanges;
}

/**
 * A regional custom domain for the stage: the domain name with its certificate and TLS 1.2 policy, a base path mapping
 * to the stage and, given a hosted zone, an alias record pointing the name at the regional endpoint.
 */
export class CustomDomain extends Construct {
  readonly domain: ApiGatewayDomainName;
  readonly mapping: ApiGatewayBasePathMapping;
  readonly record?: Route53Record;
  /** `https://<domain>[/<basePath>]`, the base endpoint for tools. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: CustomDomainProps) {
    super(scope, id);
    this.domain = props.changes.add(
      new ApiGatewayDomainName(this, "domain", {
        domainName: props.domainName,
        regionalCertificateArn: props.certificateArn,
        endpointConfiguration: { types: ["REGIONAL"] },
        securityPolicy: DOMAIN_SECURITY_POLICY,
      }),
    );
    this.mapping = props.changes.add(
      new ApiGatewayBasePathMapping(this, "mapping", {
        apiId: props.restApiId,
        stageName: props.stageName,
        domainName: this.domain.domainName,
        basePath: props.basePath,
      }),
    );
    if (props.hostedZoneId) {
      this.record = new Route53Record(this, "alias", {
        zoneId: props.hostedZoneId,
        name: this.domain.domainName,
        type: "A",
        alias: { name: this.domain.regionalDomainName, zoneId: this.domain.regionalZoneId, evaluateTargetHealth: false },
      });
    }
    this.url = `https://${props.domainName}${props.basePath ? `/${props.basePath}` : ""}`;
  }
}
