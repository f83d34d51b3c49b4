import { HclExportError } from "../../src/tools/hcl-export/hcl-export-error";
import { ProviderSchemas } from "../../src/tools/hcl-export/provider-schema";
import { renderHcl } from "../../src/tools/hcl-export/render-hcl";

// A small hand-written schema: which names are nested blocks, in each nesting mode, and which are attributes.
const SCHEMAS: ProviderSchemas = {
  format_version: "1.0",
  provider_schemas: {
    "registry.terraform.io/hashicorp/aws": {
      provider: { block: { attributes: { region: {} }, block_types: { default_tags: { nesting_mode: "list", block: { attributes: { tags: {} } } } } } },
      resource_schemas: {
        aws_thing: {
          block: {
            attributes: { name: {}, tags: {}, settings: { nested_type: {} } },
            block_types: {
              config: { nesting_mode: "list", block: { attributes: { types: {} }, block_types: { inner: { nesting_mode: "single", block: { attributes: { on: {} } } } } } },
              rule: { nesting_mode: "set", block: { attributes: { id: {} } } },
              by_name: { nesting_mode: "map", block: { attributes: { size: {} } } },
            },
          },
        },
      },
      data_source_schemas: { aws_lookup: { block: { attributes: { name: {} } } } },
    },
  },
};

const TERRAFORM = { required_providers: { aws: { source: "aws", version: "5.100.0" } } };
const render = (config: Record<string, unknown>) => renderHcl({ terraform: TERRAFORM, ...config }, SCHEMAS);
const thing = (body: Record<string, unknown>) => render({ resource: { aws_thing: { t: body } } });

describe("blocks and attributes by the provider schema", () => {
  test("a map attribute is written with = and a nested block without", () => {
    // GIVEN / WHEN
    const hcl = thing({ tags: { team: "a" }, config: { types: ["REGIONAL"] } });
    // THEN
    expect(hcl).toContain('resource "aws_thing" "t" {\n  tags = {\n    team = "a"\n  }\n\n  config {\n    types = ["REGIONAL"]\n  }\n}');
  });

  test("a list of objects for a block becomes repeated blocks", () => {
    expect(thing({ rule: [{ id: "a" }, { id: "b" }] })).toContain('  rule {\n    id = "a"\n  }\n\n  rule {\n    id = "b"\n  }');
  });

  test("a list of objects for an attribute stays a list expression", () => {
    expect(thing({ settings: [{ a: 1 }] })).toContain("  settings = [\n    {\n      a = 1\n    },\n  ]");
  });

  test("blocks nest inside blocks by their own schema", () => {
    expect(thing({ config: [{ inner: { on: true } }] })).toContain("  config {\n    inner {\n      on = true\n    }\n  }");
  });

  test("a map-nested block gets its key as a label", () => {
    expect(thing({ by_name: { small: { size: 1 }, "big one": { size: 9 } } })).toContain(
      '  by_name "small" {\n    size = 1\n  }\n\n  by_name "big one" {\n    size = 9\n  }',
    );
  });

  test("an empty list of blocks writes no block, and null writes none", () => {
    const hcl = thing({ name: "n", rule: [], config: null });
    expect(hcl).not.toMatch(/rule|config/);
  });

  test("dynamic blocks keep for_each and write their content by the block's schema", () => {
    const hcl = thing({ dynamic: { rule: { for_each: "${var.ids}", iterator: "each_rule", content: { id: "${each_rule.value}" } } } });
    expect(hcl).toContain('  dynamic "rule" {\n    for_each = var.ids\n    iterator = each_rule\n\n    content {\n      id = each_rule.value\n    }\n  }');
  });

  test("data sources use the data source schema", () => {
    expect(render({ data: { aws_lookup: { l: { name: "${var.n}" } } } })).toContain('data "aws_lookup" "l" {\n  name = var.n\n}');
  });

  test("fails for a resource type that no provider declares", () => {
    expect(() => render({ resource: { aws_unknown: { u: {} } } })).toThrow('resource.aws_unknown.u: no provider schema declares resource type "aws_unknown"');
  });

  test("fails for a block given as a string, naming where", () => {
    expect(() => thing({ config: "${var.c}" })).toThrow(HclExportError);
    expect(() => thing({ config: "${var.c}" })).toThrow(/^resource\.aws_thing\.t\.config: "config" is a nested block/);
  });
});

describe("meta-arguments", () => {
  test("count, for_each and provider come first; lifecycle and depends_on last, as bare references", () => {
    const hcl = thing({
      name: "n",
      depends_on: ["aws_thing.a", "${aws_thing.b}"],
      lifecycle: { create_before_destroy: true, ignore_changes: ["tags"], replace_triggered_by: ["${aws_thing.a.id}"] },
      provider: "aws.west",
      count: "${var.n}",
    });
    expect(hcl).toContain(
      'resource "aws_thing" "t" {\n  provider = aws.west\n  count = var.n\n\n  name = "n"\n\n' +
        "  lifecycle {\n    create_before_destroy = true\n    ignore_changes = [tags]\n    replace_triggered_by = [aws_thing.a.id]\n  }\n\n" +
        "  depends_on = [aws_thing.a, aws_thing.b]\n}",
    );
  });

  test("ignore_changes = all is a keyword", () => {
    expect(thing({ lifecycle: { ignore_changes: "all" } })).toContain("ignore_changes = all");
  });

  test("// metadata is dropped at every level", () => {
    const hcl = renderHcl({ "//": { metadata: {} }, terraform: TERRAFORM, resource: { aws_thing: { t: { "//": { x: 1 }, name: "n" } } } }, SCHEMAS);
    expect(hcl).not.toContain("metadata");
    expect(hcl).not.toContain("//");
  });

  test("fails on a depends_on entry that is not a reference", () => {
    expect(() => thing({ depends_on: ["not a reference"] })).toThrow('resource.aws_thing.t.depends_on[0]: "not a reference" is not a reference');
  });
});

describe("the terraform, provider, variable, locals, module and output blocks", () => {
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

  test("providers keep alias first and write schema blocks such as default_tags", () => {
    const hcl = render({ provider: { aws: [{ region: "us-east-1" }, { alias: "west", region: "us-west-2", default_tags: [{ tags: { a: "b" } }] }] } });
    expect(hcl).toContain('provider "aws" {\n  region = "us-east-1"\n}\n\nprovider "aws" {\n  alias = "west"\n\n  region = "us-west-2"\n\n  default_tags {\n    tags = {\n      a = "b"\n    }\n  }\n}');
  });

  test("a variable's type is bare and its default literal", () => {
    const hcl = render({ variable: { v: { type: "list(string)", default: ["${not.a.reference}"], description: "D", validation: [{ condition: "${length(var.v) > 0}", error_message: "Empty." }] } } });
    expect(hcl).toContain('variable "v" {\n  type = list(string)\n  default = ["$${not.a.reference}"]\n  description = "D"\n\n  validation {\n    condition = length(var.v) > 0\n    error_message = "Empty."\n  }\n}');
  });

  test("locals, modules and outputs", () => {
    const hcl = render({
      locals: { a: "${var.x}", b: "b" },
      module: { m: { source: "./m", providers: { aws: "aws.west" }, input: "${local.a}", depends_on: ["aws_thing.t"] } },
      output: { o: { value: "${module.m.out}", description: "Out ${not}", sensitive: true } },
    });
    expect(hcl).toContain('locals {\n  a = var.x\n  b = "b"\n}');
    expect(hcl).toContain('module "m" {\n  source = "./m"\n\n  providers = {\n    aws = aws.west\n  }\n  input = local.a\n\n  depends_on = [aws_thing.t]\n}');
    expect(hcl).toContain('output "o" {\n  value = module.m.out\n  description = "Out $${not}"\n  sensitive = true\n}');
  });

  test("moved and import blocks hold bare addresses", () => {
    const hcl = render({ moved: [{ from: "aws_thing.a", to: "aws_thing.b" }], import: [{ to: "aws_thing.b", id: "i-1" }] });
    expect(hcl).toContain('moved {\n  from = aws_thing.a\n  to = aws_thing.b\n}\n\nimport {\n  to = aws_thing.b\n  id = "i-1"\n}');
  });

  test("fails on a top-level block type it does not know", () => {
    expect(() => render({ check: {} })).toThrow('top-level "check" is not supported by the HCL export');
  });
});
