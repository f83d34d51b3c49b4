import { OTLP_ENDPOINT_REGIONS, regionsWithEndpoint } from "../../src/infra/aws-regions/otlp-endpoint-regions";
import { AWS_COMMERCIAL_REGIONS } from "../../src/infra/settings/aws-rules";
import { parseSettings } from "../../src/infra/settings/parse-settings";
import { moduleMessage } from "../../src/infra/module/rule-validations";
import { ENDPOINT_REGION_RULES } from "../../src/infra/settings/rules";
import { problemsOf } from "../support/settings-problems";

describe("the OTLP endpoint region table", () => {
  test("lists OTLP metrics in the 31 regions of CloudWatch's PromQL page, beyond the five of the preview", () => {
    const metrics = regionsWithEndpoint("metrics");
    expect(metrics).toHaveLength(31);
    for (const region of ["us-east-1", "us-west-2", "ap-southeast-1", "ap-southeast-2", "eu-west-1", "eu-central-1", "us-east-2", "ap-northeast-1", "sa-east-1", "ap-southeast-6"]) {
      expect(metrics).toContain(region);
    }
  });

  test("leaves out the regions the page omits: il-central-1, me-central-1 and me-south-1", () => {
    for (const region of ["il-central-1", "me-central-1", "me-south-1"]) expect(regionsWithEndpoint("metrics")).not.toContain(region);
    expect(OTLP_ENDPOINT_REGIONS.metrics.without).toEqual(["il-central-1", "me-central-1", "me-south-1"]);
  });

  test("refuses traces and logs nowhere, since AWS publishes no list to refuse from", () => {
    expect(regionsWithEndpoint("traces")).toEqual(AWS_COMMERCIAL_REGIONS);
    expect(regionsWithEndpoint("logs")).toEqual(AWS_COMMERCIAL_REGIONS);
    expect(Object.keys(ENDPOINT_REGION_RULES)).toEqual(["metricsEndpointRegion"]);
  });

  test("holds only commercial regions, each with its source", () => {
    for (const entry of Object.values(OTLP_ENDPOINT_REGIONS)) {
      for (const region of [...entry.regions, ...entry.without]) expect(AWS_COMMERCIAL_REGIONS).toContain(region);
      expect(entry.source).toMatch(/^\[(doc|open)\] /);
    }
  });
});

describe("settings read the region table", () => {
  test("accept metrics in a supported region beyond the five, with no warning about it", () => {
    const { settings, warnings } = parseSettings({ regions: ["eu-central-1", "us-east-2"], transactionSearch: { enabled: true } });
    expect(settings.regions).toEqual(["eu-central-1", "us-east-2"]);
    expect(warnings).toEqual([]);
  });

  test("accept ap-southeast-6 (Asia Pacific, New Zealand)", () => {
    expect(parseSettings({ regions: ["ap-southeast-6"] }).settings.regions).toEqual(["ap-southeast-6"]);
  });

  test("refuse metrics in a region without the endpoint, naming the signal, the region and the regions that have it", () => {
    const message = problemsOf({ regions: ["us-east-1", "il-central-1"] });
    expect(message).toContain('context.otlpProxy.signals: received ["metrics","traces","logs"]; allowed: metrics only in a region where CloudWatch has the OTLP metrics endpoint: ');
    expect(message).toContain("ap-southeast-6");
    expect(message).toContain('here il-central-1: give it its own list, e.g. "il-central-1": ["traces", "logs"]');
  });

  test("refuse a region's own list with metrics there, on that key", () => {
    const message = problemsOf({ regions: ["me-south-1"], signals: { default: ["logs"], "me-south-1": ["metrics", "logs"] } });
    expect(message).toContain('context.otlpProxy.signals.me-south-1: received ["metrics","logs"]; allowed: metrics only in a region where');
  });

  test("accept such a region once its list leaves metrics out", () => {
    const { settings } = parseSettings({ regions: ["us-east-1", "me-central-1"], signals: { default: ["metrics", "traces", "logs"], "me-central-1": ["traces", "logs"] } });
    expect(settings.regions).toEqual(["us-east-1", "me-central-1"]);
  });

  test("and the module's message names the signal and the regions the same way", () => {
    expect(moduleMessage(ENDPOINT_REGION_RULES.metricsEndpointRegion)).toMatch(/^signals: metrics only in a region where CloudWatch has the OTLP metrics endpoint: af-south-1, /);
  });
});
