import { readFileSync } from "fs";
import { join } from "path";
import { MODULE_FILE_NAMES, moduleFiles } from "../../src/infra/module/write-module";
import { MODULE_DIR } from "../../src/infra/module/module-dir";

// modules/otlp-proxy is the one definition of the proxy, committed; it must be exactly what the generator writes.
describe("the committed module", () => {
  const generated = moduleFiles();

  test.each([...MODULE_FILE_NAMES])("regenerates %s byte for byte", (name) => {
    const committed = readFileSync(join(MODULE_DIR, name), "utf8");
    if (committed !== generated[name]) {
      throw new Error(`modules/otlp-proxy/${name} differs from what src/infra/module generates: run npm run module and commit the result.`);
    }
  });
});
