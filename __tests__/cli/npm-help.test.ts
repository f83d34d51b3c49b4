import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";
import { PROJECT_ROOT } from "../support/project";

test("npm run help prints the help file as it is", () => {
  const result = spawnSync("npm", ["run", "--silent", "help"], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 60_000 });
  expect(result.status).toBe(0);
  expect(result.stdout).toBe(readFileSync(join(PROJECT_ROOT, "help"), "utf8"));
});

test.each(Object.keys(JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).scripts))("the help file describes npm run %s", (script) => {
  expect(readFileSync(join(PROJECT_ROOT, "help"), "utf8")).toMatch(new RegExp(`npm (run )?${script}\\b`));
});
