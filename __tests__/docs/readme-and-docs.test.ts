import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, posix } from "path";
import { PROJECT_ROOT } from "../support/project";

// The README is the short way in and docs/ the reference, by task: the README stays short, names every page of
// docs/, and no relative link in either leads to a missing file or heading.
const README = "README.md";
const MAX_README_LINES = 260;
const DOC_FILES = readdirSync(join(PROJECT_ROOT, "docs"))
  .filter((f) => f.endsWith(".md"))
  .sort()
  .map((f) => `docs/${f}`);

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), "utf8");

/** Lines outside fenced code blocks, with inline code blanked out, so only real Markdown links are read. */
function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split("\n").map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return "";
    }
    return fenced ? "" : line.replace(/`[^`]*`/g, (code) => " ".repeat(code.length));
  });
}

/** Link targets of inline links and images, `[text](target)` or `[text](<target> "title")`. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const line of proseLines(markdown)) {
    for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]);
  }
  return targets;
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped except `-` and `_`, each space a `-`. */
function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a Markdown file has: one per heading, with `-1`, `-2`, … for repeated ones, as GitHub numbers them. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = githubAnchor(heading[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** What is wrong with a relative link from a file, or undefined when it leads somewhere real. */
function brokenLink(from: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto: and other absolute URLs
  const [path, anchor] = target.split("#", 2) as [string, string | undefined];
  // A leading "/" is the repository's root, as GitHub reads it; anything else is relative to the linking file.
  const resolved = path === "" ? from : path.startsWith("/") ? posix.normalize(path.slice(1)) : posix.normalize(posix.join(dirname(from), path));
  if (resolved.startsWith("../")) return `${target}: outside the repository`;
  const full = join(PROJECT_ROOT, resolved);
  if (!existsSync(full)) return `${target}: no file ${resolved}`;
  if (anchor === undefined) return undefined;
  if (statSync(full).isDirectory() || !resolved.endsWith(".md")) return `${target}: an anchor into something other than a Markdown file`;
  if (!anchorsOf(read(resolved)).has(decodeURIComponent(anchor))) return `${target}: no heading #${anchor} in ${resolved}`;
  return undefined;
}

describe("the README", () => {
  const readme = read(README);

  test(`is at most ${MAX_README_LINES} lines`, () => {
    expect(readme.trimEnd().split("\n").length).toBeLessThanOrEqual(MAX_README_LINES);
  });

  test.each(DOC_FILES)("links to %s", (doc) => {
    const linked = linkTargets(readme).map((t) => posix.normalize(t.split("#")[0].replace(/^\//, "")));
    expect(linked).toContain(doc);
  });
});

describe.each([README, ...DOC_FILES])("relative links in %s", (file) => {
  test("lead to existing files and headings", () => {
    const broken = linkTargets(read(file))
      .map((target) => brokenLink(file, target))
      .filter((problem): problem is string => problem !== undefined);
    expect(broken).toEqual([]);
  });
});

describe("the link checker", () => {
  test("makes anchors as GitHub does", () => {
    expect(githubAnchor("Traces: X-Ray Transaction Search")).toBe("traces-x-ray-transaction-search");
    expect(githubAnchor("Response `Content-Type`")).toBe("response-content-type");
    expect(githubAnchor("Step by step: a CI pipeline with state in S3")).toBe("step-by-step-a-ci-pipeline-with-state-in-s3");
    expect(githubAnchor("How it works, and why")).toBe("how-it-works-and-why");
    expect(githubAnchor("snake_case and 1.5+")).toBe("snake_case-and-15");
    expect([...anchorsOf("# A\n\n## Notes\n\n```\n# not a heading\n```\n\n## Notes\n")]).toEqual(["a", "notes", "notes-1"]);
  });

  test("reads links outside code only", () => {
    // Names of files that do not exist are built from parts, so the citation scan does not read them as citations.
    const md = (name: string) => `${name}.${"md"}`;
    const text = `[a](${md("x")}#b) \`[c](${md("d")})\`\n\`\`\`\n[e](${md("f")})\n\`\`\`\n![g](<h.png> "t")`;
    expect(linkTargets(text)).toEqual([`${md("x")}#b`, "h.png"]);
  });
});
