import {
  joinWithPseudoParameters,
  TRANSACTION_SEARCH_LOG_GROUPS,
  transactionSearchPolicyText,
  transactionSearchTemplate,
} from "../../src/infra/observability/transaction-search-template";

/** What CloudFormation would make of the Fn::Join, for a given account, region and partition. */
function resolve(join: ReturnType<typeof joinWithPseudoParameters>, values: Record<string, string>): string {
  return join["Fn::Join"][1].map((part) => (typeof part === "string" ? part : values[part.Ref])).join("");
}
const PSEUDO = { "AWS::Partition": "aws", "AWS::Region": "eu-west-1", "AWS::AccountId": "123456789012" };

describe("transactionSearchTemplate", () => {
  const template = JSON.parse(JSON.stringify(transactionSearchTemplate(25)));

  test("is valid JSON (and so valid YAML) holding exactly the two documented resource types", () => {
    expect(template.AWSTemplateFormatVersion).toBe("2010-09-09");
    expect(Object.values(template.Resources).map((r: any) => r.Type).sort()).toEqual(["AWS::Logs::ResourcePolicy", "AWS::XRay::TransactionSearchConfig"]);
  });

  test("sets only IndexingPercentage on the Transaction Search config, after the policy exists", () => {
    expect(template.Resources.TransactionSearchConfig).toEqual({ Type: "AWS::XRay::TransactionSearchConfig", DependsOn: "LogsResourcePolicy", Properties: { IndexingPercentage: 25 } });
  });

  test("gives the resource policy only PolicyName and a PolicyDocument that CloudFormation renders as JSON", () => {
    const policy = template.Resources.LogsResourcePolicy.Properties;
    expect(Object.keys(policy).sort()).toEqual(["PolicyDocument", "PolicyName"]);
    expect(policy.PolicyName).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(() => JSON.parse(resolve(policy.PolicyDocument, PSEUDO))).not.toThrow();
  });

  test("lets only xray.amazonaws.com put log events into aws/spans and the Application Signals group, from this account", () => {
    const document = JSON.parse(resolve(template.Resources.LogsResourcePolicy.Properties.PolicyDocument, PSEUDO));
    expect(document.Statement).toEqual([
      {
        Sid: "TransactionSearchXRayAccess",
        Effect: "Allow",
        Principal: { Service: "xray.amazonaws.com" },
        Action: "logs:PutLogEvents",
        Resource: [
          "arn:aws:logs:eu-west-1:123456789012:log-group:aws/spans:*",
          "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/application-signals/data:*",
        ],
        Condition: {
          ArnLike: { "aws:SourceArn": "arn:aws:xray:eu-west-1:123456789012:*" },
          StringEquals: { "aws:SourceAccount": "123456789012" },
        },
      },
    ]);
    expect(TRANSACTION_SEARCH_LOG_GROUPS).toEqual(["aws/spans", "/aws/application-signals/data"]);
  });

  test("uses Ref pseudo parameters, never ${...}, which Terraform would interpolate inside template_body", () => {
    const text = JSON.stringify(template);
    expect(text).not.toMatch(/\$\{|%\{|\{\{/);
    expect(transactionSearchPolicyText()).toContain("{{AWS::AccountId}}");
  });

  test("splits placeholders into Refs and keeps the text around them", () => {
    expect(joinWithPseudoParameters("a{{AWS::Region}}b{{AWS::AccountId}}")).toEqual({ "Fn::Join": ["", ["a", { Ref: "AWS::Region" }, "b", { Ref: "AWS::AccountId" }]] });
  });
});
