import { resolve } from "path";

/** The committed module every region stack calls (`npm run module` regenerates it from src/infra/module/). */
export const MODULE_DIR = resolve(__dirname, "..", "..", "..", "modules", "otlp-proxy");
