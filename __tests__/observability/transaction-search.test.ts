import { resourcesOfType, synthesizeApp } from "../support/synth";

describe("TransactionSearch in a region stack", () => {
  test("is off by default: Transaction Search is account-wide and changes X-Ray billing", () => {
    const [stack] = synthesizeApp({ regions: ["us-east-1"] });
    expect(resourcesOfType(stack.json, "aws_cloudformation_stack")).toEqual([]);
    expect(stack.json.output.transaction_search_stack_id).toBeUndefined();
  });

  test("creates a CloudFormation stack holding the template, with the indexing percentage from settings", () => {
    const [stack] = synthesizeApp({ regions: ["us-east-1"], transactionSearch: { enabled: true, indexingPercentage: 10 } });
    const [cfn] = resourcesOfType(stack.json, "aws_cloudformation_stack");
    expect(cfn.name).toBe("otlp-proxy-transaction-search");
    expect(JSON.parse(cfn.template_body).Resources.TransactionSearchConfig.Properties).toEqual({ IndexingPercentage: 10 });
    expect(Object.keys(stack.json.resource.aws_cloudformation_stack)).toEqual(["transaction-search_stack_E73DAE12"]);
    expect(stack.json.output.transaction_search_stack_id.value).toMatch(/^\$\{aws_cloudformation_stack\..+\.id\}$/);
  });

  test("is created only in the regions listed, when a list is given", () => {
    const stacks = synthesizeApp({ regions: ["us-east-1", "eu-west-1"], transactionSearch: { enabled: true, regions: ["eu-west-1"] } });
    expect(stacks.map((s) => resourcesOfType(s.json, "aws_cloudformation_stack").length)).toEqual([0, 1]);
  });
});
