/**
 * The name of a region's stack: also its folder under `cdktf.out/stacks/` and its state key, so it is a public
 * contract that must not change.
 */
export function regionStackName(region: string): string {
  return `otlp-proxy-${region}`;
}
