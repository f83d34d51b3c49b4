import { DEFAULT_LOG_GROUP, DEFAULT_TIMEOUT_SECONDS, ParseResult, SmokeOptions, parseArgs } from "../../src/tools/smoke/parse-smoke-args";

const AWS_ENDPOINT = "https://abc123.execute-api.us-west-2.amazonaws.com/prod";
const REQUIRED = ["--endpoint", AWS_ENDPOINT, "--api-key", "k"];

function options(result: ParseResult): SmokeOptions {
  if (result.kind !== "run") throw new Error(`expected options, got ${JSON.stringify(result)}`);
  return result.options;
}

describe("parseArgs", () => {
  test("defaults to every route, protobuf, no gzip, no verification, otlp-logs and 60 s", () => {
    expect(options(parseArgs(REQUIRED))).toEqual({
      endpoint: AWS_ENDPOINT,
      apiKey: "k",
      region: "us-west-2",
      verify: false,
      logGroupName: DEFAULT_LOG_GROUP,
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
      signals: ["metrics", "traces", "logs"],
      protocol: "http/protobuf",
      gzip: false,
    });
  });

  test("accepts --flag=value and every option", () => {
    const parsed = options(
      parseArgs([
        "--endpoint=http://127.0.0.1:4318/prod/",
        "--api-key=k",
        "--region=eu-west-1",
        "--verify",
        "--log-group",
        "/team/otlp",
        "--timeout",
        "5",
        "--signals",
        "logs, traces",
        "--protocol",
        "http/json",
        "--gzip",
      ]),
    );
    expect(parsed).toEqual({
      endpoint: "http://127.0.0.1:4318/prod",
      apiKey: "k",
      region: "eu-west-1",
      verify: true,
      logGroupName: "/team/otlp",
      timeoutSeconds: 5,
      signals: ["traces", "logs"],
      protocol: "http/json",
      gzip: true,
    });
  });

  test("takes the region from AWS_REGION when the endpoint is not an execute-api URL", () => {
    const parsed = options(parseArgs(["--endpoint", "http://127.0.0.1:4318", "--api-key", "k", "--verify"], { AWS_REGION: "ap-southeast-2" }));
    expect(parsed.region).toBe("ap-southeast-2");
  });

  test("takes the API key from OTLP_PROXY_API_KEY when --api-key is not given", () => {
    const parsed = parseArgs(["--endpoint", AWS_ENDPOINT], { OTLP_PROXY_API_KEY: "from-env" });
    expect(parsed.kind === "run" && parsed.options.apiKey).toBe("from-env");
  });

  test("returns help for --help even with other arguments", () => {
    expect(parseArgs(["--endpoint", "x", "-h"])).toEqual({ kind: "help" });
  });

  test.each<[string[], string]>([
    [[], "--endpoint is required"],
    [["--endpoint", AWS_ENDPOINT], "--api-key (or OTLP_PROXY_API_KEY) is required"],
    [["--endpoint", "abc", "--api-key", "k"], '--endpoint must be an http:// or https:// URL, got "abc"'],
    [["--endpoint", "ftp://host/prod", "--api-key", "k"], "--endpoint must be an http:// or https:// URL"],
    [["--endpoint", `${AWS_ENDPOINT}/v1/logs`, "--api-key", "k"], `Use "${AWS_ENDPOINT}"`],
    [["--endpoint", `${AWS_ENDPOINT}?a=1`, "--api-key", "k"], "must not have a query"],
    [[...REQUIRED, "--timeout", "0"], '--timeout must be a positive number of seconds, got "0"'],
    [[...REQUIRED, "--signals", "logs,events"], '--signals must be a comma-separated list of metrics, traces, logs, got "logs,events"'],
    [[...REQUIRED, "--protocol", "grpc"], '--protocol must be one of http/protobuf, http/json, got "grpc"'],
    [[...REQUIRED, "--region", "Oregon"], '--region must be a region name like us-west-2, got "Oregon"'],
    [[...REQUIRED, "--log-group", "bad name"], "--log-group must be"],
    [[...REQUIRED, "--frobnicate"], 'unknown argument "--frobnicate"'],
    [[...REQUIRED, "--verify=yes"], '--verify takes no value, got "--verify=yes"'],
    [[...REQUIRED, "--api-key", "again"], "--api-key given more than once"],
    [["--endpoint", "--api-key", "k"], "--endpoint needs a value"],
    [["--endpoint", "http://127.0.0.1:4318", "--api-key", "k", "--verify"], "--verify needs --region"],
  ])("fails for %j", (argv, message) => {
    const result = parseArgs(argv);
    expect(result.kind).toBe("error");
    expect(result.kind === "error" && result.message).toContain(message);
  });
});
