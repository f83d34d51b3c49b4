/**
 * Variable names found in older write-ups that the checked releases do not read. No snippet may contain them.
 */
export const UNREAD_VARIABLES: readonly string[] = [
  "COPILOT_OTEL_ENDPOINT",
  "COPILOT_OTEL_HEADERS",
  "GEMINI_CLI_OTEL_EXPORT_ENDPOINT",
];
