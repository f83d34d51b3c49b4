import { modulePlansFor } from "../support/shared-module-plan";
import CALLS from "./transaction-search.module-calls";

// X-Ray Transaction Search, switched on by a CloudFormation stack the module creates when its input asks for it.
const plan = modulePlansFor(CALLS);

describe("the module's Transaction Search", () => {
  test("is off by default: Transaction Search is account-wide and changes X-Ray billing", () => {
    expect(plan.byDefault.ofType("aws_cloudformation_stack")).toEqual([]);
    expect(plan.byDefault.outputs.transaction_search_stack_id).toEqual({ value: null, unknown: false });
  });

  test("creates a CloudFormation stack holding the template, with the indexing percentage from its input", () => {
    const cfn = plan.enabled.at("aws_cloudformation_stack.transaction_search[0]");
    expect(cfn.name).toBe("otlp-proxy-transaction-search");
    expect(JSON.parse(cfn.template_body).Resources.TransactionSearchConfig.Properties).toEqual({ IndexingPercentage: 10 });
    expect(plan.enabled.outputs.transaction_search_stack_id.unknown).toBe(true);
  });

  test("is created only in the regions listed, when a list is given", () => {
    expect(plan.listedElsewhere.ofType("aws_cloudformation_stack")).toHaveLength(0);
    expect(plan.listedHere.ofType("aws_cloudformation_stack")).toHaveLength(1);
  });
});
