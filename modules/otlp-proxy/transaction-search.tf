locals {
  transaction_search_here = var.transaction_search.enabled && (var.transaction_search.regions == null ? true : contains(var.transaction_search.regions, local.region))
}

resource "aws_cloudformation_stack" "transaction_search" {
  count = local.transaction_search_here ? 1 : 0

  name = "${var.name_prefix}-transaction-search"
  template_body = jsonencode({
    AWSTemplateFormatVersion = "2010-09-09"
    Description              = "X-Ray Transaction Search for the OTLP proxy: spans to CloudWatch Logs (aws/spans). Account- and region-wide."
    Resources = {
      LogsResourcePolicy = {
        Type = "AWS::Logs::ResourcePolicy"
        Properties = {
          PolicyName = "${var.name_prefix}-transaction-search"
          PolicyDocument = {
            "Fn::Join" = [
              "",
              [
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TransactionSearchXRayAccess\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"xray.amazonaws.com\"},\"Action\":\"logs:PutLogEvents\",\"Resource\":[\"arn:",
                { Ref = "AWS::Partition" },
                ":logs:",
                { Ref = "AWS::Region" },
                ":",
                { Ref = "AWS::AccountId" },
                ":log-group:aws/spans:*\",\"arn:",
                { Ref = "AWS::Partition" },
                ":logs:",
                { Ref = "AWS::Region" },
                ":",
                { Ref = "AWS::AccountId" },
                ":log-group:/aws/application-signals/data:*\"],\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":\"arn:",
                { Ref = "AWS::Partition" },
                ":xray:",
                { Ref = "AWS::Region" },
                ":",
                { Ref = "AWS::AccountId" },
                ":*\"},\"StringEquals\":{\"aws:SourceAccount\":\"",
                { Ref = "AWS::AccountId" },
                "\"}}}]}",
              ],
            ]
          }
        }
      }
      TransactionSearchConfig = {
        Type       = "AWS::XRay::TransactionSearchConfig"
        DependsOn  = "LogsResourcePolicy"
        Properties = { IndexingPercentage = var.transaction_search.indexing_percentage }
      }
    }
    Outputs = { AccountId = { Value = { "Fn::GetAtt" = ["TransactionSearchConfig", "AccountId"] } } }
  })
  tags = var.tags
}
