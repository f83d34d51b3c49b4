import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { basename, dirname, join, posix, relative, sep } from "path";

/**
 * Finds citations that point nowhere: a cited `*.md` file the repository does not have, a section of the fact sheet
 * (`docs/aws-facts.md, "<name>"`) that is neither a heading nor a bold fact name there, a repository path (`src/…`,
 * `__tests__/…`, `modules/…`) that does not exist, and any reliance on a path outside the repository. Used by
 * citations.test.ts; also runnable on a copy of the repository (`npx ts-node --transpile-only
 * __tests__/docs/citation-scan.ts <folder>`), which is how the rewrite script's result is checked before it is applied.
 */

/** The repository's own fact sheet, as cited from code and docs. */
export const FACT_SHEET = "docs/aws-facts.md";

export type FindingKind = "missing-file" | "unknown-section" | "missing-path" | "outside-path";

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly kind: FindingKind;
  readonly cited: string;
}

/** Text files worth scanning, by extension or name. */
const TEXT_FILE = /(\.(ts|js|md|tf|json|py|sh|toml|ya?ml)|(^|\/)help)$/;
/** Large or generated files that cite nothing. */
const SKIPPED = [/(^|\/)package-lock\.json$/, /(^|\/)node_modules\//, /^cdktf\.out\//, /^__tests__\/fixtures\/otlp-captures\/.*\.json$/];

/** Tracked text files (git ls-files), or every file under root when root is not a git work tree (a scratch copy). */
export function listTextFiles(root: string): string[] {
  let files: string[];
  try {
    files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .split("\0")
      .filter(Boolean);
    if (!existsSync(join(root, ".git")) && files.length === 0) throw new Error("not a work tree");
  } catch {
    files = walk(root, root);
  }
  return files.filter((f) => TEXT_FILE.test(f) && !SKIPPED.some((s) => s.test(f))).sort();
}

function walk(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === ".git" || entry === "node_modules") continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...walk(root, full));
    else out.push(relative(root, full).split(sep).join("/"));
  }
  return out;
}

/** Every file the work tree has, committed or not (ignored files excepted), as repository-relative paths. */
function allFiles(root: string): Set<string> {
  try {
    const tracked = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    })
      .split("\0")
      .filter(Boolean);
    if (tracked.length > 0) return new Set(tracked.filter((f) => existsSync(join(root, f))));
  } catch {
    // not a work tree: fall through
  }
  return new Set(walk(root, root));
}

/** Names a citation may use: the fact sheet's headings and its bold fact names, normalized. */
export function factNames(markdown: string): Set<string> {
  const names = new Set<string>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) names.add(normalizeName(heading[1]));
    for (const bold of line.matchAll(/\*\*([^*]+)\*\*/g)) names.add(normalizeName(bold[1]));
  }
  return names;
}

export function normalizeName(name: string): string {
  return name.replace(/`/g, "").replace(/\s+/g, " ").trim().replace(/[.:]$/, "").toLowerCase();
}

/** Blanks out URLs (same length, so offsets and line numbers hold): a web page may be any name. */
function withoutUrls(text: string): string {
  return text.replace(/\b(?:https?|file):\/\/[^\s)"'`\]>]+/g, (url) => " ".repeat(url.length));
}

/**
 * Joins comment continuation lines (` * `, `// `, `# `) into one line so that a citation broken across lines reads
 * as one; `at` maps each character of the result back to its offset in the original text.
 */
function flatten(text: string): { flat: string; at: number[] } {
  let flat = "";
  const at: number[] = [];
  const continuation = /\n[ \t]*(?:\*(?!\*)|\/\/|#(?=\s))?[ \t]*/y;
  for (let i = 0; i < text.length; ) {
    continuation.lastIndex = i;
    const m = text[i] === "\n" ? continuation.exec(text) : null;
    if (m) {
      flat += " ";
      at.push(i);
      i += m[0].length;
    } else {
      flat += text[i];
      at.push(i);
      i += 1;
    }
  }
  return { flat, at };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === "\n") line++;
  return line;
}

/** A cited Markdown file name, possibly with a relative path; not preceded by a name character or an escape. */
const MD_CITATION = /(?<![\w.\\-])((?:\.{1,2}\/)*(?:[\w@-][\w.@-]*\/)*[\w-][\w.-]*\.md)(?![\w-]|\.\w)/g;
/** A repository path in prose or code: it must exist (globs and placeholders are skipped). */
const REPO_PATH = /(?<![\w.\/-])((?:src|__tests__|modules)\/[\w.\/*<>{}$-]*[\w\/])/g;
/** Reliance on a place outside the repository. */
const OUTSIDE = [/(?:\.\.\/)+shared\//g, /\/work\/shared\b/g, /\bshared\/reference\//g, /["']\.\.["']\s*,\s*["']shared["']/g];
/** The fact sheet's name; the section names follow it. */
const FACT_CITATION = new RegExp(`${FACT_SHEET.replace(/[./]/g, (c) => `\\${c}`)}`, "g");
/** The first quoted name: after a comma or a space (and a closing backtick); `\"` inside JS strings. */
const FIRST_NAME = /^`?(?:\s*,\s*|\s+)\\?"([^"\\\n]+)\\?"/;
/** The next one: labels such as `[doc]/[code]`, then `,`, `;`, `and` or `(` and a quoted name. */
const NEXT_NAME = /^\s*(?:\[[a-z]+\](?:\s*\/\s*\[[a-z]+\])*)?\s*(?:,|;|and|\()?\s*\\?"([^"\\\n]+)\\?"/;

/** A name written as a placeholder in prose about citing, e.g. `"<name>"`. */
const PLACEHOLDER = /^(?:<[^>]*>|…|\.\.\.)$/;

/** Scans the given files (default: every text file) under root. */
export function scanCitations(root: string, files: readonly string[] = listTextFiles(root)): Finding[] {
  const existing = allFiles(root);
  const basenames = new Set([...existing].map((f) => basename(f)));
  const folders = new Set([...existing].flatMap((f) => f.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
  const factSheetPath = join(root, FACT_SHEET);
  const names = existsSync(factSheetPath) ? factNames(readFileSync(factSheetPath, "utf8")) : new Set<string>();
  const findings: Finding[] = [];

  for (const file of files) {
    const original = readFileSync(join(root, file), "utf8");
    const text = withoutUrls(original);
    const add = (kind: FindingKind, cited: string, offset: number) =>
      findings.push({ file, line: lineOf(original, offset), kind, cited });

    for (const pattern of OUTSIDE) for (const m of text.matchAll(pattern)) add("outside-path", m[0], m.index ?? 0);

    for (const m of text.matchAll(MD_CITATION)) {
      const cited = m[1];
      const resolved = [posix.normalize(posix.join(dirname(file), cited)), posix.normalize(cited)];
      if (resolved.some((r) => r.startsWith("../"))) add("outside-path", cited, m.index ?? 0);
      else if (!resolved.some((r) => existing.has(r)) && !(!cited.includes("/") && basenames.has(cited))) add("missing-file", cited, m.index ?? 0);
    }

    for (const m of text.matchAll(REPO_PATH)) {
      const cited = m[1].replace(/\/$/, "");
      if (/[*<>{}$]/.test(cited)) continue;
      if (!existing.has(cited) && !folders.has(cited)) add("missing-path", m[1], m.index ?? 0);
    }

    const { flat, at } = flatten(text);
    for (const m of flat.matchAll(FACT_CITATION)) {
      let rest = flat.slice((m.index ?? 0) + m[0].length);
      let next = FIRST_NAME.exec(rest);
      while (next) {
        if (!PLACEHOLDER.test(next[1]) && !names.has(normalizeName(next[1]))) add("unknown-section", `${FACT_SHEET}, "${next[1]}"`, at[m.index ?? 0]);
        rest = rest.slice(next[0].length);
        next = NEXT_NAME.exec(rest);
      }
    }
  }
  return findings;
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}: ${f.kind}: ${f.cited}`;
}

if (require.main === module) {
  const root = process.argv[2] ?? process.cwd();
  const findings = scanCitations(root);
  for (const f of findings) console.log(formatFinding(f));
  console.log(`${findings.length} finding(s) in ${listTextFiles(root).length} files under ${root}`);
  process.exitCode = findings.length > 0 ? 1 : 0;
}
