import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { heredocTemplate, quotedLiteral, quotedTemplate, soleInterpolation, splitTemplate } from "../../src/tools/hcl-export/hcl-template-string";
import { renderValue } from "../../src/tools/hcl-export/hcl-values";
import { terraformEnv } from "../support/terraform-cli";

const W = "resource.x.y.attr";

// [case, JSON-syntax template (as JSON.parse gives it), HCL quoted template]
const QUOTED: [string, string, string][] = [
  ["plain text", "hello", '"hello"'],
  ["quotes outside interpolations are escaped", 'say "hi"', '"say \\"hi\\""'],
  ["quotes inside an interpolation are kept", '${join(",", ["a", "b"])}!', '"${join(",", ["a", "b"])}!"'],
  [
    "an IAM policy with an interpolated ARN",
    '{"Resource":"${aws_cloudwatch_log_group.x.arn}:*"}',
    '"{\\"Resource\\":\\"${aws_cloudwatch_log_group.x.arn}:*\\"}"',
  ],
  ["nested braces inside an interpolation", 'a${ {b = "}"}["b"] }c"', '"a${ {b = "}"}["b"] }c\\""'],
  ["a template nested in a string inside an interpolation", 'x${"${local.a}-\\"q\\""}"', '"x${"${local.a}-\\"q\\""}\\""'],
  ["newline, carriage return and tab", "a\nb\r\tc", '"a\\nb\\r\\tc"'],
  ["backslash", "C:\\dir\\", '"C:\\\\dir\\\\"'],
  ["other control characters as \\u escapes", "bell\u0007", '"bell\\u0007"'],
  ["an escaped literal ${ stays escaped", "$${not.interpolated}", '"$${not.interpolated}"'],
  ["an escaped literal %{ stays escaped", "%%{ if x }", '"%%{ if x }"'],
  ["a lone $ or % is literal", "100% $HOME", '"100% $HOME"'],
  ["directives are kept", "%{ if local.on }on%{ else }off%{ endif }", '"%{ if local.on }on%{ else }off%{ endif }"'],
  ["a quote after an interpolation", '"${local.a}"', '"\\"${local.a}\\""'],
  ["non-ASCII text is kept", "café ✓", '"café ✓"'],
];

// [case, JSON value, HCL expression]
const EXPRESSIONS: [string, unknown, string][] = [
  ["a sole interpolation becomes the bare expression", "${aws_iam_role.r.arn}", "aws_iam_role.r.arn"],
  ["a sole function call becomes bare", '${jsonencode({a = "b"})}', 'jsonencode({a = "b"})'],
  ["two interpolations stay a template", "${local.a}${local.b}", '"${local.a}${local.b}"'],
  ["an interpolation with strip markers stays quoted", "${~ local.a ~}", '"${~ local.a ~}"'],
  ["a sole directive stays quoted", "%{ if true }x%{ endif }", '"%{ if true }x%{ endif }"'],
  ["an escaped sole interpolation is text", "$${local.a}", '"$${local.a}"'],
  ["numbers", 1.5, "1.5"],
  ["booleans", false, "false"],
  ["null", null, "null"],
  ["a short list stays on one line", ["a", 1, true], '["a", 1, true]'],
  ["an empty object", {}, "{}"],
  ["map keys are quoted when they are not identifiers", { "otlp-proxy:team": "x", plain: 1 }, '{\n  "otlp-proxy:team" = "x"\n  plain = 1\n}'],
  ["a keyword key is quoted", { for: 1 }, '{\n  "for" = 1\n}'],
  ["an interpolated key becomes a parenthesized expression", { "${local.k}": 1 }, "{\n  (local.k) = 1\n}"],
];

describe("JSON templates as HCL quoted templates", () => {
  test.each(QUOTED)("%s", (_, template, hcl) => {
    expect(quotedTemplate(template, W)).toBe(hcl);
  });

  test.each(EXPRESSIONS)("%s", (_, value, hcl) => {
    expect(renderValue(value, "template", W)).toBe(hcl);
  });

  test("a multi-line string ending in a newline becomes a heredoc with its text unchanged", () => {
    const template = 'export URL="${aws_api_gateway_stage.s.invoke_url}"\nexport X=\\n\n';
    expect(renderValue(template, "template", W)).toBe(`<<EOT\n${template}EOT`);
  });

  test("a heredoc marker never collides with a line of the text", () => {
    expect(heredocTemplate("a\n  EOT\nEOT1\n", W)).toBe("<<EOT2\na\n  EOT\nEOT1\nEOT2");
  });

  test.each([
    ["without a final newline", "a\nb"],
    ["with a carriage return", "a\r\nb\r\n"],
    ["on one line", "a\n"],
  ])("a multi-line string %s stays quoted", (_, template) => {
    expect(heredocTemplate(template, W)).toBeUndefined();
    expect(renderValue(template, "template", W)).toBe(quotedTemplate(template, W));
  });

  test("inside a list a multi-line string stays quoted", () => {
    expect(renderValue(["a\nb\n"], "template", W)).toBe('["a\\nb\\n"]');
  });

  test("a literal string escapes template sequences too", () => {
    expect(quotedLiteral('${x} %{y} $${z} "q"')).toBe('"$${x} %%{y} $$${z} \\"q\\""');
    expect(renderValue("${var.x}", "literal", W)).toBe('"$${var.x}"');
  });

  test("splits literal text from sequences", () => {
    expect(splitTemplate('a${b["}"]}c%{ if d }e', W)).toEqual([
      { kind: "literal", text: "a" },
      { kind: "sequence", text: '${b["}"]}' },
      { kind: "literal", text: "c" },
      { kind: "sequence", text: "%{ if d }" },
      { kind: "literal", text: "e" },
    ]);
  });

  test("soleInterpolation is undefined for text around an interpolation", () => {
    expect(soleInterpolation("${a}b", W)).toBeUndefined();
    expect(soleInterpolation("${a}", W)).toBe("a");
  });

  test.each([
    ["an unclosed interpolation", "a${b"],
    ["an unclosed string inside an interpolation", '${"b}'],
  ])("fails on %s, naming where", (_, template) => {
    expect(() => quotedTemplate(template, W)).toThrow(/^resource\.x\.y\.attr: the template sequence starting .* is never closed/);
  });
});

// Terraform itself is the judge: the same strings, once as JSON and once as converted HCL, must evaluate alike.
describe("Terraform reads each converted string as it reads the JSON", () => {
  const locals: Record<string, unknown> = { name: "world", on: true };
  const cases: Record<string, unknown> = {
    ...Object.fromEntries(QUOTED.filter(([, t]) => !/aws_|local\.[ab]\b/.test(t)).map(([, t], i) => [`q${i}`, t])),
    policy: '{"Resource":"${local.name}:*","Quoted":"\\"${upper(local.name)}\\""}',
    heredoc: 'line "one" ${local.name}\n\\n line two $${kept}\n',
    sole: "${[local.name, local.on]}",
    nested: { "key with spaces": ["${local.name}", { inner: "a\tb" }] },
    directive: "%{ for c in [\"x\", \"y\"] }${c};%{ endfor }",
  };

  test("for quoted templates, heredocs, sole interpolations and nested values", () => {
    const dir = mkdtempSync(join(tmpdir(), "otlp-proxy-hcl-strings-"));
    const json = join(dir, "json");
    const hcl = join(dir, "hcl");
    const all = { ...locals, ...cases };
    const expression = `jsonencode({${Object.keys(cases).map((k) => `${k} = local.${k}`).join(", ")}})\n`;
    mkdirSync(json);
    mkdirSync(hcl);
    writeFileSync(join(json, "main.tf.json"), JSON.stringify({ locals: all }));
    writeFileSync(
      join(hcl, "main.tf"),
      `locals {\n${Object.entries(all).map(([k, v]) => `  ${k} = ${renderValue(v, "template", `locals.${k}`, "  ")}`).join("\n")}\n}\n`,
    );
    const fromJson = consoleEval(json, expression);
    expect(JSON.parse(consoleEval(hcl, expression))).toEqual(JSON.parse(fromJson));
    expect(JSON.parse(fromJson).policy).toBe('{"Resource":"world:*","Quoted":"\\"WORLD\\""}');
  });
});

function consoleEval(dir: string, expression: string): string {
  const run = spawnSync("terraform", ["console", "-no-color"], { cwd: dir, env: terraformEnv(), input: expression, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`terraform console failed in ${dir}:\n${run.stdout}${run.stderr}`);
  // console prints the jsonencode result as an HCL string literal, which is also a JSON string.
  return JSON.parse(run.stdout.trim());
}
