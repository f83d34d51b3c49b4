import { AWS_COMMERCIAL_REGIONS } from "./aws-rules";
import { RULES } from "./rules";
import { checkValue, Report } from "./setting-checks";

export { NAME_PREFIX_RULE } from "./aws-rules";

/** The settings of this concern, spread into `ProxySettings` and `DEFAULTS`. */
export interface NamePrefixSettings {
  /** See SETTING_DESCRIPTIONS. Stack names and construct ids keep `otlp-proxy` (they are Terraform addresses and state keys). */
  readonly namePrefix: string;
}

/** `DEFAULTS.namePrefix` in defaults.ts points here: the names every stack had before the setting existed. */
export const NAME_PREFIX_DEFAULTS: NamePrefixSettings = { namePrefix: "otlp-proxy" };

/** The name a region's longest derived name is built from: the account logging role, `<prefix>-apigw-logs-<region>`. */
const LONGEST_REGION = [...AWS_COMMERCIAL_REGIONS].sort((a, b) => b.length - a.length)[0];

/** The longest IAM role name a valid prefix can give (tested against IAM's limit of 64). */
export function longestRoleName(namePrefix: string): string {
  return `${namePrefix}-apigw-logs-${LONGEST_REGION}`;
}

/** Validates `namePrefix` and fills in {@link NAME_PREFIX_DEFAULTS}. */
export function parseNamePrefix(input: Record<string, unknown>, report: Report): NamePrefixSettings {
  const value = input.namePrefix;
  if (value === undefined) return NAME_PREFIX_DEFAULTS;
  return checkValue(RULES.namePrefix, "namePrefix", value, report) ? { namePrefix: value as string } : NAME_PREFIX_DEFAULTS;
}
