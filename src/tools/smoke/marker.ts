import { randomBytes } from "crypto";

/** Prefix of every smoke-test marker, so the events are easy to find and to tell from real telemetry. */
export const MARKER_PREFIX = "otlp-proxy-smoke";

/**
 * A marker unique to one run: `otlp-proxy-smoke-<epoch ms>-<6 hex digits>`. Lower-case letters, digits and hyphens
 * only, so it is one quoted term in a CloudWatch Logs filter pattern.
 */
export function newMarker(now: number = Date.now()): string {
  return `${MARKER_PREFIX}-${now}-${randomBytes(3).toString("hex")}`;
}
