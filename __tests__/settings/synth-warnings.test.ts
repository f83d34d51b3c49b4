import { parseSettings } from "../../src/infra/settings/parse-settings";

const tracesWarning = (raw: object) => parseSettings(raw).warnings.filter((w) => w.includes("/v1/traces"));
const rateWarning = (raw: object) => parseSettings(raw).warnings.filter((w) => w.includes("usage plans allow"));

describe("the Transaction Search warning: traces cannot fail unnoticed", () => {
  test("is given with the default settings, naming every region with traces and how to check", () => {
    const [warning, ...others] = tracesWarning({});
    expect(others).toEqual([]);
    expect(warning).toContain("/v1/traces in us-east-1, us-west-2, ap-southeast-1, ap-southeast-2, eu-west-1 needs X-Ray Transaction Search");
    expect(warning).toContain('every trace export answers 400 "The OTLP API is supported with CloudWatch Logs as a Trace Segment Destination."');
    expect(warning).toContain("aws xray get-trace-segment-destination --region <region>");
    expect(warning).toContain("context.otlpProxy.transactionSearch.enabled");
  });

  test("names the one region when there is one", () => {
    expect(tracesWarning({ regions: ["eu-central-1"] })[0]).toContain("aws xray get-trace-segment-destination --region eu-central-1");
  });

  test("is not given where this project turns Transaction Search on", () => {
    expect(tracesWarning({ transactionSearch: { enabled: true } })).toEqual([]);
    expect(tracesWarning({ regions: ["us-east-1", "eu-west-1"], transactionSearch: { enabled: true, regions: ["eu-west-1"] } })[0]).toContain(
      "/v1/traces in us-east-1 needs",
    );
  });

  test("is not given where no traces route exists", () => {
    expect(tracesWarning({ signals: ["metrics", "logs"] })).toEqual([]);
  });
});

describe("the summed metrics rate warning", () => {
  const teams = [
    { name: "platform", rateLimit: 300, burstLimit: 300 },
    { name: "research", rateLimit: 250, burstLimit: 300 },
    { name: "interns", enabled: false },
  ];

  test("is not given while the metrics route's stage throttle (on by default, at 500) caps all teams", () => {
    expect(rateWarning({ teams })).toEqual([]);
  });

  test("is given when the throttle is off and the enabled teams' rates add up past 500, saying what to do", () => {
    const [warning] = rateWarning({ teams, metricsThrottle: { enabled: false } });
    expect(warning).toContain("the teams' usage plans allow 550 requests per second in all (platform 300, research 250)");
    expect(warning).toContain("above the 500 per second that CloudWatch's OTLP metrics endpoint takes per account");
    expect(warning).toContain("Lower the teams' rateLimit");
    expect(warning).toContain('context.otlpProxy.metricsThrottle set to {"enabled": true, "rateLimit": 500, "burstLimit": 500}');
  });

  test("counts a team without limits at the stack's throttle", () => {
    const [warning] = rateWarning({ throttle: { rateLimit: 200, burstLimit: 200 }, teams: [{ name: "a" }, { name: "b" }, { name: "c" }], metricsThrottle: { enabled: false } });
    expect(warning).toContain("allow 600 requests per second in all (a 200, b 200, c 200)");
  });

  test("is not given when the sum stays within 500, or no region routes metrics", () => {
    expect(rateWarning({ teams: [{ name: "a" }, { name: "b" }], metricsThrottle: { enabled: false } })).toEqual([]);
    expect(rateWarning({ teams, metricsThrottle: { enabled: false }, signals: ["traces", "logs"] })).toEqual([]);
  });
});

describe("the metrics route's stage throttle", () => {
  test("is on by default, at the endpoint's 500 requests per second", () => {
    expect(parseSettings({}).settings.metricsThrottle).toEqual({ enabled: true, rateLimit: 500, burstLimit: 500 });
  });

  test("takes a lower rate", () => {
    expect(parseSettings({ metricsThrottle: { rateLimit: 100, burstLimit: 150 } }).settings.metricsThrottle).toEqual({ enabled: true, rateLimit: 100, burstLimit: 150 });
  });
});
