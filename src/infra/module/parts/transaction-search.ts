import { transactionSearchName, transactionSearchTemplate } from "../../observability/transaction-search-template";
import { Block } from "../hcl/hcl-block";
import { Call, exprNumber, exprString, Value } from "../hcl/hcl-value";
import { onlyIf, PREFIX, resource, TAGS } from "../hcl/blocks";

/** The CloudFormation stack that turns on X-Ray Transaction Search, in the regions `transaction_search` names. */
export function transactionSearchBlocks(): Block[] {
  return [
    resource("aws_cloudformation_stack", "transaction_search", {
      count: onlyIf("var.transaction_search.enabled && (var.transaction_search.regions == null ? true : contains(coalesce(var.transaction_search.regions, []), local.region))"),
      name: transactionSearchName(PREFIX),
      template_body: new Call(
        "jsonencode",
        transactionSearchTemplate(exprNumber("var.transaction_search.indexing_percentage"), transactionSearchName(exprString("var.name_prefix"))) as Value,
      ),
      tags: TAGS,
    }),
  ];
}
