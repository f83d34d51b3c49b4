import { readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import { PROJECT_ROOT } from "../support/project";

// The product (src/infra/) never imports a tool (src/tools/): tools learn about the product from what it writes.
const INFRA = join(PROJECT_ROOT, "src", "infra");
const TOOLS = join(PROJECT_ROOT, "src", "tools");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("the product's imports", () => {
  const files = sourceFiles(INFRA);

  test("cover the whole product", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  test.each(files.map((file) => [relative(PROJECT_ROOT, file), file]))("%s imports nothing from src/tools", (_name, file) => {
    const specifiers = [...readFileSync(file, "utf8").matchAll(/(?:from|import|require)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
    const intoTools = specifiers.filter((specifier) => resolve(dirname(file), specifier).startsWith(TOOLS));
    expect(intoTools).toEqual([]);
  });
});
