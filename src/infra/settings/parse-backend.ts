import { AWS_COMMERCIAL_REGIONS } from "./aws-rules";
import { didYouMean } from "./suggest";

/** State on the machine that runs Terraform, in a file relative to the stack folder. */
export interface LocalBackendSettings {
  readonly type: "local";
  /**
   * The state file, relative to the stack folder; `{stack}` is replaced by the stack name.
   * @default "../../../terraform.{stack}.tfstate" (the project folder, so state survives re-synthesis)
   */
  readonly path?: string;
}

/** State in S3: one key per region stack, encrypted, locked with S3's own lock file. */
export interface S3BackendSettings {
  readonly type: "s3";
  readonly bucket: string;
  /** Keys are `<keyPrefix>/<stack>/terraform.tfstate`. @default "otlp-proxy" */
  readonly keyPrefix?: string;
  /** The bucket's region. */
  readonly region: string;
}

/** Terraform Cloud or Enterprise: one named workspace per region stack, or workspaces selected by tags. */
export interface CloudBackendSettings {
  readonly type: "cloud";
  readonly organization: string;
  /** @default "app.terraform.io" */
  readonly hostname?: string;
  /** The project new workspaces go into. @default the organization's default project */
  readonly project?: string;
  /** Workspaces are named `<workspacePrefix><stack>`, e.g. `ai-telemetry-otlp-proxy-us-east-1`. @default "" */
  readonly workspacePrefix?: string;
  /** Instead of named workspaces: the tags that select them (conflicts with workspacePrefix). */
  readonly workspaceTags?: readonly string[];
}

/** Where each region stack keeps its Terraform state. */
export type BackendSettings = LocalBackendSettings | S3BackendSettings | CloudBackendSettings;

export const BACKEND_DEFAULTS: BackendSettings = { type: "local" };

type Report = (setting: string, received: unknown, allowed: string) => void;

/** S3 bucket names. Source: Amazon S3 User Guide, "General purpose bucket naming rules". */
const BUCKET_NAME = /^(?!xn--)(?!.*\.\.)(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** Terraform Cloud workspace names: letters, digits, `-` and `_`, at most 90. Source: HCP Terraform, "Creating workspaces". */
const WORKSPACE_NAME = /^[A-Za-z0-9_-]{1,90}$/;
/** Terraform Cloud organization names. Source: HCP Terraform, "Organizations". */
const ORGANIZATION_NAME = /^[A-Za-z0-9_-]{1,40}$/;
/** The longest stack name (`otlp-proxy-` and the longest region name), so the longest workspace name can be checked. */
const LONGEST_STACK_NAME = `otlp-proxy-${[...AWS_COMMERCIAL_REGIONS].sort((a, b) => b.length - a.length)[0]}`;

const KEYS: Record<BackendSettings["type"], readonly string[]> = {
  local: ["type", "path"],
  s3: ["type", "bucket", "keyPrefix", "region"],
  cloud: ["type", "organization", "hostname", "project", "workspacePrefix", "workspaceTags"],
};

/** Validates `backend`; every problem names the setting, the value and what is allowed. */
export function parseBackend(value: unknown, report: Report): BackendSettings {
  if (value === undefined) return BACKEND_DEFAULTS;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    report("backend", value, `an object whose type is one of ${Object.keys(KEYS).join(", ")}`);
    return BACKEND_DEFAULTS;
  }
  const input = value as Record<string, unknown>;
  const type = input.type as BackendSettings["type"];
  if (!(type in KEYS)) {
    report("backend.type", input.type, `one of ${Object.keys(KEYS).join(", ")}`);
    return BACKEND_DEFAULTS;
  }
  for (const key of Object.keys(input)) {
    if (!KEYS[type].includes(key)) report(`backend.${key}`, input[key], `for type "${type}", only ${KEYS[type].join(", ")}${didYouMean(key, KEYS[type])}`);
  }
  const text = (key: string, pattern: RegExp, rule: string, required: boolean) => {
    const v = input[key];
    if (v === undefined && !required) return;
    if (typeof v !== "string" || !pattern.test(v)) report(`backend.${key}`, v, rule);
  };
  switch (type) {
    case "local":
      text("path", /^(?!\/)(?![A-Za-z]:[\\/])[^\0]+$/, "a path relative to the stack folder (never absolute)", false);
      break;
    case "s3":
      text("bucket", BUCKET_NAME, "an S3 bucket name: 3 to 63 lowercase letters, digits, '.' and '-'", true);
      text("keyPrefix", /^(?!\/)[A-Za-z0-9!_.*'()\/-]{1,900}(?<!\/)$/, "an S3 key prefix without a leading or trailing '/'", false);
      text("region", new RegExp(`^(${AWS_COMMERCIAL_REGIONS.join("|")})$`), "the bucket's AWS region, e.g. us-east-1", true);
      break;
    case "cloud":
      text("organization", ORGANIZATION_NAME, "a Terraform Cloud organization name: letters, digits, '-' and '_'", true);
      text("hostname", /^[a-z0-9.-]+(:\d+)?$/, "a host name such as app.terraform.io", false);
      text("project", /^[A-Za-z0-9 _-]{3,40}$/, "a project name of 3 to 40 letters, digits, spaces, '-' and '_'", false);
      parseWorkspaces(input, report);
      break;
  }
  return input as unknown as BackendSettings;
}

function parseWorkspaces(input: Record<string, unknown>, report: Report): void {
  const { workspacePrefix: prefix, workspaceTags: tags } = input;
  if (prefix !== undefined && tags !== undefined) {
    report("backend.workspaceTags", tags, "either workspacePrefix (one named workspace per stack) or workspaceTags, not both");
  }
  if (prefix !== undefined && (typeof prefix !== "string" || !WORKSPACE_NAME.test(`${prefix}${LONGEST_STACK_NAME}`))) {
    report(
      "backend.workspacePrefix",
      prefix,
      `letters, digits, '-' and '_', short enough that "<prefix>${LONGEST_STACK_NAME}" has at most 90 characters`,
    );
  }
  if (tags !== undefined && (!Array.isArray(tags) || tags.length === 0 || !tags.every((t) => typeof t === "string" && /^[a-z0-9:_-]{1,255}$/.test(t)))) {
    report("backend.workspaceTags", tags, "a non-empty list of tags of lowercase letters, digits, ':', '-' and '_'");
  }
}
