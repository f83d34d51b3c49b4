import { Signal } from "../../infra/otlp/signals";

/** What a client saw when one route failed. */
export interface RouteFailure {
  readonly signal: Signal;
  /** The HTTP status of the last answer; absent when no answer arrived. */
  readonly status?: number;
  /** The response body, or the error message when no answer arrived. */
  readonly detail?: string;
  /** Node's error code when no answer arrived (`ECONNREFUSED`, `ENOTFOUND`, ...). */
  readonly errorCode?: string;
  /** The base URL the client was given; named in causes about the endpoint. */
  readonly endpoint: string;
}

/** One row of the troubleshooting table: a symptom a client can see, its likely cause and the fix. */
export interface TroubleshootingRow {
  /** The HTTP status the client receives, or `network` when no answer arrives. */
  readonly status: number | "network";
  /** The routes the row is about; every route when absent. */
  readonly signals?: readonly Signal[];
  /** Node error codes the row covers (network rows only). */
  readonly errorCodes?: readonly string[];
  /** Matched against the response body or error message; any body when absent. */
  readonly detailPattern?: RegExp;
  /** The symptom as a person reads it in the README. */
  readonly symptom: string;
  /** The likely cause; `{endpoint}` stands for the base URL the client was given. */
  readonly cause: string;
  /** What to do about it. */
  readonly fix: string;
}

const ENDPOINT_FIX =
  "Use the stack's `otlp_endpoint` output, `https://<api-id>.execute-api.<region>.amazonaws.com/<stage>`, as the base URL, without `/v1/<signal>`; check the route is enabled for this region (the `signals` setting), or leave it out of the smoke test with `--signals`.";

/**
 * Failures a client can see through the proxy, most specific first; the first row that matches a failure explains it.
 * Statuses and messages come from docs/aws-facts.md: the proxy's gateway responses and status mapping, the
 * Transaction Search and log-group errors, API keys and limits. The README's troubleshooting table is rendered from
 * these rows (troubleshooting-markdown.ts).
 */
export const TROUBLESHOOTING: readonly TroubleshootingRow[] = [
  {
    status: 200,
    detailPattern: /"rejected(LogRecords|Spans|DataPoints)"\s*:\s*"?[1-9]/,
    symptom: "200 with `partialSuccess` and a rejected count (`http/json`), or a 200 whose body is base64 text (`http/protobuf`)",
    cause:
      "CloudWatch accepted the request but rejected some items, e.g. log records too old, too far in the future or too large. It answers a protobuf request in protobuf, which the proxy passes on base64-encoded as `application/json` text: protobuf exporters cannot read it (the JavaScript ones log that they could not deserialize the response) and report success.",
    fix: "With `http/json`, read `partialSuccess.errorMessage` in the answer. With `http/protobuf`, base64-decode the body and read it as the signal's `Export*ServiceResponse` (`npm run smoke` does this and prints the decoded answer). Send current timestamps and items within CloudWatch's limits.",
  },
  {
    status: 403,
    detailPattern: /not authorized|AccessDenied/i,
    symptom: "403 `... is not authorized to perform ...` (from CloudWatch)",
    cause: "CloudWatch refused the proxy's integration role: its policy lacks the signal's action or resource (for logs, `logs:PutLogEvents` on this log group).",
    fix: "Re-apply the stack so the role's policy matches the routes and the log group name; a hand-edited role or log group name is the usual culprit.",
  },
  {
    status: 403,
    detailPattern: /Missing Authentication Token/i,
    symptom: "403 `Missing Authentication Token`",
    cause: "API Gateway's default answer for an unknown path. This proxy answers unknown paths with 404, so the request reached another API, a stage deployed before this proxy's gateway responses, or a custom domain path with no base path mapping.",
    fix: ENDPOINT_FIX,
  },
  {
    status: 403,
    symptom: "403 `Forbidden` / `missing, unknown or disabled API key`",
    cause: "API Gateway rejected the API key: missing, wrong, disabled, or not in a usage plan bound to this stage. New or changed keys take a while to propagate.",
    fix: "Send the key in the `x-api-key` header (`OTEL_EXPORTER_OTLP_HEADERS=x-api-key=<key>`); read it with the team's command in the stack's `get_api_key_commands` output; check the key is enabled and its usage plan lists this API and stage; after creating or changing a key, wait a minute and retry.",
  },
  {
    status: 404,
    symptom: "404 `Not found: this OTLP proxy serves only ...`",
    cause: "No such route: a wrong base URL or stage, or a route not enabled for this region.",
    fix: ENDPOINT_FIX,
  },
  {
    status: 400,
    signals: ["traces"],
    detailPattern: /Trace Segment Destination|Transaction Search/i,
    symptom: "400 on traces `The OTLP API is supported with CloudWatch Logs as a Trace Segment Destination`",
    cause: "X-Ray Transaction Search is not enabled in this account and region, so CloudWatch does not accept OTLP spans.",
    fix: "Check with `aws xray get-trace-segment-destination --region <region>` (it must say `\"Destination\": \"CloudWatchLogs\"`). Enable it with the `transactionSearch` setting (`\"enabled\": true`), or once per account and region: `aws xray update-trace-segment-destination --destination CloudWatchLogs --region <region>`, with a CloudWatch Logs resource policy letting `xray.amazonaws.com` write to `aws/spans` (it changes X-Ray billing); or leave traces out of the smoke test with `--signals`.",
  },
  {
    status: 400,
    signals: ["logs"],
    detailPattern: /log group does not exist/i,
    symptom: "400 on logs `The specified log group does not exist`",
    cause: "The OTLP log group the route writes to (default `otlp-logs`) is missing: deleted outside Terraform, or another name was configured.",
    fix: "Re-apply the stack to recreate it, or check the `logGroupName` setting.",
  },
  {
    status: 400,
    signals: ["logs"],
    detailPattern: /log stream does not exist/i,
    symptom: "400 on logs `The specified log stream does not exist`",
    cause:
      "The log stream the route writes to is missing: the calling team's stream (named by its API key id, with `logStreams: \"per-team\"`, the default) or the shared `logStreamName` (default `otlp`) with `\"shared\"`.",
    fix: "Re-apply the stack to recreate it (`terraform output -json log_stream_names` lists the team streams), or check `logStreams` and `logStreamName`.",
  },
  {
    status: 400,
    symptom: "400 with another message",
    cause: "CloudWatch rejected the body: over its per-request limits (metrics 1 MB uncompressed and 1,000 data points, traces 5 MB and 10,000 spans of at most 200 KB, logs 1 MiB after decompression), or sent a 4xx that the proxy maps to 400 (e.g. 411 for a chunked body). A protobuf body reaching CloudWatch corrupted means `application/x-protobuf` is missing from the API's binary media types.",
    fix: "Read the message; export smaller batches ([Connecting each tool](connecting-tools.md) gives each tool's batch settings); retry with `--protocol http/json` to tell an encoding problem from a content problem; re-apply the stack if the binary media types were changed.",
  },
  {
    status: 401,
    symptom: "401",
    cause: "CloudWatch could not authenticate API Gateway's signed request: the integration role's credentials were rejected.",
    fix: "Re-apply the stack; check the integration role still exists and that the integration URIs name this region.",
  },
  {
    status: 413,
    symptom: "413 `Request body too large`",
    cause: "The batch is over API Gateway's 10 MB limit or CloudWatch's own per-request limit (traces 5 MB, logs about 1 MiB).",
    fix: "Export smaller batches (`OTEL_BSP_MAX_EXPORT_BATCH_SIZE`, `OTEL_BLRP_MAX_EXPORT_BATCH_SIZE`), or compress with gzip.",
  },
  {
    status: 415,
    symptom: "415 `Unsupported Content-Encoding` / unsupported media type",
    cause: "A compression API Gateway cannot decode (only gzip and deflate), a broken gzip body, or a Content-Type that is neither `application/json` nor `application/x-protobuf`.",
    fix: "Set `OTEL_EXPORTER_OTLP_COMPRESSION` to `gzip` or `none`, and `OTEL_EXPORTER_OTLP_PROTOCOL` to `http/protobuf` or `http/json`.",
  },
  {
    status: 429,
    detailPattern: /quota/i,
    symptom: "429 `Quota exceeded`",
    cause: "The API key has used its usage plan's request quota for the current period.",
    fix: "Raise the usage plan's quota or wait for the next period.",
  },
  {
    status: 429,
    signals: ["metrics"],
    detailPattern: /too many requests|throttl|rate exceeded/i,
    symptom: "429 `Too many requests` on metrics",
    cause:
      "Over the metrics route's stage throttle (`metricsThrottle`, 500 requests per second for all teams together by default) or CloudWatch's OTLP metrics limit of 500 requests per second per account and region, which the teams' usage plans can add up past.",
    fix: "Exporters retry 429; if it persists, export metrics less often (`OTEL_METRIC_EXPORT_INTERVAL`, 60 s or more), lower the teams' `rateLimit`, or spread teams over accounts.",
  },
  {
    status: 429,
    symptom: "429 `Too many requests`",
    cause: "Throttled: over the usage plan's rate or burst, the account's API Gateway limit, or CloudWatch's own rate.",
    fix: "OTLP exporters retry 429 and honour `Retry-After`; if it persists, raise the `throttle` setting or export larger batches less often.",
  },
  {
    status: 500,
    symptom: "500 `Internal server error`",
    cause: "API Gateway could not call CloudWatch: it cannot assume the integration role (deleted, or its trust policy carries an `aws:SourceAccount`/`aws:SourceArn` condition API Gateway never satisfies), or CloudWatch answered a status the proxy does not map.",
    fix: "Trust `apigateway.amazonaws.com` with no condition (re-apply the stack); read `$context.integrationErrorMessage` in the stage's access log.",
  },
  {
    status: 502,
    symptom: "502",
    cause: "CloudWatch answered with a bad gateway: a transient fault on its side.",
    fix: "Retry (OTLP exporters retry 502 on their own); if it persists, check the AWS Health Dashboard for CloudWatch in this region.",
  },
  {
    status: 503,
    symptom: "503",
    cause: "CloudWatch is unavailable or throttling (it answers 503 for both).",
    fix: "Retry with backoff (OTLP exporters retry 503 and honour `Retry-After`); if it persists, check the AWS Health Dashboard and CloudWatch's service quotas.",
  },
  {
    status: 504,
    symptom: "504 `CloudWatch did not answer in time`",
    cause: "CloudWatch did not answer within API Gateway's integration timeout (29 s).",
    fix: "Retry (OTLP exporters retry 504); send smaller batches.",
  },
  {
    status: "network",
    errorCodes: ["ECONNREFUSED"],
    symptom: "connection refused",
    cause: "Nothing is listening at {endpoint}: a wrong host or port, or the local gateway is not running.",
    fix: "Check `--endpoint` (the stack's `otlp_endpoint` output); for a local gateway, start it with `npm run local` first.",
  },
  {
    status: "network",
    errorCodes: ["ENOTFOUND", "EAI_AGAIN"],
    symptom: "DNS lookup failed (`ENOTFOUND`, `EAI_AGAIN`)",
    cause: "The host of {endpoint} does not resolve: a typo in the API id or region, a deleted API, or no DNS.",
    fix: "Copy the base URL from the stack's `otlp_endpoint` output.",
  },
  {
    status: "network",
    errorCodes: ["ETIMEDOUT", "ECONNRESET", "ENETUNREACH", "EHOSTUNREACH", "EPIPE"],
    detailPattern: /timed out/i,
    symptom: "timeout, connection reset, network unreachable",
    cause: "No answer from {endpoint}: a firewall or a proxy in between, or a private API endpoint reached from outside its VPC.",
    fix: "Check the network path to the host; OTLP exporters do not use `HTTPS_PROXY`.",
  },
  {
    status: "network",
    detailPattern: /certificate|SSL|TLS|EPROTO|wrong version number/i,
    symptom: "TLS error",
    cause: "The TLS handshake with {endpoint} failed: `https://` used for a plain-HTTP server (or the reverse), or an untrusted certificate.",
    fix: "Use `https://` for API Gateway and `http://` for the local gateway.",
  },
];

/** The row that explains a failure: the first matching row, or a generic one naming the status class. */
export function diagnose(failure: RouteFailure): { readonly cause: string; readonly fix: string } {
  const row = TROUBLESHOOTING.find((candidate) => matches(candidate, failure));
  if (row) return { cause: row.cause.replace(/\{endpoint\}/g, failure.endpoint), fix: row.fix };
  if (failure.status === undefined) {
    return {
      cause: `The request to ${failure.endpoint} failed before any answer arrived${failure.errorCode ? ` (${failure.errorCode})` : ""}.`,
      fix: "Check `--endpoint` and the network path to it.",
    };
  }
  return {
    cause: `An unexpected status ${failure.status} from the proxy.`,
    fix: "Read the answer's body; the stage's access log (`$context.integrationErrorMessage`) says more.",
  };
}

function matches(row: TroubleshootingRow, failure: RouteFailure): boolean {
  if (row.signals && !row.signals.includes(failure.signal)) return false;
  const detail = failure.detail ?? "";
  if (row.status === "network") {
    if (failure.status !== undefined) return false;
    const byCode = row.errorCodes !== undefined && failure.errorCode !== undefined && row.errorCodes.includes(failure.errorCode);
    const byDetail = row.detailPattern !== undefined && row.detailPattern.test(`${failure.errorCode ?? ""} ${detail}`);
    return byCode || byDetail;
  }
  if (row.status !== failure.status) return false;
  return row.detailPattern === undefined || row.detailPattern.test(detail);
}
