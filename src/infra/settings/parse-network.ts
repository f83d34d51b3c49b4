import { parsePerRegion, PerRegion, valueForRegion } from "./per-region";
import { CrossRule, DomainValues, IpAddressType, PER_REGION_HINT, RULES, settingsAllowed, ValueRule } from "./rules";

/**
 * The settings of this concern, spread into `ProxySettings` and `DEFAULTS`; what each does is in SETTING_DESCRIPTIONS
 * (setting-descriptions.ts). Each but `ipAddressType` may differ per region. `null` (the default, also accepted in
 * cdktf.json) means "none", so every setting has a default the settings table can show.
 */
export interface NetworkSettings {
  readonly allowedSourceCidrs: PerRegion<readonly string[]> | null;
  readonly webAclArn: PerRegion<string> | null;
  readonly domainName: PerRegion<string> | null;
  readonly certificateArn: PerRegion<string> | null;
  readonly hostedZoneId: PerRegion<string> | null;
  readonly basePath: PerRegion<string> | null;
  readonly disableExecuteApiEndpoint: PerRegion<boolean>;
  /** See SETTING_DESCRIPTIONS; docs/aws-facts.md, "IP address types". */
  readonly ipAddressType: IpAddressType;
}

export const NETWORK_DEFAULTS: NetworkSettings = {
  allowedSourceCidrs: null,
  webAclArn: null,
  domainName: null,
  certificateArn: null,
  hostedZoneId: null,
  basePath: null,
  disableExecuteApiEndpoint: false,
  ipAddressType: "ipv4",
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
    basePath: valueForRegion(settings.basePath, region, isString),
    disableExecuteApiEndpoint: valueForRegion(settings.disableExecuteApiEndpoint, region, isBoolean) ?? false,
  };
}

/** Parses the network settings; `regions` are the already parsed regions. */
export function parseNetwork(raw: Record<string, unknown>, regions: readonly string[], report: Report): NetworkSettings {
  // An explicit null is the same as leaving a setting out.
  const input = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null));
  /** A value rule, with the per-region form added to its allowed text. */
  const one = (rule: ValueRule, r: Report, setting: string, value: unknown) =>
    rule.check(value) || fail(r, setting, value, settingsAllowed(rule, PER_REGION_HINT));
  const cidrs = parsePerRegion<readonly string[]>(
    "allowedSourceCidrs",
    input.allowedSourceCidrs,
    regions,
    isList,
    (setting, value, _region, r) => {
      if (!one(RULES.allowedSourceCidrs, r, setting, value)) return false;
      const list = value as readonly unknown[];
      let ok = true;
      list.forEach((cidr, index) => {
        if (!RULES.allowedSourceCidr.check(cidr)) ok = fail(r, `${setting}[${index}]`, cidr, settingsAllowed(RULES.allowedSourceCidr));
      });
      if (ok && !RULES.allowedSourceCidrsDistinct.check(list)) {
        // The rule says whether two ranges are the same; each range that repeats an earlier one is reported.
        const same = (a: unknown, b: unknown) => !RULES.allowedSourceCidrsDistinct.check([a, b]);
        list.forEach((cidr, index) => {
          if (list.slice(0, index).some((earlier) => same(earlier, cidr))) ok = fail(r, `${setting}[${index}]`, cidr, settingsAllowed(RULES.allowedSourceCidrsDistinct));
        });
      }
      return ok;
    },
    report,
    "a list of CIDR ranges",
  );
  /** An ARN checked by its rule, then against the region of each stack it is used in. */
  const regionalArn = (name: string, rule: ValueRule, inRegion: CrossRule<{ arn?: string; region: string }>) =>
    parsePerRegion<string>(
      name,
      input[name],
      regions,
      isString,
      (setting, value, region, r) => {
        if (!one(rule, r, setting, value)) return false;
        if (inRegion.check({ arn: value as string, region })) return true;
        return fail(r, setting, value, settingsAllowed(inRegion, `; here ${region}, so give one per region as {"${region}": "..."}`));
      },
      report,
      settingsAllowed(rule),
    );
  const webAclArn = regionalArn("webAclArn", RULES.webAclArn, RULES.webAclInRegion);
  const certificateArn = regionalArn("certificateArn", RULES.certificateArn, RULES.certificateInRegion);
  const named = (name: string, rule: ValueRule) =>
    parsePerRegion<string>(name, input[name], regions, isString, (setting, value, _region, r) => one(rule, r, setting, value), report, settingsAllowed(rule));
  const domainName = named("domainName", RULES.domainName);
  const hostedZoneId = named("hostedZoneId", RULES.hostedZoneId);
  const basePath = named("basePath", RULES.basePath);
  const disable = parsePerRegion<boolean>(
    "disableExecuteApiEndpoint",
    input.disableExecuteApiEndpoint,
    regions,
    isBoolean,
    (setting, value, _region, r) => (typeof value === "boolean" ? true : fail(r, setting, value, `true or false${PER_REGION_HINT}`)),
    report,
    "true or false",
  );
  const ipAddressType =
    input.ipAddressType === undefined || checkRule(RULES.ipAddressType, "ipAddressType", input.ipAddressType, report)
      ? ((input.ipAddressType ?? NETWORK_DEFAULTS.ipAddressType) as IpAddressType)
      : NETWORK_DEFAULTS.ipAddressType;
  const settings: NetworkSettings = {
    ipAddressType,
    allowedSourceCidrs: cidrs ?? null,
    webAclArn: webAclArn ?? null,
    domainName: domainName ?? null,
    certificateArn: certificateArn ?? null,
    hostedZoneId: hostedZoneId ?? null,
    basePath: basePath ?? null,
    disableExecuteApiEndpoint: disable ?? false,
  };
  checkCombinations(input, settings, regions, report);
  return settings;
}

/**
 * Settings that only make sense together, checked region by region on the values each region's module call gets (the
 * rules of the table, preconditions in the module). A value given for a region without a custom domain is refused,
 * never ignored: the module refuses it too.
 */
function checkCombinations(input: Record<string, unknown>, settings: NetworkSettings, regions: readonly string[], report: Report): void {
  const reported = new Set<string>();
  const once = (setting: string, received: unknown, allowed: string) => {
    if (reported.has(setting)) return;
    reported.add(setting);
    report(setting, received, allowed);
  };
  const rules: readonly [CrossRule<DomainValues>, (region: string) => string][] = [
    [RULES.domainNeedsCertificate, (region) => `; ${region} has a domainName but no certificateArn`],
    [RULES.certificateNeedsDomain, (region) => `; ${region} has no custom domain (values can be given per region)`],
    [RULES.hostedZoneNeedsDomain, (region) => `; ${region} has no custom domain (values can be given per region)`],
    [RULES.basePathNeedsDomain, (region) => `; ${region} has no custom domain (values can be given per region)`],
    [RULES.disableExecuteApiNeedsDomain, (region) => `; ${region} has no custom domain`],
  ];
  for (const region of regions) {
    const net = networkForRegion(settings, region);
    for (const [rule, detail] of rules) {
      if (!rule.check(net)) once(rule.setting, input[rule.setting], settingsAllowed(rule, detail(region)));
    }
    const ipv6 = net.allowedSourceCidrs?.find((cidr) => cidr.includes(":"));
    if (!RULES.ipv6NeedsDualstack.check({ ipAddressType: settings.ipAddressType, allowedSourceCidrs: net.allowedSourceCidrs })) {
      once("allowedSourceCidrs", ipv6, settingsAllowed(RULES.ipv6NeedsDualstack, `; ${region} lists ${ipv6}`));
    }
  }
  // A rule of settings only: the same regional domain name may exist in several regions (for latency-based routing,
  // set up outside this stack), but the simple alias record each region's stack writes can point at only one region.
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

function checkRule(rule: ValueRule, setting: string, value: unknown, report: Report): boolean {
  return rule.check(value) || fail(report, setting, value, settingsAllowed(rule));
}

function fail(report: Report, setting: string, received: unknown, allowed: string): false {
  report(setting, received, allowed);
  return false;
}
