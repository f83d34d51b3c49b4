import { regionFromEndpoint } from "../../src/tools/smoke/region";

describe("regionFromEndpoint", () => {
  test.each([
    ["https://abc123.execute-api.us-west-2.amazonaws.com/prod", "us-west-2"],
    ["https://abc123.execute-api.ap-southeast-2.amazonaws.com", "ap-southeast-2"],
    ["https://abc123.execute-api.cn-north-1.amazonaws.com.cn/prod", "cn-north-1"],
    ["https://abc123.execute-api.us-gov-west-1.amazonaws.com/prod", "us-gov-west-1"],
  ])("reads the region of %s", (endpoint, region) => {
    expect(regionFromEndpoint(endpoint)).toBe(region);
  });

  test.each(["https://otlp.example.com/prod", "http://127.0.0.1:4318/prod", "not a url"])("finds no region in %s", (endpoint) => {
    expect(regionFromEndpoint(endpoint)).toBeUndefined();
  });
});
