import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TaggedCloudWorkspaces, TerraformStack } from "../cdktf";
import { BackendSettings } from "../settings/parse-backend";

/** Where a region stack keeps its state. Never writes an absolute path of the synthesizing machine. */
export function addBackend(stack: TerraformStack, stackName: string, backend: BackendSettings): void {
  switch (backend.type) {
    case "local":
      // Relative to the stack folder (cdktf.out/stacks/<stack>): by default the project folder, so state survives
      // re-synthesis, like cdktf's own default but without its absolute path.
      new LocalBackend(stack, { path: (backend.path ?? "../../../terraform.{stack}.tfstate").replace("{stack}", stackName) });
      return;
    case "s3": {
      new S3Backend(stack, {
        bucket: backend.bucket,
        key: `${backend.keyPrefix ?? "otlp-proxy"}/${stackName}/terraform.tfstate`,
        region: backend.region,
        encrypt: true,
      });
      // S3-native locking (Terraform 1.10+) has no typed option in cdktf 0.21.
      stack.addOverride("terraform.backend.s3.use_lockfile", true);
      return;
    }
    case "cloud":
      new CloudBackend(stack, {
        organization: backend.organization,
        hostname: backend.hostname,
        workspaces: backend.workspaceTags
          ? new TaggedCloudWorkspaces([...backend.workspaceTags], backend.project)
          : new NamedCloudWorkspace(`${backend.workspacePrefix ?? ""}${stackName}`, backend.project),
      });
      return;
  }
}
