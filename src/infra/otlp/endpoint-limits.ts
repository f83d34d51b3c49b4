import { Signal } from "./signals";

/** What one OTLP endpoint accepts per request and per second. */
export interface EndpointLimits {
  /** Largest request body after decompression, in bytes. */
  readonly maxUncompressedBytes: number;
  /** Most items (data points, spans, log records) in one request; undefined where AWS names none. */
  readonly maxItemsPerRequest?: number;
  /** Requests per second per account and region; beyond it CloudWatch answers 429. Undefined where AWS names none. */
  readonly requestsPerSecond?: number;
}

const MB = 1_000_000;

/**
 * CloudWatch's documented OTLP endpoint limits. Source: docs/aws-facts.md, "OTLP endpoint limits". Logs take
 * 1,048,576 bytes per request (20 MB in the nine regions of LARGE_LOG_REQUEST_REGIONS).
 */
export const ENDPOINT_LIMITS: Readonly<Record<Signal, EndpointLimits>> = {
  metrics: { maxUncompressedBytes: 1 * MB, maxItemsPerRequest: 1_000, requestsPerSecond: 500 },
  traces: { maxUncompressedBytes: 5 * MB, maxItemsPerRequest: 10_000 },
  logs: { maxUncompressedBytes: 1_048_576, requestsPerSecond: 5_000 },
};

/** Regions where the logs endpoint takes up to 20 MB per request. Source: docs/aws-facts.md, "OTLP endpoint limits". */
export const LARGE_LOG_REQUEST_REGIONS: readonly string[] = [
  "us-east-1",
  "us-west-2",
  "eu-central-1",
  "ap-southeast-2",
  "ap-south-1",
  "us-east-2",
  "eu-west-1",
  "ap-northeast-1",
  "ap-southeast-1",
];
