/** A name and value for one environment variable, in the order they should be written. */
export type EnvVar = readonly [name: string, value: string];

const BARE = /^[A-Za-z0-9_./:-]+$/;

/**
 * Writes POSIX shell lines `export NAME=VALUE`, single-quoting a value that holds anything but letters, digits
 * and `_./:-` (an API key placeholder such as `<API_KEY>` would otherwise be a redirection). A value is never
 * parsed, only quoted, so a Terraform token in it passes through untouched.
 */
export function formatEnvLines(vars: readonly EnvVar[]): string {
  return vars.map(([name, value]) => `export ${name}=${shellQuote(value)}`).join("\n") + "\n";
}

/** The variables as a plain object, for JSON settings files. */
export function envObject(vars: readonly EnvVar[]): Record<string, string> {
  return Object.fromEntries(vars);
}

function shellQuote(value: string): string {
  return BARE.test(value) ? value : `'${value.split("'").join(`'\\''`)}'`;
}
