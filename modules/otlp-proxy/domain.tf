resource "aws_api_gateway_domain_name" "custom_domain" {
  count = var.domain_name != null ? 1 : 0

  domain_name              = var.domain_name
  regional_certificate_arn = var.certificate_arn
  security_policy          = "TLS_1_2"
  tags                     = var.tags
  endpoint_configuration {
    types           = ["REGIONAL"]
    ip_address_type = var.ip_address_type
  }

  depends_on = [aws_wafv2_web_acl_association.web_acl]
}

resource "aws_api_gateway_base_path_mapping" "custom_domain_mapping" {
  count = var.domain_name != null ? 1 : 0

  api_id      = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.api_stage.stage_name
  domain_name = aws_api_gateway_domain_name.custom_domain[0].domain_name
  base_path   = var.base_path

  depends_on = [aws_api_gateway_domain_name.custom_domain]
}

resource "aws_route53_record" "custom_domain_alias" {
  count = var.domain_name != null && var.hosted_zone_id != null ? 1 : 0

  zone_id = var.hosted_zone_id
  name    = aws_api_gateway_domain_name.custom_domain[0].domain_name
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.custom_domain[0].regional_domain_name
    zone_id                = aws_api_gateway_domain_name.custom_domain[0].regional_zone_id
    evaluate_target_health = false
  }
}
