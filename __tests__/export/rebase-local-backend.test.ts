import { rebaseLocalBackend } from "../../src/tools/hcl-export/rebase-local-backend";

describe("the local backend path of an HCL stack", () => {
  test("points at the same state file as the JSON stack's relative path", () => {
    const config = { terraform: { backend: { local: { path: "../../../terraform.s.tfstate" } } } };
    const rebased = rebaseLocalBackend(config, "/p/cdktf.out/stacks/s", "/p/dist/hcl/stacks/s");
    expect(rebased.terraform.backend.local.path).toBe("../../../../terraform.s.tfstate");
    expect(config.terraform.backend.local.path).toBe("../../../terraform.s.tfstate");
  });

  test("leaves absolute paths and other backends unchanged", () => {
    const absolute = { terraform: { backend: { local: { path: "/state/s.tfstate" } } } };
    const s3 = { terraform: { backend: { s3: { bucket: "b" } } } };
    expect(rebaseLocalBackend(absolute, "/a", "/b/c")).toBe(absolute);
    expect(rebaseLocalBackend(s3, "/a", "/b/c")).toBe(s3);
  });
});
