import { claudeCoworkFields } from "../../src/infra/clients/claude-cowork";

const ENDPOINT = "https://abc123.execute-api.us-west-2.amazonaws.com/prod";

describe("claudeCoworkFields", () => {
  test("gives the endpoint field the base URL and the headers field the API key", () => {
    const fields = Object.fromEntries(
      claudeCoworkFields(ENDPOINT)
        .trimEnd()
        .split("\n")
        .map((line) => [line.slice(0, line.indexOf(": ")), line.slice(line.indexOf(": ") + 2)]),
    );
    expect(fields).toEqual({
      "OTLP endpoint": ENDPOINT,
      "OTLP protocol": "http/protobuf",
      "OTLP headers": "x-api-key=<API_KEY>",
    });
  });
});
