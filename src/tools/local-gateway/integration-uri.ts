/** Where an `AWS` integration sends its request: parsed from `arn:aws:apigateway:<region>:<service>:path/<path>`. */
export interface AwsServiceTarget {
  readonly region: string;
  /** The service's endpoint prefix, also its SigV4 signing name here (`monitoring`, `xray`, `logs`). */
  readonly service: string;
  /** The request path, with its leading slash (`/v1/metrics`). */
  readonly path: string;
  /** The host AWS would call: `<service>.<region>.amazonaws.com`. */
  readonly host: string;
}

/**
 * Parses an AWS service integration URI in path form (docs/aws-facts.md, "AWS service integrations" [doc]/[code]).
 * The `action/` form and subdomain forms are not emulated and give undefined.
 */
export function parseAwsIntegrationUri(uri: string): AwsServiceTarget | undefined {
  const match = /^arn:aws[a-z-]*:apigateway:([a-z0-9-]+):([a-z0-9-]+):path\/(.*)$/.exec(uri);
  if (!match) return undefined;
  const [, region, service, path] = match;
  return { region, service, path: `/${path.replace(/^\/+/, "")}`, host: `${service}.${region}.amazonaws.com` };
}
