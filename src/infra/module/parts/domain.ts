import { DOMAIN_SECURITY_POLICY } from "../../proxy/domain-security-policy";
import { Block } from "../hcl/hcl-block";
import { expr } from "../hcl/hcl-value";
import { nested, onlyIf, resource, TAGS } from "../hcl/blocks";
import { ApiChanges } from "./api-changes";

/** The custom domain (with `domain_name`): the domain, its mapping to the stage, and an alias record in a hosted zone. */
export function domainBlocks(changes: ApiChanges): Block[] {
  const withDomain = onlyIf("var.domain_name != null");
  return [
    changes.resource("aws_api_gateway_domain_name", "custom_domain", {
      count: withDomain,
      domain_name: expr("var.domain_name"),
      regional_certificate_arn: expr("var.certificate_arn"),
      security_policy: DOMAIN_SECURITY_POLICY,
      tags: TAGS,
      endpoint_configuration: nested("endpoint_configuration", { types: ["REGIONAL"], ip_address_type: expr("var.ip_address_type") }),
    }),
    changes.resource("aws_api_gateway_base_path_mapping", "custom_domain_mapping", {
      count: withDomain,
      api_id: expr("aws_api_gateway_rest_api.api.id"),
      stage_name: expr("aws_api_gateway_stage.api_stage.stage_name"),
      domain_name: expr("aws_api_gateway_domain_name.custom_domain[0].domain_name"),
      base_path: expr("var.base_path"),
    }),
    resource("aws_route53_record", "custom_domain_alias", {
      count: onlyIf("var.domain_name != null && var.hosted_zone_id != null"),
      zone_id: expr("var.hosted_zone_id"),
      name: expr("aws_api_gateway_domain_name.custom_domain[0].domain_name"),
      type: "A",
      alias: nested("alias", {
        name: expr("aws_api_gateway_domain_name.custom_domain[0].regional_domain_name"),
        zone_id: expr("aws_api_gateway_domain_name.custom_domain[0].regional_zone_id"),
        evaluate_target_health: false,
      }),
    }),
  ];
}
