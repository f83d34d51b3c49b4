import { join, resolve } from "path";

/** The repository root, whatever folder the tests run from. */
export const PROJECT_ROOT = resolve(__dirname, "..", "..");

/** Real clients' captured OTLP/HTTP requests, kept in the repository (`__tests__/fixtures/otlp-captures`, see its README). */
export const OTLP_CAPTURES_DIR = join(PROJECT_ROOT, "__tests__", "fixtures", "otlp-captures");
