import { join, resolve } from "path";

/** The repository root, whatever folder the tests run from. */
export const PROJECT_ROOT = resolve(__dirname, "..", "..");

/** The captured OTLP requests shared beside the repository (`../shared/fixtures/otlp-captures`). */
export const OTLP_CAPTURES_DIR = join(PROJECT_ROOT, "..", "shared", "fixtures", "otlp-captures");
