import { createHash } from "crypto";
import { CloudwatchLogMetricFilter, CloudwatchMetricAlarm, SnsTopic, SnsTopicSubscription } from "../cdktf/aws";
import { Construct } from "../cdktf";
import { DEFAULTS } from "../settings/defaults";
import { AlarmSettings } from "../settings/parse-alarms";
import { AccessLogSource, DEFAULT_ACCESS_LOG_FIELDS } from "./access-log-fields";
import { alarmSpecs, isExtendedStatistic, THROTTLED_METRIC, throttledFilterPattern, throttledMetricNamespace } from "./alarm-specs";

export interface ProxyAlarmsProps {
  /** The REST API's name: the `ApiName` dimension. */
  readonly apiName: string;
  /** The stage: the `Stage` dimension. */
  readonly stageName: string;
  /** Thresholds, periods and notification targets. @default DEFAULTS.alarms */
  readonly settings?: AlarmSettings;
  /** An existing SNS topic in this region to notify; no topic is created. @default - a topic when `settings.emails` is not empty */
  readonly topicArn?: string;
  /** The stage's access logs: adds the 429 metric filter and alarm. @default - no 429 alarm (AWS/ApiGateway has no 429 metric) */
  readonly accessLogs?: AccessLogSource;
  /**
   * Prefix of the alarm, topic and metric filter names; a prefix other than the default also moves the 429 metric to
   * the namespace `OtlpProxy/<namePrefix>`. @default DEFAULTS.namePrefix ("otlp-proxy")
   */
  readonly namePrefix?: string;
}

/**
 * The proxy's alarms: 5XX errors, a spike of 4XX (wrong or leaked keys), integration latency and, with access logs,
 * 429 answers; notifying an SNS topic with email subscriptions, or an existing topic.
 */
export class ProxyAlarms extends Construct {
  readonly alarms: CloudwatchMetricAlarm[] = [];
  readonly topic?: SnsTopic;
  /** The topic the alarms notify, if any. */
  readonly topicArn?: string;

  constructor(scope: Construct, id: string, props: ProxyAlarmsProps) {
    super(scope, id);
    const settings = props.settings ?? DEFAULTS.alarms;
    const prefix = props.namePrefix ?? DEFAULTS.namePrefix;
    const throttledNamespace = throttledMetricNamespace(prefix);

    if (props.topicArn) {
      this.topicArn = props.topicArn;
    } else if (settings.emails.length > 0) {
      this.topic = new SnsTopic(this, "topic", { name: `${prefix}-alarms` });
      this.topicArn = this.topic.arn;
    }
    if (this.topicArn) {
      for (const email of settings.emails) {
        new SnsTopicSubscription(this, `email-${emailId(email)}`, { topicArn: this.topicArn, protocol: "email", endpoint: email });
      }
    }

    if (props.accessLogs) {
      const fields = props.accessLogs.fields ?? DEFAULT_ACCESS_LOG_FIELDS;
      new CloudwatchLogMetricFilter(this, "throttled-filter", {
        name: `${prefix}-throttled`,
        logGroupName: props.accessLogs.logGroupName,
        pattern: throttledFilterPattern(fields.status),
        metricTransformation: { namespace: throttledNamespace, name: THROTTLED_METRIC.name, value: "1", defaultValue: "0", unit: "Count" },
      });
    }

    const actions = this.topicArn ? [this.topicArn] : undefined;
    for (const spec of alarmSpecs({ ApiName: props.apiName, Stage: props.stageName }, settings, props.accessLogs !== undefined, throttledNamespace)) {
      const extended = isExtendedStatistic(spec.statistic);
      this.alarms.push(
        new CloudwatchMetricAlarm(this, spec.id, {
          alarmName: `${prefix}-${props.stageName}-${spec.id}`,
          alarmDescription: spec.description,
          namespace: spec.namespace,
          metricName: spec.metricName,
          dimensions: Object.keys(spec.dimensions).length > 0 ? { ...spec.dimensions } : undefined,
          statistic: extended ? undefined : spec.statistic,
          extendedStatistic: extended ? spec.statistic : undefined,
          period: settings.periodSeconds,
          evaluationPeriods: settings.evaluationPeriods,
          threshold: spec.threshold,
          comparisonOperator: "GreaterThanOrEqualToThreshold",
          // No requests means no errors: an idle proxy is healthy.
          treatMissingData: "notBreaching",
          alarmActions: actions,
          okActions: actions,
        }),
      );
    }
  }
}

/** A construct id for one email subscription: stable while the address stays in the list, whatever its position. */
function emailId(email: string): string {
  const readable = email.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 64);
  return `${readable}-${createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 8)}`;
}
