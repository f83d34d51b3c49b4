import { isAbsolute, join, relative } from "path";

type Json = Record<string, any>;

/**
 * A stack configuration whose relative `local` backend path is rewritten for another stack folder, so Terraform run
 * from `toDir` reads and writes the same state file as from `fromDir` (the `local` backend resolves its path from the
 * working directory). Without it, `dist/hcl/stacks/<stack>` (one folder deeper than `cdktf.out/stacks/<stack>`) would
 * start from an empty state and plan to create every resource again. Other backends are returned unchanged.
 */
export function rebaseLocalBackend(config: Json, fromDir: string, toDir: string): Json {
  const path = config.terraform?.backend?.local?.path;
  if (typeof path !== "string" || isAbsolute(path)) return config;
  const rebased = relative(toDir, join(fromDir, path)).split("\\").join("/");
  return { ...config, terraform: { ...config.terraform, backend: { local: { ...config.terraform.backend.local, path: rebased } } } };
}
