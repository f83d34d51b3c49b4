import { initAndValidate } from "../support/terraform-cli";
import { projectSettings, synthesizeApp } from "../support/synth";

// terraform init + validate against the real hashicorp/aws 5.100.0 provider, offline through the project's own
// CLI configuration (see support/terraform-cli.ts).
describe("every synthesized region stack is valid Terraform", () => {
  const stacks = synthesizeApp(projectSettings());

  test.each(stacks.map((stack) => [stack.name, stack.dir]))("%s passes terraform validate", (_name, dir) => {
    expect(initAndValidate(dir)).toContain("Success! The configuration is valid.");
  });

  test("a stack with non-default settings passes terraform validate", () => {
    const [stack] = synthesizeApp({
      regions: ["ca-central-1"],
      stageName: "v2_otlp",
      logGroupName: "/ai-tools/otlp",
      logStreamName: "all-clients",
      logRetentionDays: 0,
      throttle: { rateLimit: 12.5, burstLimit: 25 },
      signals: { default: ["traces", "logs"] },
      tags: { team: "platform", "cost-center": "123" },
    });
    expect(initAndValidate(stack.dir)).toContain("Success! The configuration is valid.");
  });
});
