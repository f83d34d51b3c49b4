import { parseBackend } from "../../src/infra/settings/parse-backend";

function problems(value: unknown): string[] {
  const found: string[] = [];
  parseBackend(value, (setting, received, allowed) => found.push(`${setting}: received ${JSON.stringify(received)}; allowed: ${allowed}`));
  return found;
}

describe("parseBackend", () => {
  test("defaults to local state", () => {
    expect(parseBackend(undefined, () => undefined)).toEqual({ type: "local" });
  });

  test.each([
    [{ type: "local", path: "state/{stack}.tfstate" }],
    [{ type: "s3", bucket: "acme-tf-state", keyPrefix: "otlp-proxy", region: "us-east-1" }],
    [{ type: "s3", bucket: "acme.tf-state", region: "eu-west-1" }],
    [{ type: "cloud", organization: "acme", workspacePrefix: "ai-" }],
    [{ type: "cloud", organization: "acme", hostname: "tfe.acme.internal", project: "Telemetry", workspaceTags: ["otlp-proxy"] }],
  ])("accepts %j", (backend) => {
    expect(problems(backend)).toEqual([]);
  });

  test.each<[string, unknown, string]>([
    ["an unknown type", { type: "gcs" }, 'backend.type: received "gcs"; allowed: one of local, s3, cloud'],
    ["a backend that is not an object", "s3", 'backend: received "s3"; allowed: an object whose type is one of local, s3, cloud'],
    ["an absolute local path", { type: "local", path: "/var/state.tfstate" }, "backend.path: received \"/var/state.tfstate\"; allowed: a path relative to the stack folder (never absolute)"],
    ["a missing bucket", { type: "s3", region: "us-east-1" }, "backend.bucket: received undefined; allowed: an S3 bucket name"],
    ["a bucket with capitals", { type: "s3", bucket: "Acme", region: "us-east-1" }, 'backend.bucket: received "Acme"'],
    ["a missing bucket region", { type: "s3", bucket: "acme-tf-state" }, "backend.region: received undefined; allowed: the bucket's AWS region"],
    ["a key prefix with a trailing slash", { type: "s3", bucket: "acme-tf-state", region: "us-east-1", keyPrefix: "otlp/" }, 'backend.keyPrefix: received "otlp/"'],
    ["a setting of another backend type", { type: "s3", bucket: "acme-tf-state", region: "us-east-1", organization: "acme" }, 'backend.organization: received "acme"; allowed: for type "s3", only type, bucket, keyPrefix, region'],
    ["a missing organization", { type: "cloud" }, "backend.organization: received undefined"],
    ["a workspace prefix with a space", { type: "cloud", organization: "acme", workspacePrefix: "ai tools-" }, 'backend.workspacePrefix: received "ai tools-"'],
    ["a workspace prefix too long for the longest stack name", { type: "cloud", organization: "acme", workspacePrefix: "p".repeat(70) }, "at most 90 characters"],
    ["both a prefix and tags", { type: "cloud", organization: "acme", workspacePrefix: "a-", workspaceTags: ["x"] }, "either workspacePrefix (one named workspace per stack) or workspaceTags, not both"],
    ["empty workspace tags", { type: "cloud", organization: "acme", workspaceTags: [] }, "backend.workspaceTags: received []"],
  ])("fails on %s", (_case, backend, expected) => {
    expect(problems(backend).join("\n")).toContain(expected);
  });
});
