import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { PROJECT_ROOT } from "../support/project";
import { FACT_SHEET, Finding, FindingKind, formatFinding, scanCitations } from "./citation-scan";

// Citations must point inside the repository: at files it has and, for the fact sheet, at sections it has.
// Names of files that do not exist are built from parts here, so this file does not cite them itself.
const md = (name: string) => `${name}.${"md"}`;
const up = "../";

const byKind = (findings: readonly Finding[], kind: FindingKind) => findings.filter((f) => f.kind === kind).map(formatFinding);

describe("citations in the repository", () => {
  const findings = scanCitations(PROJECT_ROOT);

  test("every cited Markdown file exists in the repository", () => {
    expect(byKind(findings, "missing-file")).toEqual([]);
  });

  test(`every section cited as ${FACT_SHEET}, "<name>" is a heading or a bold fact name there`, () => {
    expect(byKind(findings, "unknown-section")).toEqual([]);
  });

  test("nothing reads or cites a path outside the repository", () => {
    expect(byKind(findings, "outside-path")).toEqual([]);
  });
});

describe("the fact sheet", () => {
  const sheet = readFileSync(join(PROJECT_ROOT, FACT_SHEET), "utf8");

  test("labels every section that states facts", () => {
    const sections = sheet.split(/\n(?=#{2,3} )/).slice(1);
    const unlabelled = sections
      .filter((s) => !/^#{2,3} (Clients|Open questions)\b/.test(s))
      .filter((s) => !/\[(doc|code|recorded|infer|open)\]/.test(s))
      .map((s) => s.split("\n")[0]);
    expect(unlabelled).toEqual([]);
  });
});

// The scanner itself, on a small folder that is not a git work tree.
describe("the citation scanner", () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  const scan = () => scanCitations(root).map((f) => `${f.file}:${f.line}:${f.kind}:${f.cited}`);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "citations-"));
    write(FACT_SHEET, "# Facts\n\n## Binary bodies\n\n### Response `Content-Type`\n\n- **Credentials role** [code]: text\n");
    write("README.md", "# Readme\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("accepts existing files, headings, bold names, URLs and placeholders", () => {
    write(
      "lib/a.ts",
      [
        `/** See ${FACT_SHEET}, "Binary bodies" [doc] and "Response \`Content-Type\`" [recorded]; also README.md. */`,
        `// (${FACT_SHEET},`,
        `// "Credentials role" [code]) and https://github.com/owner/repo/blob/main/${md("NOTES")}`,
        `const reason = "grants it on * (${FACT_SHEET}, \\"Binary bodies\\" [code]).";`,
        `// Cite as ${FACT_SHEET}, "<name>".`,
      ].join("\n"),
    );
    expect(scan()).toEqual([]);
  });

  test("reports a missing Markdown file, a relative one outside the repository and an unknown section", () => {
    write(
      "lib/b.ts",
      [
        `// Source: ${md("aws-behaviour")}, "Binary bodies".`,
        `// Metric names from ${md("clients")} ("Metric and event names seen").`,
        `// Read ${up}shared/notes/${md("facts")} first.`,
        " * one line, then the citation continues (" + FACT_SHEET + ",",
        ' * "Binary bodies" [doc] and "Request bodies" [recorded]).',
      ].join("\n"),
    );
    expect(scan()).toEqual([
      `lib/b.ts:3:outside-path:${up}shared/`,
      `lib/b.ts:1:missing-file:${md("aws-behaviour")}`,
      `lib/b.ts:2:missing-file:${md("clients")}`,
      `lib/b.ts:3:outside-path:${up}shared/notes/${md("facts")}`,
      `lib/b.ts:4:unknown-section:${FACT_SHEET}, "Request bodies"`,
    ]);
  });

  test("reports code that reads a folder beside the repository", () => {
    write("lib/c.ts", ['const notes = join(ROOT, "..", ' + '"shared");', `const other = "/${"work"}/shared/${"reference"}/x";`].join("\n"));
    expect(scan()).toEqual([
      `lib/c.ts:2:outside-path:/${"work"}/shared`,
      `lib/c.ts:2:outside-path:shared/${"reference"}/`,
      `lib/c.ts:1:outside-path:"..", ${'"shared"'}`,
    ]);
  });
});
