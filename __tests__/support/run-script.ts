import { spawnSync } from "child_process";
import { join } from "path";
import { PROJECT_ROOT } from "./project";

/** How a script of the project ended. */
export interface ScriptRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one of the project's TypeScript entry points as its npm script does (ts-node, transpile only) in a process of
 * its own: `script` is relative to the project (or absolute), `cwd` is where it runs, `env` adds to the environment.
 */
export function runScript(script: string, args: readonly string[] = [], { cwd = PROJECT_ROOT, env = {} }: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ScriptRun {
  const result = spawnSync(process.execPath, ["-r", join(PROJECT_ROOT, "node_modules", "ts-node", "register", "transpile-only"), join(PROJECT_ROOT, script), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, TS_NODE_PROJECT: join(PROJECT_ROOT, "tsconfig.json"), ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
