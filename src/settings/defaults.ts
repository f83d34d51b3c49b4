import { SIGNALS, Signal } from "../otlp/signals";

/** Requests per second and burst of one usage plan. */
export interface Throttle {
  /** Steady-state requests per second. */
  readonly rateLimit: number;
  /** Requests allowed in a burst above the rate. */
  readonly burstLimit: number;
}

/** Routes per region: one list for every region, or lists by region name with an optional `default`. */
export type SignalSelection = readonly Signal[] | Readonly<Record<string, readonly Signal[]>>;

/** Everything a user can set under `context.otlpProxy` in `cdktf.json`. */
export interface ProxySettings {
  /** One Terraform stack, `otlp-proxy-<region>`, is synthesized per region. */
  readonly regions: readonly string[];
  /** The API Gateway stage, the last segment of the endpoint URL. */
  readonly stageName: string;
  /** The CloudWatch log group that OTLP log records are written to. */
  readonly logGroupName: string;
  /** The log stream inside that group; every client shares it. */
  readonly logStreamName: string;
  /** How long CloudWatch keeps OTLP log records; 0 keeps them forever. */
  readonly logRetentionDays: number;
  /** The usage plan's throttle for the API key. */
  readonly throttle: Throttle;
  /** Which routes exist. */
  readonly signals: SignalSelection;
  /** Tags on every resource (the provider's default tags). */
  readonly tags: Readonly<Record<string, string>>;
}

/** The single source of every default: the code resolves settings from it and the README's table mirrors it. */
export const DEFAULTS: ProxySettings = {
  regions: ["us-east-1", "us-west-2", "ap-southeast-1", "ap-southeast-2", "eu-west-1"],
  stageName: "prod",
  logGroupName: "otlp-logs",
  logStreamName: "otlp",
  logRetentionDays: 30,
  throttle: { rateLimit: 100, burstLimit: 200 },
  signals: [...SIGNALS],
  tags: {},
};
