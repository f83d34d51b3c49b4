import { readFileSync } from "fs";
import { join } from "path";
import { UNREAD_VARIABLES } from "../../src/infra/clients";
import { PROJECT_ROOT } from "../support/project";

// The variables the checked releases of the AI tools do not read (src/infra/clients) appear in no guide.
describe("the guides to connecting the tools", () => {
  const guides = ["README.md", "docs/connecting-tools.md"].map((file) => readFileSync(join(PROJECT_ROOT, file), "utf8"));

  test.each(UNREAD_VARIABLES)("never mention %s, which the checked releases do not read", (variable) => {
    for (const guide of guides) expect(guide).not.toContain(variable);
  });
});
