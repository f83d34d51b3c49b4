import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { PROJECT_ROOT } from "../support/project";

test("npm run help prints the help file as it is", () => {
  const result = spawnSync("npm", ["run", "--silent", "help"], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 60_000 });
  expect(result.status).toBe(0);
  expect(result.stdout).toBe(readFileSync(join(PROJECT_ROOT, "help"), "utf8"));
});
