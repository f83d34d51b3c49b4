import { CloudformationStack } from "../cdktf/aws";
import { Construct } from "../cdktf";
import { DEFAULTS } from "../settings/defaults";
import { transactionSearchName, transactionSearchTemplate } from "./transaction-search-template";

export interface TransactionSearchProps {
  /** Percentage of spans indexed as trace summaries (0–100; 1% is free). @default DEFAULTS.transactionSearch.indexingPercentage (1) */
  readonly indexingPercentage?: number;
  /**
   * The first part of the CloudFormation stack's name and of the CloudWatch Logs resource policy's name, both unique
   * per account and region: `<namePrefix>-transaction-search`. @default DEFAULTS.namePrefix ("otlp-proxy")
   */
  readonly namePrefix?: string;
  /** The CloudFormation stack's name. @default "<namePrefix>-transaction-search" */
  readonly stackName?: string;
}

/**
 * Switches on X-Ray Transaction Search, which the traces route needs (aws-behaviour.md, "Traces need X-Ray Transaction
 * Search"). hashicorp/aws 5.100.0 has no resource for it (`aws_xray_trace_segment_destination` arrives in 6.46.0), so a
 * CloudFormation stack holds `AWS::XRay::TransactionSearchConfig` and the `AWS::Logs::ResourcePolicy` for `aws/spans`.
 * Account- and region-wide; creating it fails when Transaction Search is already on in the region.
 */
export class TransactionSearch extends Construct {
  readonly stack: CloudformationStack;

  constructor(scope: Construct, id: string, props: TransactionSearchProps = {}) {
    super(scope, id);
    const name = transactionSearchName(props.namePrefix ?? DEFAULTS.namePrefix);
    this.stack = new CloudformationStack(this, "stack", {
      name: props.stackName ?? name,
      templateBody: JSON.stringify(transactionSearchTemplate(props.indexingPercentage ?? DEFAULTS.transactionSearch.indexingPercentage, name)),
    });
  }
}
