import { HclExportError } from "../../src/tools/hcl-export/hcl-export-error";
import { ProviderSchemas } from "../../src/tools/hcl-export/provider-schema";
import { renderHcl } from "../../src/tools/hcl-export/render-hcl";

// A small hand-written schema of a provider's configuration: which names are nested blocks, in each nesting mode, and
// which are attributes.
const SCHEMAS: ProviderSchemas = {
  format_version: "1.0",
  provider_schemas: {
    "registry.terraform.io/hashicorp/aws": {
      provider: {
        block: {
          attributes: { region: {}, settings: { nested_type: {} } },
          block_types: {
            default_tags: { nesting_mode: "list", block: { attributes: { tags: {} } } },
            assume_role: { nesting_mode: "list", block: { attributes: { role_arn: {} }, block_types: { inner: { nesting_mode: "single", block: { attributes: { on: {} } } } } } },
            endpoints: { nesting_mode: "set", block: { attributes: { apigateway: {} } } },
            by_name: { nesting_mode: "map", block: { attributes: { size: {} } } },
          },
        },
      },
    },
  },
};

const TERRAFORM = { required_providers: { aws: { source: "aws", version: "5.100.0" } } };
const render = (config: Record<string, unknown>) => renderHcl({ terraform: TERRAFORM, ...config }, SCHEMAS);
const aws = (body: Record<string, unknown>) => render({ provider: { aws: [body] } });

describe("a provider's configuration, by the provider's schema", () => {
  test("a map attribute is written with = and a nested block without", () => {
    // GIVEN / WHEN
    const hcl = aws({ region: "eu-west-1", default_tags: { tags: { team: "a" } } });
    // THEN
    expect(hcl).toContain('provider "aws" {\n  region = "eu-west-1"\n\n  default_tags {\n    tags = {\n      team = "a"\n    }\n  }\n}');
  });

  test("a list of objects for a block becomes repeated blocks", () => {
    expect(aws({ endpoints: [{ apigateway: "a" }, { apigateway: "b" }] })).toContain('  endpoints {\n    apigateway = "a"\n  }\n\n  endpoints {\n    apigateway = "b"\n  }');
  });

  test("a list of objects for an attribute stays a list expression", () => {
    expect(aws({ settings: [{ a: 1 }] })).toContain("  settings = [\n    {\n      a = 1\n    },\n  ]");
  });

  test("blocks nest inside blocks by their own schema", () => {
    expect(aws({ assume_role: [{ inner: { on: true } }] })).toContain("  assume_role {\n    inner {\n      on = true\n    }\n  }");
  });

  test("a map-nested block gets its key as a label", () => {
    expect(aws({ by_name: { small: { size: 1 }, "big one": { size: 9 } } })).toContain('  by_name "small" {\n    size = 1\n  }\n\n  by_name "big one" {\n    size = 9\n  }');
  });

  test("an empty list of blocks writes no block, and null writes none", () => {
    const hcl = aws({ region: "r", endpoints: [], assume_role: null });
    expect(hcl).not.toMatch(/endpoints|assume_role/);
  });

  test("providers keep alias first and write schema blocks such as default_tags", () => {
    const hcl = render({ provider: { aws: [{ region: "us-east-1" }, { alias: "west", region: "us-west-2", default_tags: [{ tags: { a: "b" } }] }] } });
    expect(hcl).toContain('provider "aws" {\n  region = "us-east-1"\n}\n\nprovider "aws" {\n  alias = "west"\n\n  region = "us-west-2"\n\n  default_tags {\n    tags = {\n      a = "b"\n    }\n  }\n}');
  });

  test("fails for a provider that no schema declares", () => {
    expect(() => render({ provider: { google: { project: "p" } } })).toThrow('provider.google: no provider schema for "registry.terraform.io/hashicorp/google" (local name "google")');
  });

  test("fails for a block given as a string, naming where", () => {
    expect(() => aws({ default_tags: "${var.tags}" })).toThrow(HclExportError);
    expect(() => aws({ default_tags: "${var.tags}" })).toThrow(/^provider\.aws\.default_tags: "default_tags" is a nested block/);
  });
});

describe("the terraform block, module calls and outputs", () => {
  test("required_providers is a block of attribute maps, the backend a labelled block", () => {
    const hcl = renderHcl({ terraform: { ...TERRAFORM, backend: { s3: { bucket: "b", key: "k/${x}", encrypt: true } } } }, SCHEMAS);
    expect(hcl).toBe(
      'terraform {\n  required_providers {\n    aws = {\n      source = "aws"\n      version = "5.100.0"\n    }\n  }\n\n' +
        '  backend "s3" {\n    bucket = "b"\n    key = "k/$${x}"\n    encrypt = true\n  }\n}\n',
    );
  });

  test("cloud is a block with a nested workspaces block", () => {
    const hcl = renderHcl({ terraform: { ...TERRAFORM, cloud: { organization: "acme", hostname: "app.terraform.io", workspaces: { tags: ["otlp-proxy"], project: "P" } } } }, SCHEMAS);
    expect(hcl).toContain('  cloud {\n    organization = "acme"\n    hostname = "app.terraform.io"\n\n    workspaces {\n      tags = ["otlp-proxy"]\n      project = "P"\n    }\n  }');
  });

  test("a module call passes its providers and inputs, and outputs read the call", () => {
    const hcl = render({
      module: { m: { source: "./m", providers: { aws: "aws.west" }, input: "${var.a}", greeting: "hello ${var.a}" } },
      output: { o: { value: "${module.m.out}", description: "Out ${not}", sensitive: true } },
    });
    expect(hcl).toContain('module "m" {\n  source = "./m"\n\n  providers = {\n    aws = aws.west\n  }\n  input = var.a\n  greeting = "hello ${var.a}"\n}');
    expect(hcl).toContain('output "o" {\n  value = module.m.out\n  description = "Out $${not}"\n  sensitive = true\n}');
  });

  test("a module call's count (or for_each) comes first, and depends_on last, as bare references", () => {
    const hcl = render({ module: { m: { source: "./m", depends_on: ["module.a", "${module.b}"], count: "${var.n}", input: "i" } } });
    expect(hcl).toContain('module "m" {\n  source = "./m"\n  count = var.n\n\n  input = "i"\n\n  depends_on = [module.a, module.b]\n}');
  });

  test("fails on a depends_on entry that is not a reference", () => {
    expect(() => render({ module: { m: { source: "./m", depends_on: ["not a reference"] } } })).toThrow('module.m.depends_on[0]: "not a reference" is not a reference');
  });

  test("// metadata is dropped at every level", () => {
    const hcl = renderHcl(
      { "//": { metadata: {} }, terraform: TERRAFORM, provider: { aws: [{ "//": { x: 1 }, region: "r" }] }, module: { m: { "//": { y: 2 }, source: "./m" } } },
      SCHEMAS,
    );
    expect(hcl).not.toMatch(/metadata|"x"|"y"|\/\//);
  });

  test("fails on a top-level block type a region stack does not hold, naming those it converts", () => {
    expect(() => render({ resource: { aws_thing: { t: {} } } })).toThrow('top-level "resource" is not supported by the HCL export (supported: terraform, provider, module, output)');
    expect(() => render({ check: {} })).toThrow('top-level "check" is not supported by the HCL export');
  });
});
