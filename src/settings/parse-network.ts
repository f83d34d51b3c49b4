import { parseCidr, withPrefix } from "../net/cidr";
import { BASE_PATH, CERTIFICATE_ARN, DOMAIN_NAME, HOSTED_ZONE_ID, WEB_ACL_ARN } from "./aws-rules";
import { parsePerRegion, PerRegion, valueForRegion } from "./per-region";

/**
 * The settings of this concern, spread into `ProxySettings` and `DEFAULTS`. Each may differ per region. `null` (the
 * default, also accepted in cdktf.json) means "none", so every setting has a default the README table can show.
 */
export interface NetworkSettings {
  /** Source IP ranges allowed to call the API; every other source is denied by a resource policy. */
  readonly allowedSourceCidrs: PerRegion<readonly string[]> | null;
  /** A regional WAFv2 web ACL, in the stack's region, to associate with the stage. */
  readonly webAclArn: PerRegion<string> | null;
  /** A custom domain for the endpoint (needs `certificateArn`). */
  readonly domainName: PerRegion<string> | null;
  /** An ACM certificate for `domainName` in the stack's region. */
  readonly certificateArn: PerRegion<string> | null;
  /** A Route 53 public hosted zone in which to create an alias record for `domainName`. */
  readonly hostedZoneId: PerRegion<string> | null;
  /** The path under the custom domain that maps to the stage; none maps the domain's root. */
  readonly basePath: string | null;
  /** Turn off the default `execute-api` endpoint, so only the custom domain answers (needs `domainName`). */
  readonly disableExecuteApiEndpoint: PerRegion<boolean>;
}

export const NETWORK_DEFAULTS: NetworkSettings = {
  allowedSourceCidrs: null,
  webAclArn: null,
  domainName: null,
  certificateArn: null,
  hostedZoneId: null,
  basePath: null,
  disableExecuteApiEndpoint: false,
};

/** The network settings of one region's stack. */
export interface RegionNetwork {
  readonly allowedSourceCidrs?: readonly string[];
  readonly webAclArn?: string;
  readonly domainName?: string;
  readonly certificateArn?: string;
  readonly hostedZoneId?: string;
  readonly basePath?: string;
  readonly disableExecuteApiEndpoint: boolean;
}

type Report = (setting: string, received: unknown, allowed: string) => void;

const isString = (v: unknown): v is string => typeof v === "string";
const isList = (v: unknown): v is readonly string[] => Array.isArray(v);
const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";

/** Resolves the per-region network settings for one region. */
export function networkForRegion(settings: NetworkSettings, region: string): RegionNetwork {
  return {
    allowedSourceCidrs: valueForRegion(settings.allowedSourceCidrs, region, isList),
    webAclArn: valueForRegion(settings.webAclArn, region, isString),
    domainName: valueForRegion(settings.domainName, region, isString),
    certificateArn: valueForRegion(settings.certificateArn, region, isString),
    hostedZoneId: valueForRegion(settings.hostedZoneId, region, isString),
    basePath: settings.basePath ?? undefined,
    disableExecuteApiEndpoint: valueForRegion(settings.disableExecuteApiEndpoint, region, isBoolean) ?? false,
  };
}

/** Parses the network settings; `regions` are the already parsed regions. */
export function parseNetwork(raw: Record<string, unknown>, regions: readonly string[], report: Report): NetworkSettings {
  // An explicit null is the same as leaving a setting out.
  const input = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null));
  const perRegionHint = 'or an object of such values keyed by region or "default"';
  const cidrs = parsePerRegion<readonly string[]>(
    "allowedSourceCidrs",
    input.allowedSourceCidrs,
    regions,
    isList,
    (setting, value, _region, r) => {
      const allowed = `a non-empty list of at most 100 distinct IPv4 or IPv6 CIDR ranges such as "203.0.113.0/24" or "2001:db8::/32", ${perRegionHint}`;
      if (!Array.isArray(value) || value.length === 0 || value.length > 100) return fail(r, setting, value, allowed);
      let ok = true;
      value.forEach((cidr, index) => {
        if (typeof cidr !== "string" || !parseCidr(cidr)) ok = fail(r, `${setting}[${index}]`, cidr, "an IPv4 or IPv6 CIDR range such as 203.0.113.0/24 or 2001:db8::/32");
        else if (value.findIndex((other) => typeof other === "string" && withPrefix(other) === withPrefix(cidr)) !== index) {
          ok = fail(r, `${setting}[${index}]`, cidr, "each range once (a bare address is the same as its /32 or /128)");
        }
      });
      return ok;
    },
    report,
    "a list of CIDR ranges",
  );
  const regionalArn = (name: string, pattern: RegExp, what: string) =>
    parsePerRegion<string>(
      name,
      input[name],
      regions,
      isString,
      (setting, value, region, r) => {
        const match = typeof value === "string" ? pattern.exec(value) : null;
        if (!match) return fail(r, setting, value, `${what}, ${perRegionHint}`);
        if (match[1] !== region) {
          return fail(r, setting, value, `an ARN in the stack's region ${region} (${what} must be in the region of the API that uses it); give one per region as {"${region}": "..."}`);
        }
        return true;
      },
      report,
      what,
    );
  const webAclArn = regionalArn("webAclArn", WEB_ACL_ARN, "a regional WAFv2 web ACL ARN arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>");
  const certificateArn = regionalArn("certificateArn", CERTIFICATE_ARN, "an ACM certificate ARN arn:aws:acm:<region>:<account>:certificate/<id>");
  const named = (name: string, rule: { pattern: RegExp; rule: string }) =>
    parsePerRegion<string>(
      name,
      input[name],
      regions,
      isString,
      (setting, value, _region, r) => (typeof value === "string" && rule.pattern.test(value) ? true : fail(r, setting, value, `${rule.rule}, ${perRegionHint}`)),
      report,
      rule.rule,
    );
  const domainName = named("domainName", DOMAIN_NAME);
  const hostedZoneId = named("hostedZoneId", HOSTED_ZONE_ID);
  const disable = parsePerRegion<boolean>(
    "disableExecuteApiEndpoint",
    input.disableExecuteApiEndpoint,
    regions,
    isBoolean,
    (setting, value, _region, r) => (typeof value === "boolean" ? true : fail(r, setting, value, `true or false, ${perRegionHint}`)),
    report,
    "true or false",
  );
  let basePath: string | null = null;
  if (input.basePath !== undefined) {
    if (typeof input.basePath === "string" && BASE_PATH.pattern.test(input.basePath)) basePath = input.basePath;
    else report("basePath", input.basePath, BASE_PATH.rule);
  }
  const settings: NetworkSettings = {
    allowedSourceCidrs: cidrs ?? null,
    webAclArn: webAclArn ?? null,
    domainName: domainName ?? null,
    certificateArn: certificateArn ?? null,
    hostedZoneId: hostedZoneId ?? null,
    basePath,
    disableExecuteApiEndpoint: disable ?? false,
  };
  checkCombinations(input, settings, regions, report);
  return settings;
}

/** Settings that only make sense together, checked region by region. */
function checkCombinations(input: Record<string, unknown>, settings: NetworkSettings, regions: readonly string[], report: Report): void {
  const reported = new Set<string>();
  const once = (setting: string, received: unknown, allowed: string) => {
    if (reported.has(setting)) return;
    reported.add(setting);
    report(setting, received, allowed);
  };
  for (const region of regions) {
    const net = networkForRegion(settings, region);
    if (net.domainName && !net.certificateArn && input.certificateArn === undefined) {
      once("certificateArn", input.certificateArn, `an ACM certificate ARN for domainName in ${region} (a custom domain needs a certificate in its own region)`);
    } else if (net.domainName && !net.certificateArn && settings.certificateArn !== undefined) {
      once("certificateArn", input.certificateArn, `a certificate for ${region} too, since domainName gives ${region} a custom domain`);
    }
    if (!net.domainName && net.certificateArn) {
      once("certificateArn", input.certificateArn, `only together with domainName (${region} has a certificate but no domain)`);
    }
    // A zone given for every region is fine where some regions have no domain; one given for this region is not.
    const zoneForThisRegion = typeof input.hostedZoneId === "object" && input.hostedZoneId !== null && region in input.hostedZoneId;
    if (!net.domainName && net.hostedZoneId && (zoneForThisRegion || regions.every((r) => !networkForRegion(settings, r).domainName))) {
      once("hostedZoneId", input.hostedZoneId, `only together with domainName (${region} has no custom domain)`);
    }
    if (!net.domainName && net.disableExecuteApiEndpoint) {
      once("disableExecuteApiEndpoint", input.disableExecuteApiEndpoint, `true only where domainName gives a custom domain (${region} has none, so it would have no endpoint at all)`);
    }
    if (!net.domainName && input.basePath !== undefined && regions.every((r) => !networkForRegion(settings, r).domainName)) {
      once("basePath", input.basePath, "only together with domainName");
    }
  }
  // The same regional domain name may exist in several regions (for latency-based routing, set up outside this stack),
  // but the simple alias record this stack writes can point at only one region.
  const withRecord = regions.map((r) => networkForRegion(settings, r)).filter((n) => n.domainName && n.hostedZoneId);
  withRecord.forEach((net, index) => {
    if (withRecord.findIndex((other) => other.domainName === net.domainName) !== index) {
      once(
        "hostedZoneId",
        input.hostedZoneId,
        `alias records for different domain names per region (${net.domainName} would get one record from two regions' stacks); ` +
          "give domainName per region, or leave hostedZoneId out and create latency records yourself",
      );
    }
  });
}

function fail(report: Report, setting: string, received: unknown, allowed: string): false {
  report(setting, received, allowed);
  return false;
}
