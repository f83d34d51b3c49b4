import { networkForRegion } from "../../src/settings/parse-network";
import { parseSettings } from "../../src/settings/parse-settings";
import { problemsOf } from "../support/settings-problems";

const CERT = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/12345678-1234-1234-1234-123456789012`;
const ACL = (region: string) => `arn:aws:wafv2:${region}:123456789012:regional/webacl/otlp/12345678-1234-1234-1234-123456789012`;
const ONE = ["us-east-1"];
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
      hostedZoneId: "Z0123456789ABCDEFGHIJ",
      basePath: "otlp",
      disableExecuteApiEndpoint: { "eu-west-1": true },
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

  test.each<[string, unknown, string]>([
    ["CIDRs that are not a list", { regions: ONE, allowedSourceCidrs: "10.0.0.0/8" }, 'context.otlpProxy.allowedSourceCidrs: received "10.0.0.0/8"; allowed: a non-empty list'],
    ["an empty CIDR list", { regions: ONE, allowedSourceCidrs: [] }, "context.otlpProxy.allowedSourceCidrs: received []"],
    ["an IPv4 prefix over 32", { regions: ONE, allowedSourceCidrs: ["10.0.0.0/33"] }, 'context.otlpProxy.allowedSourceCidrs[0]: received "10.0.0.0/33"; allowed: an IPv4 or IPv6 CIDR range'],
    ["an octet over 255", { regions: ONE, allowedSourceCidrs: ["10.0.0.256/32"] }, 'context.otlpProxy.allowedSourceCidrs[0]: received "10.0.0.256/32"'],
    ["a host name", { regions: ONE, allowedSourceCidrs: ["10.0.0.0/8", "example.com"] }, 'context.otlpProxy.allowedSourceCidrs[1]: received "example.com"'],
    ["a malformed IPv6 range", { regions: ONE, allowedSourceCidrs: ["2001:db8:::/32"] }, 'context.otlpProxy.allowedSourceCidrs[0]: received "2001:db8:::/32"'],
    ["a range listed twice", { regions: ONE, allowedSourceCidrs: ["10.0.0.0/8", "10.0.0.0/8"] }, 'context.otlpProxy.allowedSourceCidrs[1]: received "10.0.0.0/8"; allowed: each range once'],
    ["an address listed bare and with its prefix", { regions: ONE, allowedSourceCidrs: ["192.0.2.10/32", "192.0.2.10"] }, 'context.otlpProxy.allowedSourceCidrs[1]: received "192.0.2.10"; allowed: each range once'],
    ["CIDRs for a region not deployed", { regions: ONE, allowedSourceCidrs: { "eu-west-1": ["10.0.0.0/8"] } }, 'context.otlpProxy.allowedSourceCidrs.eu-west-1: received ["10.0.0.0/8"]; allowed: keys that are "default" or one of the configured regions (us-east-1)'],
    ["a bad CIDR in a region's list", { regions: ONE, allowedSourceCidrs: { "us-east-1": ["x"] } }, 'context.otlpProxy.allowedSourceCidrs.us-east-1[0]: received "x"'],
    ["a web ACL ARN of the wrong shape", { regions: ONE, webAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/otlp/12345678-1234-1234-1234-123456789012" }, "context.otlpProxy.webAclArn: received \"arn:aws:wafv2:us-east-1:123456789012:global/webacl"],
    ["a web ACL in another region", { regions: ONE, webAclArn: ACL("eu-west-1") }, "allowed: an ARN in the stack's region us-east-1"],
    ["one web ACL for two regions", { regions: TWO, webAclArn: ACL("us-east-1") }, 'allowed: an ARN in the stack\'s region eu-west-1 (a regional WAFv2 web ACL ARN'],
    ["a region's web ACL in another region", { regions: TWO, webAclArn: { "eu-west-1": ACL("us-east-1") } }, "context.otlpProxy.webAclArn.eu-west-1: received"],
    ["a certificate ARN of the wrong shape", { regions: ONE, domainName: "otlp.example.com", certificateArn: "arn:aws:iam::123456789012:server-certificate/x" }, 'context.otlpProxy.certificateArn: received "arn:aws:iam::123456789012:server-certificate/x"; allowed: an ACM certificate ARN'],
    ["a certificate in another region", { regions: ONE, domainName: "otlp.example.com", certificateArn: CERT("us-west-2") }, "allowed: an ARN in the stack's region us-east-1"],
    ["a domain without a certificate", { regions: ONE, domainName: "otlp.example.com" }, "context.otlpProxy.certificateArn: received nothing; allowed: an ACM certificate ARN for domainName in us-east-1"],
    ["a region with a domain but no certificate", { regions: TWO, domainName: { default: "otlp.example.com" }, certificateArn: { "us-east-1": CERT("us-east-1") } }, "allowed: a certificate for eu-west-1 too"],
    ["a certificate without a domain", { regions: ONE, certificateArn: CERT("us-east-1") }, "allowed: only together with domainName"],
    ["a wildcard domain", { regions: ONE, domainName: "*.example.com", certificateArn: CERT("us-east-1") }, 'context.otlpProxy.domainName: received "*.example.com"; allowed: a lowercase fully qualified host name'],
    ["a domain with capitals", { regions: ONE, domainName: "OTLP.example.com", certificateArn: CERT("us-east-1") }, 'context.otlpProxy.domainName: received "OTLP.example.com"'],
    ["a hosted zone id of the wrong shape", { regions: ONE, domainName: "otlp.example.com", certificateArn: CERT("us-east-1"), hostedZoneId: "/hostedzone/Z123" }, 'context.otlpProxy.hostedZoneId: received "/hostedzone/Z123"; allowed: a Route 53 hosted zone id'],
    ["a hosted zone without a domain", { regions: ONE, hostedZoneId: "Z123" }, 'context.otlpProxy.hostedZoneId: received "Z123"; allowed: only together with domainName'],
    ["one alias record from two regions", { regions: TWO, domainName: "otlp.example.com", certificateArn: { "us-east-1": CERT("us-east-1"), "eu-west-1": CERT("eu-west-1") }, hostedZoneId: "Z123" }, "allowed: alias records for different domain names per region"],
    ["a base path with a slash", { regions: ONE, domainName: "otlp.example.com", certificateArn: CERT("us-east-1"), basePath: "a/b" }, 'context.otlpProxy.basePath: received "a/b"; allowed: 1 to 128 letters'],
    ["a base path without a domain", { regions: ONE, basePath: "otlp" }, 'context.otlpProxy.basePath: received "otlp"; allowed: only together with domainName'],
    ["no execute-api endpoint and no domain", { regions: ONE, disableExecuteApiEndpoint: true }, "context.otlpProxy.disableExecuteApiEndpoint: received true; allowed: true only where domainName gives a custom domain"],
    ["disableExecuteApiEndpoint as text", { regions: ONE, disableExecuteApiEndpoint: "yes" }, 'context.otlpProxy.disableExecuteApiEndpoint: received "yes"; allowed: true or false'],
  ])("fail on %s", (_case, raw, expected) => {
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
