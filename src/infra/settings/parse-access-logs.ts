import { EXECUTION_LOG_LEVELS } from "./aws-rules";
import { ACCESS_LOG_GROUP_NAME } from "./derived";
import { NAME_PREFIX_DEFAULTS } from "./parse-name-prefix";
import { RULES } from "./rules";
import { checkAcross, checkValue } from "./setting-checks";

/** How much API Gateway writes to its execution log group (`API-Gateway-Execution-Logs_<apiId>/<stage>`). */
export type ExecutionLogLevel = (typeof EXECUTION_LOG_LEVELS)[number];

/** Whether this stack creates the region's API Gateway account CloudWatch role, or leaves an existing one alone. */
export type AccountCloudWatchRole = "create" | "existing";

/** The settings of this concern, spread into `ProxySettings` and `DEFAULTS`; what each does is in SETTING_DESCRIPTIONS. */
export interface AccessLogSettings {
  readonly accessLogs: boolean;
  /** See SETTING_DESCRIPTIONS; the default follows `namePrefix` through {@link ACCESS_LOG_GROUP_NAME}. */
  readonly accessLogGroupName: string;
  readonly accessLogRetentionDays: number;
  /** See SETTING_DESCRIPTIONS; upper-case once parsed. */
  readonly executionLogLevel: ExecutionLogLevel;
  readonly detailedMetrics: boolean;
  readonly accountCloudWatchRole: AccountCloudWatchRole;
}

export const ACCESS_LOG_DEFAULTS: AccessLogSettings = {
  accessLogs: true,
  accessLogGroupName: ACCESS_LOG_GROUP_NAME.defaultName,
  accessLogRetentionDays: 30,
  executionLogLevel: "OFF",
  detailedMetrics: false,
  accountCloudWatchRole: "create",
};

type Report = (setting: string, received: unknown, allowed: string) => void;

/** Parses the access-log, execution-log and metrics settings; `namePrefix` is the parsed `namePrefix` setting. */
export function parseAccessLogs(input: Record<string, unknown>, report: Report, namePrefix = NAME_PREFIX_DEFAULTS.namePrefix): AccessLogSettings {
  const d = ACCESS_LOG_DEFAULTS;
  const bool = (name: keyof AccessLogSettings, what: string): boolean => {
    const value = input[name];
    if (value === undefined) return d[name] as boolean;
    if (typeof value === "boolean") return value;
    report(name, value, `true or false (${what})`);
    return d[name] as boolean;
  };
  const raw = input.accessLogGroupName ?? d.accessLogGroupName;
  const accessLogGroupName = typeof raw === "string" ? ACCESS_LOG_GROUP_NAME.ts({ namePrefix, accessLogGroupName: raw }) : raw;
  if (checkValue(RULES.accessLogGroupName, "accessLogGroupName", accessLogGroupName, report)) {
    const logGroupName = (input.logGroupName ?? "otlp-logs") as string;
    checkAcross(RULES.accessLogGroupNotLogGroup, { accessLogGroupName: accessLogGroupName as string, logGroupName }, "accessLogGroupName", accessLogGroupName, report);
  }
  const retention = input.accessLogRetentionDays ?? d.accessLogRetentionDays;
  checkValue(RULES.accessLogRetentionDays, "accessLogRetentionDays", retention, report);
  const levelText = input.executionLogLevel ?? d.executionLogLevel;
  const level = typeof levelText === "string" ? levelText.toUpperCase() : levelText;
  checkValue(RULES.executionLogLevel, "executionLogLevel", levelText, report);
  const role = input.accountCloudWatchRole ?? d.accountCloudWatchRole;
  checkValue(RULES.accountCloudWatchRole, "accountCloudWatchRole", role, report);
  return {
    accessLogs: bool("accessLogs", "false: no access log group and no access logs"),
    accessLogGroupName: typeof accessLogGroupName === "string" ? accessLogGroupName : d.accessLogGroupName,
    accessLogRetentionDays: typeof retention === "number" ? retention : d.accessLogRetentionDays,
    executionLogLevel: EXECUTION_LOG_LEVELS.includes(level as ExecutionLogLevel) ? (level as ExecutionLogLevel) : d.executionLogLevel,
    detailedMetrics: bool("detailedMetrics", "true turns on per-method CloudWatch metrics, billed as custom metrics"),
    accountCloudWatchRole: role === "existing" ? "existing" : "create",
  };
}
