import { stackHcl } from "../../src/tools/hcl-export/stack-hcl";
import { HclExportError } from "../../src/tools/hcl-export/hcl-export-error";
import { synthesizeApp } from "../support/synth";

// The region stack as HCL (npm run synth:hcl): every backend the settings offer, with nested blocks where Terraform
// wants blocks; cdktf's metadata left out; nothing converted that the renderer does not know.
const stackWith = (backend: unknown) => synthesizeApp({ regions: ["eu-west-1"], tags: { "team:name": "platform ops" }, backend })[0].json;

describe("stackHcl", () => {
  test("writes an S3 backend as a labelled block, with S3-native locking", () => {
    const hcl = stackHcl(stackWith({ type: "s3", bucket: "tf-state", region: "eu-west-1" }));
    expect(hcl).toContain('  backend "s3" {\n');
    expect(hcl).toMatch(/^ {4}bucket += "tf-state"$/m);
    expect(hcl).toMatch(/^ {4}key += "otlp-proxy\/otlp-proxy-eu-west-1\/terraform.tfstate"$/m);
    expect(hcl).toMatch(/^ {4}use_lockfile += true$/m);
  });

  test("writes Terraform Cloud's workspaces as a block inside cloud", () => {
    const hcl = stackHcl(stackWith({ type: "cloud", organization: "acme", workspacePrefix: "otlp-" }));
    expect(hcl).toMatch(/^ {2}cloud \{\n {4}organization = "acme"\n {4}workspaces \{\n {6}name = "otlp-otlp-proxy-eu-west-1"\n {4}\}\n {2}\}$/m);
  });

  test("writes the provider's default_tags as a block, quoting tag names that are not identifiers", () => {
    const hcl = stackHcl(stackWith({ type: "local" }));
    expect(hcl).toMatch(/^provider "aws" \{\n {2}default_tags \{\n {4}tags = \{ "team:name" = "platform ops" \}\n {2}\}\n {2}region = "eu-west-1"\n\}$/m);
  });

  test("writes each output's value as the module's output itself, and leaves cdktf's metadata out", () => {
    const hcl = stackHcl(stackWith({ type: "local" }));
    expect(hcl).toMatch(/^ {2}value += module\.otlp_proxy\.otlp_endpoint$/m);
    expect(hcl).not.toContain("//");
  });

  test("refuses what it cannot write faithfully: a template inside a string, an unknown kind of block", () => {
    const json = stackWith({ type: "local" });
    const templated = { ...json, module: { otlp_proxy: { ...json.module.otlp_proxy, log_stream_name: "team-${var.x}" } } };
    expect(() => stackHcl(templated)).toThrow(new HclExportError('cannot convert module.otlp_proxy.log_stream_name: "team-${var.x}" is a Terraform template, not one reference'));
    expect(() => stackHcl({ ...json, resource: {} })).toThrow(/cannot convert resource: a region stack has only terraform, provider, module, output/);
  });
});
