import { randomUUID } from "crypto";
import { createServer, IncomingMessage, Server, ServerResponse } from "http";
import { AddressInfo } from "net";
import { performance } from "perf_hooks";
import { gzipSync } from "zlib";
import { checkAgainstStack, keyAsStackKey, policyAllows } from "./access-control";
import { formatAccessLog } from "./access-log";
import { ApiKey, ApiKeyStore, keyLabel, makeApiKey, parseApiKey } from "./api-keys";
import { decodeContentEncoding, MAX_PAYLOAD_BYTES } from "./content-encoding";
import { GatewayAnswer, GatewayResponseType, renderGatewayResponse } from "./local-gateway-responses";
import { headerValue, mapIntegrationRequest } from "./map-integration-request";
import { mapResponseHeaders, selectIntegrationResponse } from "./integration-response";
import { parseAwsIntegrationUri } from "./integration-uri";
import { loadStack } from "./load-stack";
import { LocalGatewayError } from "./local-gateway-error";
import { convertRequestBody, convertResponseBody } from "./payload-conversion";
import { buildGatewayModel, GatewayModel, matchRoute, RouteSpec } from "./route-table";
import { CredentialsSource, IntegrationSigner } from "./sigv4-signer";
import { formatSinkLine, OtlpSink } from "./sink";
import { TerraformJson } from "./terraform-refs";
import { UpstreamClient, UpstreamResponse, UpstreamResult } from "./upstream";

/** How to start a local gateway. Give one of `stack`, `stackFile` or `stackName`. */
export interface LocalGatewayOptions {
  /** A stack document as the plan reader writes it (load-stack.ts; tests edit one in memory). */
  readonly stack?: TerraformJson;
  /** A `cdk.tf.json` file: its folder is planned with Terraform. */
  readonly stackFile?: string;
  /** A stack under `cdktf.out/stacks/`, synthesized first if missing, planned with Terraform. */
  readonly stackName?: string;
  /** @default the repository root */
  readonly repoRoot?: string;
  /** Terraform's environment for planning the stack. @default process.env */
  readonly terraformEnv?: NodeJS.ProcessEnv;
  /** Where stack plans are cached. @default terraform-plan.ts DEFAULT_PLAN_CACHE_DIR */
  readonly planCacheDir?: string;
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** 0 picks a free port. @default 4318 */
  readonly port?: number;
  /** A key store, or keys as `VALUE`, `name=VALUE` or {@link ApiKey}. @default one generated key */
  readonly apiKeys?: ApiKeyStore | ReadonlyArray<string | ApiKey>;
  /** Send integration requests to this base URL instead of `https://<service>.<region>.amazonaws.com`. */
  readonly upstream?: string;
  /** Write requests to this folder and answer like CloudWatch; no AWS at all. */
  readonly sink?: string;
  /** Signing credentials. @default the AWS SDK's default provider chain */
  readonly credentials?: CredentialsSource;
  /** Receives the access log and sink lines. @default console.log */
  readonly log?: (line: string) => void;
}

/** A running local gateway. */
export interface LocalGateway {
  /** `http://<host>:<port>`. */
  readonly url: string;
  /** The base endpoint to give tools: `http://<host>:<port>/<stage>` (clients append `/v1/<signal>`). */
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  readonly stage: string;
  readonly model: GatewayModel;
  readonly apiKeys: ApiKeyStore;
  /** Stops listening, drops open connections, resolves when closed. */
  close(): Promise<void>;
}

/**
 * Starts a local gateway serving what the stack's Terraform would deploy. Resolves once listening; rejects with a
 * {@link LocalGatewayError} for a missing or unusable stack or a port in use.
 */
export async function startLocalGateway(options: LocalGatewayOptions): Promise<LocalGateway> {
  const doc =
    options.stack ??
    loadStack({
      stackFile: options.stackFile,
      stackName: options.stackName,
      repoRoot: options.repoRoot,
      terraformEnv: options.terraformEnv,
      planCacheDir: options.planCacheDir,
    }).doc;
  const model = buildGatewayModel(doc);
  const apiKeys =
    options.apiKeys instanceof ApiKeyStore
      ? options.apiKeys
      : new ApiKeyStore((options.apiKeys ?? [makeApiKey(randomUUID().replace(/-/g, ""))]).map((k) => (typeof k === "string" ? parseApiKey(k) : k)));
  const handler = new RequestHandler(model, apiKeys, {
    upstream: options.upstream,
    sink: options.sink ? new OtlpSink(options.sink) : undefined,
    signer: options.sink ? undefined : new IntegrationSigner(options.credentials),
    log: options.log ?? ((line) => console.log(line)),
  });
  const server = createServer((req, res) => void handler.handle(req, res));
  const host = options.host ?? "127.0.0.1";
  await listen(server, host, options.port ?? 4318);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const stage = model.stageNames[0];
  return {
    url,
    endpoint: `${url}/${stage}`,
    host,
    port,
    stage,
    model,
    apiKeys,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        handler.close();
      }),
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      // A host that does not resolve or is not this machine's is the host's fault, not the port's.
      if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN" || error.code === "EADDRNOTAVAIL") {
        const reason = error.code === "EADDRNOTAVAIL" ? "is not an address of this machine" : "does not resolve";
        reject(new LocalGatewayError(`Host ${host} ${reason} (${error.code}); pick another with --host, such as 127.0.0.1`));
        return;
      }
      const reason = error.code === "EADDRINUSE" ? "is already in use" : `cannot be used (${error.code ?? error.message})`;
      reject(new LocalGatewayError(`Port ${port} on ${host} ${reason}; pick another with --port`));
    });
    server.listen(port, host, () => resolve());
  });
}

interface HandlerDeps {
  readonly upstream?: string;
  readonly sink?: OtlpSink;
  readonly signer?: IntegrationSigner;
  readonly log: (line: string) => void;
}

/** What happened to one request, for the access log. */
interface Outcome {
  readonly answer: GatewayAnswer;
  readonly key?: ApiKey;
  readonly upstreamStatus?: number;
  readonly error?: string;
}

class RequestHandler {
  private readonly client = new UpstreamClient();

  constructor(
    private readonly model: GatewayModel,
    private readonly keys: ApiKeyStore,
    private readonly deps: HandlerDeps,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = randomUUID();
    const path = new URL(req.url ?? "/", "http://local").pathname;
    let outcome: Outcome;
    try {
      const body = await readBody(req, MAX_PAYLOAD_BYTES);
      outcome = await this.process(req, body, requestId);
    } catch (error) {
      outcome = { answer: this.gatewayResponse("API_CONFIGURATION_ERROR", req, requestId), error: `local gateway: ${(error as Error).message}` };
    }
    const { answer } = outcome;
    if (!res.headersSent) {
      res.writeHead(answer.status, { ...answer.headers, "content-length": String(answer.body.length), "x-amzn-requestid": requestId });
      res.end(answer.body);
    }
    this.deps.log(
      formatAccessLog({
        time: new Date(),
        method: req.method ?? "-",
        path,
        key: keyLabel(outcome.key),
        status: answer.status,
        ...(this.deps.sink ? { sink: true, sinkStatus: outcome.upstreamStatus } : { upstreamStatus: outcome.upstreamStatus }),
        latencyMs: performance.now() - started,
        error: outcome.error,
      }),
    );
  }

  close(): void {
    this.client.close();
  }

  private async process(req: IncomingMessage, body: Buffer | undefined, requestId: string): Promise<Outcome> {
    const gateway = (type: GatewayResponseType, stage?: string, key?: ApiKey, error?: string): Outcome => ({
      answer: this.gatewayResponse(type, req, requestId, stage),
      key,
      error: error ?? type,
    });
    // Oversized bodies are refused before anything else: the limit is the front door's (docs/aws-facts.md, "Limits" [doc]).
    if (body === undefined) return gateway("REQUEST_TOO_LARGE");
    const url = new URL(req.url ?? "/", "http://local");
    const match = matchRoute(this.model, req.method ?? "", url.pathname);
    // Unknown paths and methods are MISSING_AUTHENTICATION_TOKEN (docs/aws-facts.md, "Gateway responses" [doc]).
    if (!match.route) return gateway("MISSING_AUTHENTICATION_TOKEN");
    const { route, stage } = match;
    // The resource policy comes before the API key (apigateway-authorization-flow.html); a denied source is ACCESS_DENIED.
    const sourceIp = req.socket.remoteAddress ?? "";
    if (!policyAllows(this.model.access, sourceIp)) return gateway("ACCESS_DENIED", stage, undefined, `ACCESS_DENIED (resource policy denies source ${sourceIp})`);
    let key: ApiKey | undefined;
    if (route.apiKeyRequired) {
      // Header name matched case-insensitively; missing, unknown and disabled keys all get INVALID_API_KEY 403
      // (docs/aws-facts.md, "API keys" [doc]/[recorded]).
      const check = this.keys.check(headerValue(req.headers, "x-api-key"));
      if (!check.ok) return gateway("INVALID_API_KEY", stage, check.key, `INVALID_API_KEY (${check.reason} key)`);
      // A key named after a team follows that team's synthesized key: disabled or outside the stage's plans is 403.
      const inStack = checkAgainstStack(this.model.access, check.key, stage);
      if (!inStack.ok) return gateway("INVALID_API_KEY", stage, check.key, `INVALID_API_KEY (${inStack.reason})`);
      key = keyAsStackKey(check.key, inStack);
    }
    const decoded = decodeContentEncoding(body, headerValue(req.headers, "content-encoding"));
    if (!decoded.ok) {
      if (decoded.error === "too-large") return gateway("REQUEST_TOO_LARGE", stage, key, `REQUEST_TOO_LARGE (after ${decoded.coding} decompression)`);
      return gateway("UNSUPPORTED_MEDIA_TYPE", stage, key, `UNSUPPORTED_MEDIA_TYPE (${decoded.error}: ${decoded.coding})`);
    }
    return this.integrate(req, route, stage, key, decoded.body, requestId, url.searchParams);
  }

  private async integrate(
    req: IncomingMessage,
    route: RouteSpec,
    stage: string,
    key: ApiKey | undefined,
    body: Buffer,
    requestId: string,
    query: URLSearchParams,
  ): Promise<Outcome> {
    const fail = (error: string): Outcome => ({ answer: this.gatewayResponse("API_CONFIGURATION_ERROR", req, requestId, stage), key, error });
    const integration = route.integration;
    if (!integration) return fail(`${route.httpMethod} ${route.path} has no integration`);
    const target = integration.type === "AWS" ? parseAwsIntegrationUri(integration.uri) : undefined;
    if (!target) return fail(`integration ${integration.type} ${integration.uri} is not emulated (only AWS integrations in path form)`);

    const mapped = mapIntegrationRequest(integration.requestParameters, { headers: req.headers, query, stage, requestId, apiKey: key }, this.model.apiId);
    const converted = convertRequestBody(body, headerValue(req.headers, "content-type"), this.model.binaryMediaTypes, integration.contentHandling);
    if (!converted.ok) return fail(`request body: ${converted.error}`);

    let result: UpstreamResult;
    let sinkLine: string | undefined;
    if (this.deps.sink) {
      const received = this.deps.sink.receive(target.path, mapped.headers["content-type"], converted.body, mapped.headers["x-aws-log-stream"]);
      result = { ok: true, response: received.response };
      sinkLine = received.summary && received.file ? formatSinkLine(received.summary, received.file) : `sink refused: ${received.error}`;
    } else {
      try {
        const signedHeaders = await this.deps.signer!.sign({
          method: integration.httpMethod,
          host: target.host,
          path: target.path,
          query: mapped.query,
          headers: mapped.headers,
          body: converted.body,
          service: target.service,
          region: target.region,
        });
        const search = new URLSearchParams(mapped.query).toString();
        const base = this.deps.upstream ? this.deps.upstream.replace(/\/+$/, "") : `https://${target.host}`;
        result = await this.client.send({
          url: new URL(`${base}${target.path}${search ? `?${search}` : ""}`),
          method: integration.httpMethod,
          headers: signedHeaders,
          body: converted.body,
          timeoutMs: integration.timeoutMs,
        });
      } catch (error) {
        return fail(`cannot sign the integration request: ${(error as Error).message}`);
      }
    }
    if (sinkLine) this.deps.log(sinkLine);
    if (!result.ok) {
      // A timeout is INTEGRATION_TIMEOUT (docs/aws-facts.md, "Limits" [doc]); an unreachable endpoint is the 500 of an
      // invalid endpoint, API_CONFIGURATION_ERROR (supported-gateway-response-types).
      if (result.error === "timeout") return { answer: this.gatewayResponse("INTEGRATION_TIMEOUT", req, requestId, stage), key, error: `INTEGRATION_TIMEOUT (${result.message})` };
      return fail(`upstream connection failed: ${result.message}`);
    }
    return this.respond(req, route, stage, key, result.response, requestId);
  }

  private respond(req: IncomingMessage, route: RouteSpec, stage: string, key: ApiKey | undefined, upstream: UpstreamResponse, requestId: string): Outcome {
    const upstreamStatus = upstream.status;
    const fail = (error: string): Outcome => ({ answer: this.gatewayResponse("API_CONFIGURATION_ERROR", req, requestId, stage), key, upstreamStatus, error });
    const selected = selectIntegrationResponse(route.integrationResponses, upstream.status);
    if (!selected) return fail(`no integration response matches status ${upstream.status}`);
    const contentType = firstValue(upstream.headers["content-type"]);
    const converted = convertResponseBody(upstream.body, contentType, headerValue(req.headers, "accept"), this.model.binaryMediaTypes, selected.contentHandling);
    if (!converted.ok) return fail(`response body: ${converted.error}`);
    const mapped = mapResponseHeaders(selected.responseParameters, upstream.headers);
    const headers: Record<string, string> = { "content-type": "application/json", ...lowercaseKeys(mapped) };
    let responseBody = converted.body;
    const minimum = this.model.minimumCompressionSize;
    // Responses at least minimum_compression_size long are gzip-compressed for clients that accept gzip
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-enable-compression.html).
    if (minimum !== undefined && responseBody.length >= minimum && /\bgzip\b/i.test(headerValue(req.headers, "accept-encoding") ?? "")) {
      responseBody = gzipSync(responseBody);
      headers["content-encoding"] = "gzip";
    }
    return { answer: { status: Number(selected.statusCode), headers, body: responseBody }, key, upstreamStatus };
  }

  private gatewayResponse(type: GatewayResponseType, req: IncomingMessage, requestId: string, stage?: string): GatewayAnswer {
    return renderGatewayResponse(type, this.model.gatewayResponses, { requestHeaders: req.headers, requestId, stage });
  }
}

/** Reads the whole body (chunked or not); undefined once it passes `limit`, after draining the rest. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function lowercaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
