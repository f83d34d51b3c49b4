import { readFileSync } from "fs";
import { join, resolve } from "path";

/** The committed module every region stack calls (`npm run module` regenerates it from src/infra/module/). */
export const MODULE_DIR = resolve(__dirname, "..", "..", "..", "modules", "otlp-proxy");

/** One output of the module, as its outputs file declares it. */
export interface ModuleOutput {
  readonly name: string;
  readonly description: string;
  readonly sensitive?: boolean;
}

let outputs: readonly ModuleOutput[] | undefined;

/** The module's outputs, read from its committed `outputs.tf.json`, in declaration order. */
export function moduleOutputs(): readonly ModuleOutput[] {
  if (!outputs) {
    const file = JSON.parse(readFileSync(join(MODULE_DIR, "outputs.tf.json"), "utf8")) as { output: Record<string, { description: string; sensitive?: boolean }> };
    outputs = Object.entries(file.output).map(([name, output]) => ({ name, description: output.description, sensitive: output.sensitive }));
  }
  return outputs;
}
