import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { PROJECT_ROOT } from "../support/project";
import { synthesizeApp } from "../support/synth";

const backendOf = (backend: unknown) =>
  synthesizeApp({ regions: ["us-east-1", "eu-west-1"], backend }).map((stack) => stack.json.terraform);

describe("the state backend of each region stack", () => {
  test("is a local file beside the project by default, by a relative path", () => {
    expect(backendOf(undefined).map((t) => t.backend)).toEqual([
      { local: { path: "../../../terraform.otlp-proxy-us-east-1.tfstate" } },
      { local: { path: "../../../terraform.otlp-proxy-eu-west-1.tfstate" } },
    ]);
  });

  test("is a local file at the given relative path, per stack", () => {
    expect(backendOf({ type: "local", path: "state/{stack}.tfstate" })[1].backend).toEqual({
      local: { path: "state/otlp-proxy-eu-west-1.tfstate" },
    });
  });

  test("is one encrypted, lock-file-locked S3 key per stack", () => {
    const [east, west] = backendOf({ type: "s3", bucket: "acme-tf-state", keyPrefix: "otlp-proxy", region: "us-east-1" });
    expect(east.backend).toEqual({
      s3: {
        bucket: "acme-tf-state",
        key: "otlp-proxy/otlp-proxy-us-east-1/terraform.tfstate",
        region: "us-east-1",
        encrypt: true,
        use_lockfile: true,
      },
    });
    expect(west.backend.s3.key).toBe("otlp-proxy/otlp-proxy-eu-west-1/terraform.tfstate");
  });

  test("is one named Terraform Cloud workspace per stack", () => {
    const [east] = backendOf({ type: "cloud", organization: "acme", project: "Telemetry", workspacePrefix: "ai-" });
    expect(east.cloud).toEqual({
      organization: "acme",
      workspaces: { name: "ai-otlp-proxy-us-east-1", project: "Telemetry" },
    });
    expect(east.backend).toBeUndefined();
  });

  test("is the Terraform Cloud workspaces with the given tags", () => {
    const [east] = backendOf({ type: "cloud", organization: "acme", hostname: "tfe.acme.internal", workspaceTags: ["otlp-proxy"] });
    expect(east.cloud).toEqual({ organization: "acme", hostname: "tfe.acme.internal", workspaces: { tags: ["otlp-proxy"] } });
  });
});

describe("synthesized files", () => {
  test("never contain the absolute path of the checkout", () => {
    const [stack] = synthesizeApp({ regions: ["us-east-1"] });
    const outdir = join(stack.dir, "..", "..");
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    for (const file of files(outdir)) {
      const text = readFileSync(file, "utf8");
      expect(text).not.toContain(PROJECT_ROOT);
      expect(text).not.toContain(outdir);
    }
  });
});
