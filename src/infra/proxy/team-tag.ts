/** The tag that names a key's and plan's team, read by the local gateway and handy for cost reports. */
export const TEAM_TAG = "otlp-proxy:team";
