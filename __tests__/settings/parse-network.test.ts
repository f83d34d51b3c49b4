import { networkForRegion } from "../../src/infra/settings/parse-network";
import { parseSettings } from "../../src/infra/settings/parse-settings";
import { problemsOf } from "../support/settings-problems";
import { BAD_NETWORK } from "./bad-settings";

const CERT = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/12345678-1234-1234-1234-123456789012`;
const ACL = (region: string) => `arn:aws:wafv2:${region}:123456789012:regional/webacl/otlp/12345678-1234-1234-1234-123456789012`;
const TWO = ["us-east-1", "eu-west-1"];

describe("network settings", () => {
  test("default to no restriction, no web ACL and no custom domain", () => {
    expect(networkForRegion(parseSettings({}).settings, "us-east-1")).toEqual({ disableExecuteApiEndpoint: false });
  });

  test("take one value for every region, or values by region with a default", () => {
    const { settings } = parseSettings({
      regions: ["us-east-1", "eu-west-1", "ca-central-1"],
      allowedSourceCidrs: { default: ["10.0.0.0/8"], "eu-west-1": ["192.0.2.10", "2001:db8::/32"] },
      webAclArn: { "us-east-1": ACL("us-east-1") },
      domainName: { "us-east-1": "otlp-use1.example.com", "eu-west-1": "otlp-euw1.example.com" },
      certificateArn: { "us-east-1": CERT("us-east-1"), "eu-west-1": CERT("eu-west-1") },
      hostedZoneId: { "us-east-1": "Z0123456789ABCDEFGHIJ", "eu-west-1": "Z0123456789ABCDEFGHIJ" },
      basePath: { "us-east-1": "otlp", "eu-west-1": "otlp" },
      disableExecuteApiEndpoint: { "eu-west-1": true },
      ipAddressType: "dualstack",
    });
    expect(networkForRegion(settings, "eu-west-1")).toEqual({
      allowedSourceCidrs: ["192.0.2.10", "2001:db8::/32"],
      domainName: "otlp-euw1.example.com",
      certificateArn: CERT("eu-west-1"),
      hostedZoneId: "Z0123456789ABCDEFGHIJ",
      basePath: "otlp",
      disableExecuteApiEndpoint: true,
    });
    expect(networkForRegion(settings, "us-east-1")).toMatchObject({ allowedSourceCidrs: ["10.0.0.0/8"], webAclArn: ACL("us-east-1"), disableExecuteApiEndpoint: false });
    expect(networkForRegion(settings, "ca-central-1")).toMatchObject({ allowedSourceCidrs: ["10.0.0.0/8"], domainName: undefined });
  });

  test("allow one domain name in several regions when the stack writes no DNS record", () => {
    const { settings } = parseSettings({ regions: TWO, domainName: "otlp.example.com", certificateArn: { "us-east-1": CERT("us-east-1"), "eu-west-1": CERT("eu-west-1") } });
    expect(networkForRegion(settings, "eu-west-1").domainName).toBe("otlp.example.com");
  });

  test.each(BAD_NETWORK.map((c) => [c.name, c.raw, c.message] as const))("fail on %s", (_case, raw, expected) => {
    expect(problemsOf(raw)).toContain(expected);
  });

  test("report a problem of one value given for every region once", () => {
    expect(problemsOf({ allowedSourceCidrs: ["nope"] }).match(/allowedSourceCidrs\[0\]/g)).toHaveLength(1);
  });
});

describe("network settings written as null", () => {
  test("mean none, like leaving them out", () => {
    const { settings } = parseSettings({ regions: ["us-east-1"], allowedSourceCidrs: null, webAclArn: null, domainName: null, certificateArn: null, hostedZoneId: null, basePath: null });
    expect(networkForRegion(settings, "us-east-1")).toEqual({ disableExecuteApiEndpoint: false });
    expect(settings).toMatchObject({ allowedSourceCidrs: null, webAclArn: null, basePath: null });
  });
});
