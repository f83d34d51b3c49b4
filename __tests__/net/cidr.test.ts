import { cidrContains, parseCidr, withPrefix } from "../../src/infra/net/cidr";

describe("CIDR ranges", () => {
  test.each([
    ["10.0.0.0/8", "10.255.1.2", true],
    ["10.0.0.0/8", "11.0.0.1", false],
    ["203.0.113.7", "203.0.113.7", true],
    ["203.0.113.7", "203.0.113.8", false],
    ["0.0.0.0/0", "127.0.0.1", true],
    ["127.0.0.1/32", "::ffff:127.0.0.1", true],
    ["2001:db8::/32", "2001:db8:1::5", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["::1/128", "::1", true],
    ["10.0.0.0/8", "::1", false],
  ])("%s contains %s: %s", (cidr, address, expected) => {
    expect(cidrContains(parseCidr(cidr)!, address)).toBe(expected);
  });

  test.each(["10.0.0.0/33", "10.0.0/8", "256.0.0.0/8", "01.2.3.4/8", "2001:db8:::/32", "::1/129", "1:2:3:4:5:6:7:8:9", "10.0.0.0/8/1", "", "example.com"])(
    "refuses %s",
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );

  test.each([
    ["203.0.113.7", "203.0.113.7/32"],
    ["2001:db8::1", "2001:db8::1/128"],
    ["::1", "::1/128"],
    ["10.0.0.0/8", "10.0.0.0/8"],
    ["2001:db8::/32", "2001:db8::/32"],
  ])("writes %s with its prefix as %s, since IAM would read a bare address as /32", (cidr, written) => {
    expect(withPrefix(cidr)).toBe(written);
  });
});
