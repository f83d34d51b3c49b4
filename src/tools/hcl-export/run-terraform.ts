import { spawnSync } from "child_process";
import { HclExportError } from "./hcl-export-error";

/** Where a Terraform run writes its standard output: kept in memory, or into an open file. */
export type TerraformStdout = "capture" | number;

/**
 * Runs `terraform <args>` in `dir` with the given environment (pass `process.env` through, so a `TF_CLI_CONFIG_FILE`
 * with a provider mirror applies) and returns its standard output; fails with Terraform's first error line.
 */
export function runTerraform(dir: string, args: readonly string[], env: NodeJS.ProcessEnv, stdout: TerraformStdout = "capture"): string {
  const run = spawnSync("terraform", [...args, "-no-color"], {
    cwd: dir,
    env: { ...env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" },
    encoding: "utf8",
    stdio: ["ignore", stdout === "capture" ? "pipe" : stdout, "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new HclExportError(`cannot run terraform (${run.error.message}); install Terraform and put it on PATH`);
  if (run.status !== 0) {
    const output = `${run.stdout ?? ""}\n${run.stderr ?? ""}`;
    const reason = output.match(/Error: (.*)/)?.[1] ?? output.trim().split("\n").pop() ?? `exit code ${run.status}`;
    throw new HclExportError(`terraform ${args.join(" ")} failed in ${dir}: ${reason.trim()}`);
  }
  return run.stdout ?? "";
}
