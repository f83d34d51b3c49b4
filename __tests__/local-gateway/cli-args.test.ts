import { parseCliArgs, UsageError } from "../../src/tools/local-gateway/cli-args";

describe("parseCliArgs", () => {
  test("reads every option, with repeated --api-key and --flag=value forms", () => {
    expect(parseCliArgs(["--stack", "otlp-proxy-us-west-2", "--host=0.0.0.0", "--port", "0", "--api-key", "a", "--api-key=team=b", "--upstream", "http://127.0.0.1:9"])).toEqual({
      stackName: "otlp-proxy-us-west-2",
      stackFile: undefined,
      host: "0.0.0.0",
      port: 0,
      apiKeys: ["a", "team=b"],
      upstream: "http://127.0.0.1:9",
      sink: undefined,
      help: false,
    });
  });

  test("defaults to 127.0.0.1:4318", () => {
    expect(parseCliArgs(["--stack", "s"])).toMatchObject({ host: "127.0.0.1", port: 4318, apiKeys: [] });
  });

  test.each([
    ["no stack", [], /--stack is required/],
    ["an unknown flag", ["--stack", "s", "--verbose"], /unknown argument "--verbose"/],
    ["a flag without its value", ["--stack"], /--stack needs a value/],
    ["a flag followed by another flag", ["--stack", "--port", "1"], /--stack needs a value/],
    ["a port out of range", ["--stack", "s", "--port", "70000"], /--port must be an integer from 0 to 65535, got 70000/],
    ["a port that is not a number", ["--stack", "s", "--port", "http"], /--port must be an integer/],
    ["an upstream that is not a URL", ["--stack", "s", "--upstream", "localhost:9"], /--upstream must be an http:\/\/ or https:\/\/ URL/],
    ["both --upstream and --sink", ["--stack", "s", "--upstream", "http://x", "--sink", "d"], /not both/],
    ["both --stack and --stack-file", ["--stack", "s", "--stack-file", "f"], /not both/],
    ["an empty key", ["--stack", "s", "--api-key", ""], /--api-key needs a value/],
    ["a host that is no IPv4 address", ["--stack", "s", "--host", "999.1.1.1"], /^--host must be an IP address or a host name of this machine, got 999\.1\.1\.1$/],
    ["a host that is no IPv6 address", ["--stack", "s", "--host", "::g"], /^--host must be an IP address or a host name of this machine, got ::g$/],
    ["a host with a slash", ["--stack", "s", "--host", "http://localhost"], /^--host must be/],
  ])("fails with a usage error for %s", (_case, argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  test.each(["127.0.0.1", "0.0.0.0", "::1", "::", "localhost", "my-host.example.com"])("accepts the host %s", (host) => {
    expect(parseCliArgs(["--stack", "s", "--host", host]).host).toBe(host);
  });

  test("asks for help without other flags", () => {
    expect(parseCliArgs(["--help"]).help).toBe(true);
  });
});
