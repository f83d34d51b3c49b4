import { createHash, randomBytes } from "crypto";

/**
 * One API key. Shaped like API Gateway's own (an id, a name, a value, an enabled flag), so teams with named keys that
 * can be switched off fit without changing callers.
 */
export interface ApiKey {
  /** A stable id derived from the value; safe to log. */
  readonly id: string;
  /** A person-chosen name, e.g. a team; logged instead of the id when set. */
  readonly name?: string;
  readonly value: string;
  /** A disabled key is refused like an unknown one (docs/aws-facts.md, "API keys" [recorded]). */
  readonly enabled: boolean;
}

/** What a key check found. */
export type KeyCheck =
  | { readonly ok: true; readonly key: ApiKey }
  | { readonly ok: false; readonly reason: "missing" | "unknown" | "disabled"; readonly key?: ApiKey };

/** The environment variable holding comma-separated keys when no `--api-key` is given. */
export const API_KEYS_ENV = "OTLP_PROXY_LOCAL_API_KEYS";

/** The key store the local gateway checks `x-api-key` against. */
export class ApiKeyStore {
  private readonly byValue = new Map<string, ApiKey>();

  constructor(keys: readonly ApiKey[]) {
    for (const key of keys) this.byValue.set(key.value, key);
  }

  /** Every key, in the order given. */
  get keys(): readonly ApiKey[] {
    return [...this.byValue.values()];
  }

  /** Checks a presented key value (undefined when the header is absent). */
  check(value: string | undefined): KeyCheck {
    if (value === undefined || value === "") return { ok: false, reason: "missing" };
    const key = this.byValue.get(value);
    if (!key) return { ok: false, reason: "unknown" };
    if (!key.enabled) return { ok: false, reason: "disabled", key };
    return { ok: true, key };
  }
}

/** A key's id or name for logs: never its value. */
export function keyLabel(key: ApiKey | undefined): string {
  return key ? (key.name ?? key.id) : "-";
}

/**
 * Parses a key given on the command line: `name=VALUE` names it, a plain `VALUE` does not. A value may itself contain
 * `=` (base64 padding), so only a leading `name=` made of letters, digits, `.`, `_` and `-`, followed by something
 * other than more `=`, counts as a name; a key that would read as `name=VALUE` can be given as `somename=KEY`.
 */
export function parseApiKey(text: string): ApiKey {
  const match = /^([A-Za-z0-9._-]+)=(?!=*$)(.+)$/.exec(text);
  const [name, value] = match ? [match[1], match[2]] : [undefined, text];
  return makeApiKey(value, name);
}

/** A key with its derived id. */
export function makeApiKey(value: string, name?: string, enabled = true): ApiKey {
  if (value.trim() === "") throw new Error("An API key cannot be empty");
  return { id: keyId(value), name, value, enabled };
}

/** A new random key of 40 letters and digits, like the values API Gateway generates. */
export function generateApiKey(): ApiKey {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const value = [...randomBytes(40)].map((byte) => alphabet[byte % alphabet.length]).join("");
  return makeApiKey(value);
}

/**
 * The store's keys from, in order of precedence: the given `--api-key` values, the {@link API_KEYS_ENV} variable, or
 * one generated key (`generated` tells the caller to print it).
 */
export function resolveApiKeys(cliValues: readonly string[], env: NodeJS.ProcessEnv = process.env): { store: ApiKeyStore; generated: boolean } {
  const fromEnv = (env[API_KEYS_ENV] ?? "").split(",").map((v) => v.trim()).filter((v) => v !== "");
  const texts = cliValues.length ? cliValues : fromEnv;
  if (texts.length) return { store: new ApiKeyStore(texts.map(parseApiKey)), generated: false };
  return { store: new ApiKeyStore([generateApiKey()]), generated: true };
}

function keyId(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 10);
}
