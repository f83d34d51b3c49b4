/** A command line that cannot be run: the message names the flag and what is wrong. */
export class FlagError extends Error {}

/** The flags a command accepts. */
export interface FlagSpec {
  /** Flags that take a value, as `--flag value` or `--flag=value`. */
  readonly valueFlags: readonly string[];
  /** Flags that take no value. */
  readonly switches: readonly string[];
  /** Value flags that may be given more than once. @default none */
  readonly repeatable?: readonly string[];
}

/** What a command line said. */
export interface Flags {
  /** The value of a flag given once, or undefined. */
  value(flag: string): string | undefined;
  /** Every value of a repeatable flag, in order. */
  values(flag: string): readonly string[];
  /** Whether a switch was given. */
  has(flagSwitch: string): boolean;
}

/**
 * Reads `--flag value`, `--flag=value` and switches from `argv` (the part after `npm run <script> --`), shared by
 * every command line of the project so they all treat flags the same way.
 * @throws FlagError for an unknown argument, a missing or empty value, a switch given a value, or a repeated flag
 */
export function readFlags(argv: readonly string[], spec: FlagSpec): Flags {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.switches.includes(name)) {
      if (name !== arg) throw new FlagError(`${name} takes no value, got "${arg}"`);
      switches.add(name);
    } else if (spec.valueFlags.includes(name)) {
      let value: string | undefined;
      if (name !== arg) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) value = argv[++i];
      if (value === undefined || value === "") throw new FlagError(`${name} needs a value`);
      if (values.has(name) && !spec.repeatable?.includes(name)) throw new FlagError(`${name} given more than once`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else {
      throw new FlagError(`unknown argument "${arg}"`);
    }
  }
  return {
    value: (flag) => values.get(flag)?.[0],
    values: (flag) => values.get(flag) ?? [],
    has: (flagSwitch) => switches.has(flagSwitch),
  };
}

/** {@link readFlags}, with a usage problem (a {@link FlagError}) given back as its message instead of thrown. */
export function readFlagsOrProblem(argv: readonly string[], spec: FlagSpec): Flags | string {
  try {
    return readFlags(argv, spec);
  } catch (problem) {
    if (problem instanceof FlagError) return problem.message;
    throw problem;
  }
}

/** The outcome of parsing a command line: options to run with, a request for help, or a usage error's message. */
export type ParseOutcome<Options> =
  | { readonly kind: "run"; readonly options: Options }
  | { readonly kind: "help" }
  | { readonly kind: "error"; readonly message: string };
