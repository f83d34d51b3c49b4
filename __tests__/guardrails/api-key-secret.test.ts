import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { MODULE_DIR } from "../../src/infra/module/module-dir";
import { synthesizeApp } from "../support/synth";

// The API key's secret value is `context.identity.apiKey`; its id, `context.identity.apiKeyId`, is what per-team log
// streams map (docs/aws-facts.md, "Context variables as request parameters"). The secret is never mapped or logged
// anywhere: not in the module, not in any region stack. That the key's id is mapped is checked on the module's plan
// and on the deployed API (the moto deploy).
const SECRET = /context\.identity\.apiKey(?!Id)/;

describe("the API key's secret value", () => {
  test("is never named in any file of the module", () => {
    const files = readdirSync(MODULE_DIR, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect({ file: file.name, named: SECRET.test(readFileSync(join(file.parentPath, file.name), "utf8")) }).toEqual({ file: file.name, named: false });
  });

  test("is never named in a region stack, whatever the log streams mode", () => {
    for (const logStreams of ["per-team", "shared"]) {
      for (const stack of synthesizeApp({ regions: ["us-west-2"], logStreams, teams: [{ name: "a" }, { name: "b" }] })) {
        expect(JSON.stringify(stack.json)).not.toMatch(SECRET);
      }
    }
  });

  test("the guard tells the id from the secret", () => {
    expect("context.identity.apiKeyId").not.toMatch(SECRET);
    expect('"context.identity.apiKey"').toMatch(SECRET);
    expect("$context.identity.apiKey,").toMatch(SECRET);
  });
});
