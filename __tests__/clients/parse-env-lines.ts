/**
 * Reads shell lines the way a POSIX shell would assign them: `export NAME=VALUE` or `NAME=VALUE`, with
 * single quotes (literal), double quotes (backslash escapes `"`, `\`, `$` and backquote) and bare words joined
 * together. Blank lines and `#` comments are skipped. Throws on anything else, so a malformed snippet fails.
 */
export function parseEnvLines(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m === null) throw new Error(`not an assignment: ${line}`);
    if (vars.has(m[1])) throw new Error(`assigned twice: ${m[1]}`);
    vars.set(m[1], unquote(m[2]));
  }
  return vars;
}

function unquote(word: string): string {
  let out = "";
  let i = 0;
  while (i < word.length) {
    const c = word[i];
    if (c === "'") {
      const end = word.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated single quote in ${word}`);
      out += word.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < word.length && word[i] !== '"') {
        if (word[i] === "\\" && i + 1 < word.length && '"\\$`'.includes(word[i + 1])) i++;
        else if (word[i] === "$" || word[i] === "`") throw new Error(`expansion in ${word}`);
        out += word[i++];
      }
      if (i >= word.length) throw new Error(`unterminated double quote in ${word}`);
      i++;
    } else if (c === "\\") {
      out += word[i + 1] ?? "";
      i += 2;
    } else if (/[\s<>|;&$`()*?[\]{}~#]/.test(c)) {
      throw new Error(`unquoted shell metacharacter ${JSON.stringify(c)} in ${word}`);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
