import { initAndValidate } from "../support/terraform-cli";
import { synthesizeApp } from "../support/synth";

// Each backend kind passes terraform init -backend=false and validate with the real provider, offline.
describe.each<[string, unknown]>([
  ["local", { type: "local" }],
  ["s3", { type: "s3", bucket: "acme-tf-state", keyPrefix: "otlp-proxy", region: "us-east-1" }],
  ["cloud with a named workspace", { type: "cloud", organization: "acme", project: "Telemetry", workspacePrefix: "ai-" }],
  ["cloud with tagged workspaces", { type: "cloud", organization: "acme", workspaceTags: ["otlp-proxy"] }],
])("a stack with the %s backend", (_kind, backend) => {
  test("passes terraform validate", () => {
    const [stack] = synthesizeApp({ regions: ["us-east-1"], backend });
    expect(initAndValidate(stack.dir)).toContain("Success! The configuration is valid.");
  });
});
