import { moduleCalls, synthesizeApp } from "../support/synth";

// namePrefix starts every AWS resource name (the module's name_prefix input gives the names: see
// __tests__/module/name-prefix.terraform.test.ts); stack names, the module call and so every Terraform address never change.
// That the prefixed stack passes terraform validate is held by __tests__/terraform/validate-stacks.terraform.test.ts
// (the variant "a name prefix, ..."), which validates every stack variant in one run.
const everything = {
  regions: ["ap-southeast-2"],
  teams: [{ name: "default" }, { name: "data" }],
  accessLogs: true,
  alarms: { emails: ["oncall@example.com"] },
  transactionSearch: { enabled: true },
};

describe("namePrefix in a region stack", () => {
  const [prefixed] = synthesizeApp({ ...everything, namePrefix: "staging-otlp" });
  const [unprefixed] = synthesizeApp(everything);

  test("is passed to the module as name_prefix", () => {
    expect(moduleCalls(prefixed.json).otlp_proxy.name_prefix).toBe("staging-otlp");
    expect(moduleCalls(unprefixed.json).otlp_proxy.name_prefix).toBe("otlp-proxy");
  });

  test("changes neither the stack name, nor the module call, nor anything else in the stack", () => {
    expect(prefixed.name).toBe("otlp-proxy-ap-southeast-2");
    expect(Object.keys(moduleCalls(prefixed.json))).toEqual(["otlp_proxy"]);
    const { name_prefix: _p, access_log_group_name: prefixedGroup, ...prefixedInputs } = moduleCalls(prefixed.json).otlp_proxy;
    const { name_prefix: _u, access_log_group_name: unprefixedGroup, ...unprefixedInputs } = moduleCalls(unprefixed.json).otlp_proxy;
    expect(prefixedInputs).toEqual(unprefixedInputs);
    // The default access-log group follows the prefix.
    expect([prefixedGroup, unprefixedGroup]).toEqual(["staging-otlp-access", "otlp-proxy-access"]);
    expect(prefixed.json.output).toEqual(unprefixed.json.output);
  });
});
