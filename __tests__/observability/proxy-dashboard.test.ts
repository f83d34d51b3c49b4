import { API_GATEWAY_DIMENSION_SETS, API_GATEWAY_METRICS, API_GATEWAY_NAMESPACE } from "../../src/observability/api-gateway-metrics";
import { resourcesOfType, synthesizeApp, SynthesizedStack } from "../support/synth";
import { refersToStackResource, terraformReferences } from "../support/terraform-refs";

function dashboardOf(stack: SynthesizedStack): { name: string; body: any } | undefined {
  const [dashboard] = resourcesOfType(stack.json, "aws_cloudwatch_dashboard");
  return dashboard && { name: dashboard.dashboard_name, body: JSON.parse(dashboard.dashboard_body) };
}

describe("ProxyDashboard in a region stack", () => {
  // GIVEN every feature that adds widgets: detailed metrics, access logs with two teams, alarms
  const [stack] = synthesizeApp({
    regions: ["us-east-1"],
    detailedMetrics: true,
    teams: [{ name: "platform" }, { name: "data" }],
  });
  const { name, body } = dashboardOf(stack)!;

  test("creates one dashboard per region stack, named for the region", () => {
    expect(resourcesOfType(stack.json, "aws_cloudwatch_dashboard")).toHaveLength(1);
    expect(name).toBe("otlp-proxy-us-east-1");
  });

  test("names in its AWS/ApiGateway dimensions only the API and stage the stack creates", () => {
    const lines = body.widgets.filter((w: any) => w.type === "metric").flatMap((w: any) => w.properties.metrics).filter((l: any[]) => l[0] === API_GATEWAY_NAMESPACE);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(Object.keys(API_GATEWAY_METRICS)).toContain(line[1]);
      const pairs: string[] = line.slice(2, -1);
      const dims = Object.fromEntries(pairs.flatMap((v, i) => (i % 2 === 0 ? [[v, pairs[i + 1]]] : [])));
      expect(API_GATEWAY_DIMENSION_SETS.map((s) => s.join())).toContain(Object.keys(dims).sort().join());
      expect(refersToStackResource(stack.json, dims.ApiName, "aws_api_gateway_rest_api")).toBe(true);
      expect(terraformReferences(dims.ApiName)[0].attribute).toBe("name");
      expect(refersToStackResource(stack.json, dims.Stage, "aws_api_gateway_stage")).toBe(true);
      if (dims.Resource) expect(resourcesOfType(stack.json, "aws_api_gateway_resource").map((r) => `/v1/${r.path_part}`)).toContain(dims.Resource);
    }
  });

  test("queries only the OTLP log group and the access-log group that the stack creates", () => {
    const sources = body.widgets.filter((w: any) => w.type === "log").map((w: any) => /^SOURCE '([^']+)'/.exec(w.properties.query)![1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(refersToStackResource(stack.json, source, "aws_cloudwatch_log_group")).toBe(true);
    expect(new Set(sources).size).toBe(2);
  });

  test("lists the stack's alarms and each team's API key id", () => {
    const [alarmWidget] = body.widgets.filter((w: any) => w.type === "alarm");
    for (const arn of alarmWidget.properties.alarms) expect(refersToStackResource(stack.json, arn, "aws_cloudwatch_metric_alarm")).toBe(true);
    const text = JSON.stringify(body);
    expect(text).toMatch(/\$\{aws_api_gateway_api_key\.[^}]+\.id\}`: platform/);
    expect(text).toMatch(/\$\{aws_api_gateway_api_key\.[^}]+\.id\}`: data/);
  });

  test("outputs the dashboard's console URL", () => {
    expect(stack.json.output.dashboard_url.value).toMatch(/^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#dashboards\/dashboard\/\$\{aws_cloudwatch_dashboard\./);
  });

  test("draws PromQL widgets only where CloudWatch takes OTLP metrics and the metrics route exists", () => {
    const promql = (settings: object) => JSON.stringify(dashboardOf(synthesizeApp(settings)[0])!.body).includes("claude_code.cost.usage");
    expect(promql({ regions: ["us-east-1"] })).toBe(true);
    expect(promql({ regions: ["eu-central-1"] })).toBe(false);
    expect(promql({ regions: ["us-east-1"], signals: ["traces", "logs"] })).toBe(false);
    expect(promql({ regions: ["us-east-1"], dashboard: { aiUsageWidgets: false } })).toBe(false);
  });

  test("leaves out per-team widgets without access logs, and per-route widgets without detailed metrics", () => {
    const plain = dashboardOf(synthesizeApp({ regions: ["us-east-1"], accessLogs: false })[0])!.body;
    const text = JSON.stringify(plain);
    expect(text).not.toContain("apiKeyId");
    expect(text).not.toContain('"Resource"');
  });

  test("is removed, with its output, when turned off", () => {
    const [off] = synthesizeApp({ regions: ["us-east-1"], dashboard: { enabled: false } });
    expect(resourcesOfType(off.json, "aws_cloudwatch_dashboard")).toEqual([]);
    expect(off.json.output.dashboard_url).toBeUndefined();
  });

  test("keeps its construct id, which is its Terraform address", () => {
    expect(Object.keys(stack.json.resource.aws_cloudwatch_dashboard)).toEqual(["dashboard_9E73CAB7"]);
  });
});
