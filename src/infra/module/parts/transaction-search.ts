import { TRANSACTION_SEARCH_HERE } from "../../settings/derived";
import { transactionSearchName, transactionSearchTemplate } from "../../observability/transaction-search-template";
import { Block } from "../hcl/hcl-block";
import { Call, expr, exprNumber, exprString, Value } from "../hcl/hcl-value";
import { locals, onlyIf, PREFIX, resource, TAGS } from "../hcl/blocks";

/** The CloudFormation stack that turns on X-Ray Transaction Search, in the regions `transaction_search` names. */
export function transactionSearchBlocks(): Block[] {
  return [
    locals({ [TRANSACTION_SEARCH_HERE.local]: expr(TRANSACTION_SEARCH_HERE.hcl) }),
    resource("aws_cloudformation_stack", "transaction_search", {
      count: onlyIf(`local.${TRANSACTION_SEARCH_HERE.local}`),
      name: transactionSearchName(PREFIX),
      template_body: new Call(
        "jsonencode",
        transactionSearchTemplate(exprNumber("var.transaction_search.indexing_percentage"), transactionSearchName(exprString("var.name_prefix"))) as Value,
      ),
      tags: TAGS,
    }),
  ];
}
