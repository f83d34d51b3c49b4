import { Hash } from "@smithy/hash-node";
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { SignatureV4 } from "@smithy/signature-v4";

/** Node's native SHA-256, as the AWS SDK for JavaScript itself signs with in Node (the pure-JS hash is far slower on 1 MB bodies). */
const SHA256 = Hash.bind(null, "sha256");

/** AWS credentials, as the SDK's providers return them. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Static credentials, or a provider such as the SDK's default chain. */
export type CredentialsSource = AwsCredentials | (() => Promise<AwsCredentials>);

/** A request to sign: what API Gateway sends to the AWS service. */
export interface RequestToSign {
  readonly method: string;
  /** The AWS host the signature is for (`<service>.<region>.amazonaws.com`), whatever address the bytes go to. */
  readonly host: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly service: string;
  readonly region: string;
}

/**
 * Signs integration requests with SigV4, as API Gateway does with its integration role's credentials
 * (docs/aws-facts.md, "AWS service integrations" [doc]). Locally the credentials come from the SDK's default chain
 * (environment, shared config and SSO, container and instance roles) unless given: the integration role is not assumed.
 */
export class IntegrationSigner {
  private readonly credentials: () => Promise<AwsCredentials>;
  private readonly signers = new Map<string, SignatureV4>();

  constructor(source?: CredentialsSource) {
    if (source === undefined) this.credentials = defaultProvider();
    else if (typeof source === "function") this.credentials = source;
    else this.credentials = async () => source;
  }

  /** The request's headers plus `Authorization`, `X-Amz-Date` and, for temporary credentials, `X-Amz-Security-Token`. */
  async sign(request: RequestToSign, signingDate: Date = new Date()): Promise<Record<string, string>> {
    const signed = await this.signerFor(request.service, request.region).sign(
      {
        method: request.method,
        protocol: "https:",
        hostname: request.host,
        path: request.path,
        query: { ...request.query },
        headers: { ...request.headers, host: request.host },
        body: request.body,
      },
      { signingDate },
    );
    return signed.headers as Record<string, string>;
  }

  private signerFor(service: string, region: string): SignatureV4 {
    const key = `${service}/${region}`;
    let signer = this.signers.get(key);
    if (!signer) {
      // No x-amz-content-sha256 header: only S3 requires it; the payload hash is part of the signature either way.
      signer = new SignatureV4({ service, region, sha256: SHA256, credentials: this.credentials, applyChecksum: false });
      this.signers.set(key, signer);
    }
    return signer;
  }
}
