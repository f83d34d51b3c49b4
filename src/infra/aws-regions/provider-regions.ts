/**
 * Commercial regions newer than the pinned hashicorp/aws 5.100.0, whose region check refuses them ("invalid AWS
 * Region"): a region stack there skips the provider's region check; settings and the module check regions themselves
 * (rules.ts, commercialRegion). Found by planning every commercial region with 5.100.0 offline. The module's
 * `aws_region` data source still fails there with 5.100.0 ("finding Region by name"): a deployment in ap-southeast-6
 * needs a provider that knows the region (docs/aws-facts.md, "OTLP endpoint regions").
 */
export const REGIONS_UNKNOWN_TO_PROVIDER: readonly string[] = ["ap-southeast-6"];
