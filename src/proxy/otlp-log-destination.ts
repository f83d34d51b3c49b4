import { CloudwatchLogGroup, CloudwatchLogStream } from "../cdktf/aws";
import { Construct } from "../cdktf";

export interface OtlpLogDestinationProps {
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** 0 keeps records forever. */
  readonly retentionInDays: number;
}

/**
 * The log group and stream that OTLP log records land in. Both must exist before the first write: CloudWatch answers
 * 400 for a missing group or stream (aws-behaviour.md, "CloudWatch OTLP endpoints" [doc/code]).
 */
export class OtlpLogDestination extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  readonly logStream: CloudwatchLogStream;

  constructor(scope: Construct, id: string, props: OtlpLogDestinationProps) {
    super(scope, id);
    this.logGroup = new CloudwatchLogGroup(this, "group", {
      name: props.logGroupName,
      retentionInDays: props.retentionInDays,
    });
    this.logStream = new CloudwatchLogStream(this, "stream", {
      name: props.logStreamName,
      logGroupName: this.logGroup.name,
    });
  }
}
