/**
 * A small evaluator of the part of the CloudWatch Logs Insights language the dashboard's queries use, so a test can run
 * a widget's query over log events and see which rows it returns. Commands: `SOURCE`, `filter` (`and`, `or`, `not`,
 * parentheses, `=` and `!=`), `fields` (`<expr> as <name>`), `stats` (`count(*)`, `sum(<field>)` by expressions) and
 * `sort`. Expressions: fields, string literals and `replace(<expr>, "<from>", "<to>")`. Anything else throws, so a
 * query that outgrows the evaluator fails its test instead of being half read. A field missing from an event is
 * `undefined`, and a comparison with it does not hold.
 */

/** A log event as Logs Insights sees it: its JSON flattened to dotted field names, plus `@logStream`. */
export type LogEvent = Readonly<Record<string, string | number | undefined>>;

type Token = { kind: "string"; text: string } | { kind: "word"; text: string } | { kind: "punct"; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|(!=|[(),=*])|([A-Za-z0-9_@.\-]+))/y;
  let at = 0;
  while (!/^\s*$/.test(text.slice(at))) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) throw new Error(`cannot read ${JSON.stringify(text.slice(at))}`);
    if (m[1] !== undefined) tokens.push({ kind: "string", text: m[1].replace(/\\(.)/g, "$1") });
    else if (m[2] !== undefined) tokens.push({ kind: "punct", text: m[2] });
    else tokens.push({ kind: "word", text: m[3] });
    at = pattern.lastIndex;
  }
  return tokens;
}

type Expr = (row: LogEvent) => string | number | undefined;

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.at >= this.tokens.length;
  }
  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
  take(text?: string): Token {
    const token = this.tokens[this.at++];
    if (!token || (text !== undefined && token.text !== text)) throw new Error(`expected ${text ?? "more"}, got ${token?.text ?? "the end"}`);
    return token;
  }
  private isWord(text: string): boolean {
    const token = this.peek();
    return token?.kind === "word" && token.text === text;
  }

  expression(): Expr {
    const token = this.take();
    if (token.kind === "string") return () => token.text;
    if (token.kind !== "word") throw new Error(`unexpected ${token.text}`);
    if (this.peek()?.text === "(") {
      this.take("(");
      if (token.text !== "replace") throw new Error(`function ${token.text} is not supported`);
      const subject = this.expression();
      this.take(",");
      const from = this.take();
      this.take(",");
      const to = this.take();
      this.take(")");
      if (from.kind !== "string" || to.kind !== "string") throw new Error("replace takes string literals");
      return (row) => {
        const value = subject(row);
        return value === undefined ? undefined : String(value).split(from.text).join(to.text);
      };
    }
    return (row) => row[token.text];
  }

  condition(): (row: LogEvent) => boolean {
    let left = this.conjunction();
    while (this.isWord("or")) {
      this.take();
      const [a, b] = [left, this.conjunction()];
      left = (row) => a(row) || b(row);
    }
    return left;
  }
  private conjunction(): (row: LogEvent) => boolean {
    let left = this.unary();
    while (this.isWord("and")) {
      this.take();
      const [a, b] = [left, this.unary()];
      left = (row) => a(row) && b(row);
    }
    return left;
  }
  private unary(): (row: LogEvent) => boolean {
    if (this.isWord("not")) {
      this.take();
      const inner = this.unary();
      return (row) => !inner(row);
    }
    if (this.peek()?.text === "(") {
      this.take("(");
      const inner = this.condition();
      this.take(")");
      return inner;
    }
    const left = this.expression();
    const op = this.take().text;
    const right = this.expression();
    if (op !== "=" && op !== "!=") throw new Error(`operator ${op} is not supported`);
    return (row) => {
      const [a, b] = [left(row), right(row)];
      if (a === undefined || b === undefined) return false;
      return op === "=" ? String(a) === String(b) : String(a) !== String(b);
    };
  }

  /** `expr [as name]`, comma-separated. */
  namedList(): Array<{ name: string; expr: Expr; text: string }> {
    const items: Array<{ name: string; expr: Expr; text: string }> = [];
    do {
      if (items.length > 0) this.take(",");
      const start = this.at;
      const expr = this.expression();
      const text = this.tokens.slice(start, this.at).map((t) => t.text).join("");
      let name = text;
      if (this.isWord("as")) {
        this.take();
        name = this.take().text;
      }
      items.push({ name, expr, text });
    } while (this.peek()?.text === ",");
    return items;
  }

  /** `count(*) as n` or `sum(field) as n`, comma-separated, up to `by`. */
  aggregates(): Array<{ name: string; fold: (rows: LogEvent[]) => number }> {
    const items: Array<{ name: string; fold: (rows: LogEvent[]) => number }> = [];
    do {
      if (items.length > 0) this.take(",");
      const fn = this.take().text;
      this.take("(");
      let fold: (rows: LogEvent[]) => number;
      if (fn === "count" && this.peek()?.text === "*") {
        this.take("*");
        fold = (rows) => rows.length;
      } else if (fn === "sum") {
        const field = this.expression();
        fold = (rows) => rows.reduce((n, row) => n + Number(field(row) ?? 0), 0);
      } else throw new Error(`aggregate ${fn} is not supported`);
      this.take(")");
      this.take("as");
      items.push({ name: this.take().text, fold });
    } while (this.peek()?.text === ",");
    return items;
  }
}

/** Runs a log widget's query (`SOURCE '<group>' | ...`) over events of that group; returns the result rows. */
export function runLogsInsights(query: string, events: readonly LogEvent[]): Array<Record<string, string | number | undefined>> {
  const [source, ...commands] = query.split(" | ");
  if (!/^SOURCE '[^']+'$/.test(source)) throw new Error(`a widget's query starts with SOURCE, got ${source}`);
  let rows: Array<Record<string, string | number | undefined>> = events.map((e) => ({ ...e }));
  for (const command of commands) {
    const [verb] = command.split(" ", 1);
    const parser = new Parser(tokenize(command.slice(verb.length)));
    if (verb === "filter") {
      const holds = parser.condition();
      rows = rows.filter(holds);
    } else if (verb === "fields") {
      const items = parser.namedList();
      rows = rows.map((row) => ({ ...row, ...Object.fromEntries(items.map((i) => [i.name, i.expr(row)])) }));
    } else if (verb === "stats") {
      const aggregates = parser.aggregates();
      parser.take("by");
      const keys = parser.namedList();
      const groups = new Map<string, Array<Record<string, string | number | undefined>>>();
      for (const row of rows) {
        const id = JSON.stringify(keys.map((k) => k.expr(row) ?? null));
        groups.set(id, [...(groups.get(id) ?? []), row]);
      }
      rows = [...groups.values()].map((group) => ({
        ...Object.fromEntries(keys.map((k) => [k.name, k.expr(group[0])])),
        ...Object.fromEntries(aggregates.map((a) => [a.name, a.fold(group)])),
      }));
    } else if (verb === "sort") {
      const [field, order] = command.slice(verb.length).trim().split(/\s+/);
      const sign = order === "asc" ? 1 : -1;
      rows = [...rows].sort((a, b) => sign * (Number(a[field]) - Number(b[field])));
    } else {
      throw new Error(`command ${verb} is not supported`);
    }
    if (verb !== "sort" && !parser.done()) throw new Error(`unread text after ${verb}: ${command}`);
  }
  return rows;
}

/**
 * The log events CloudWatch would store for an OTLP logs request (OTLP/JSON, as `decodeOtlpProtobuf` gives it) written
 * to `logStream`, under the reading docs/aws-facts.md takes ("OTLP log records as CloudWatch stores them"): one event
 * per record, its JSON flattened, record attributes under `attributes.`, resource attributes under
 * `resource.attributes.`.
 */
export function storedLogEvents(request: Record<string, unknown>, logStream: string): LogEvent[] {
  const flat = (prefix: string, attributes: unknown): Record<string, string | number | undefined> =>
    Object.fromEntries(
      ((attributes as Array<{ key: string; value: Record<string, unknown> }>) ?? []).map(({ key, value }) => [`${prefix}${key}`, scalar(value)]),
    );
  const events: LogEvent[] = [];
  for (const resourceLogs of (request.resourceLogs as Array<Record<string, any>>) ?? []) {
    for (const scopeLogs of resourceLogs.scopeLogs ?? []) {
      for (const record of scopeLogs.logRecords ?? []) {
        events.push({
          "@logStream": logStream,
          ...flat("resource.attributes.", resourceLogs.resource?.attributes),
          ...flat("attributes.", record.attributes),
          body: scalar(record.body ?? {}),
        });
      }
    }
  }
  return events;
}

function scalar(value: Record<string, unknown>): string | number | undefined {
  const [v] = Object.values(value);
  return typeof v === "number" ? v : v === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(String(v)) && "intValue" in value ? Number(v) : String(v);
}
