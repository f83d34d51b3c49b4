import { API_KEYS_ENV, ApiKeyStore, generateApiKey, keyLabel, makeApiKey, parseApiKey, resolveApiKeys } from "../../src/tools/local-gateway/api-keys";

describe("API keys", () => {
  test.each([
    ["a plain key", "abc123", undefined, "abc123"],
    ["a named key", "team-a=abc123", "team-a", "abc123"],
    ["a key with base64 padding", "YWJjZA==", undefined, "YWJjZA=="],
    ["a named key whose value has '='", "team.b=x=y", "team.b", "x=y"],
    ["a key whose name part has other characters", "a b=c", undefined, "a b=c"],
  ])("parses %s", (_case, text, name, value) => {
    expect(parseApiKey(text)).toMatchObject({ name, value, enabled: true });
  });

  test("derives a stable id that does not reveal the key", () => {
    const key = makeApiKey("secret-value");
    expect(key.id).toBe(makeApiKey("secret-value").id);
    expect(key.id).not.toContain("secret");
    expect(keyLabel(key)).toBe(key.id);
    expect(keyLabel(makeApiKey("v", "team-a"))).toBe("team-a");
    expect(keyLabel(undefined)).toBe("-");
  });

  const store = new ApiKeyStore([makeApiKey("good", "team-a"), makeApiKey("off", "team-b", false)]);
  test.each([
    ["a known key", "good", { ok: true }],
    ["no key", undefined, { ok: false, reason: "missing" }],
    ["an empty key", "", { ok: false, reason: "missing" }],
    ["an unknown key", "bad", { ok: false, reason: "unknown" }],
    ["a disabled key", "off", { ok: false, reason: "disabled" }],
    ["a key differing in case", "GOOD", { ok: false, reason: "unknown" }],
  ])("checks %s", (_case, value, expected) => {
    expect(store.check(value)).toMatchObject(expected);
  });

  test("generates 40-character alphanumeric keys", () => {
    expect(generateApiKey().value).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(generateApiKey().value).not.toBe(generateApiKey().value);
  });

  test.each([
    ["--api-key values first", ["a=1"], { [API_KEYS_ENV]: "2,3" }, ["1"], false],
    ["the environment variable next, comma-separated", [], { [API_KEYS_ENV]: " 2, team=3 ," }, ["2", "3"], false],
    ["one generated key last", [], {}, undefined, true],
  ])("takes %s", (_case, cli, env, values, generated) => {
    const resolved = resolveApiKeys(cli, env);
    expect(resolved.generated).toBe(generated);
    if (values) expect(resolved.store.keys.map((k) => k.value)).toEqual(values);
    else expect(resolved.store.keys).toHaveLength(1);
  });
});
