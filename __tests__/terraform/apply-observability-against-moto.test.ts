import { CloudWatchLogsClient, DescribeMetricFiltersCommand } from "@aws-sdk/client-cloudwatch-logs";
import { motoClientConfig, MotoServer, motoUnavailableReason, startMoto } from "../support/moto-server";
import { writeMotoOverride } from "../support/moto-terraform";
import { synthesizeApp, SynthesizedStack } from "../support/synth";
import { planDrift, stateResources, terraformOk } from "../support/terraform-cli";

// terraform apply of a region stack's dashboard, alarms, 429 metric filter and SNS topic against moto 5.2.1, then a
// read-back through moto's HTTP APIs. Transaction Search is left off on purpose: moto's CloudFormation does not
// implement AWS::XRay::TransactionSearchConfig or AWS::Logs::ResourcePolicy (it skips resource types it does not
// know), so an apply there would prove nothing; the template is checked by transaction-search-template.test.ts and
// the stack by terraform validate (validate-observability.test.ts).
const REGION = "us-east-1";
const skipReason = motoUnavailableReason();
if (skipReason) console.warn(`SKIPPED: observability apply against moto: ${skipReason}`);
const describeWithMoto = skipReason ? describe.skip : describe;

/** Calls a moto query-protocol API (CloudWatch, SNS) and returns the XML answer. */
async function query(moto: MotoServer, service: "monitoring" | "sns", params: Record<string, string>): Promise<string> {
  const response = await fetch(`${moto.endpoint}/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${REGION}/${service}/aws4_request, SignedHeaders=host, Signature=x`,
    },
    body: new URLSearchParams(params).toString(),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${service} ${params.Action} answered ${response.status}: ${text}`);
  return text;
}

function tagValues(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => m[1]);
}

describeWithMoto("terraform apply of a stack's dashboard and alarms against moto", () => {
  let moto: MotoServer;
  let stack: SynthesizedStack;

  beforeAll(async () => {
    moto = await startMoto();
    [stack] = synthesizeApp({
      regions: [REGION],
      teams: [{ name: "platform" }],
      // moto 5.2.1 lacks the AWS managed policy the account logging role attaches; the access logs themselves apply.
      accountCloudWatchRole: "existing",
      alarms: { emails: ["oncall@example.com"] },
      transactionSearch: { enabled: false },
    });
    writeMotoOverride(stack.dir, moto.endpoint, REGION);
    terraformOk(stack.dir, ["init", "-input=false"]);
    terraformOk(stack.dir, ["apply", "-auto-approve", "-input=false"]);
  }, 600_000);

  afterAll(async () => {
    await moto?.stop();
  });

  test("plans no change right after the apply (a CI drift check passes)", () => {
    expect(planDrift(stack.dir)).toBeUndefined();
  });

  test("creates the region's dashboard with the body Terraform applied, its references resolved", async () => {
    const xml = await query(moto, "monitoring", { Action: "GetDashboard", Version: "2010-08-01", DashboardName: `otlp-proxy-${REGION}` });
    const body = JSON.parse(tagValues(xml, "DashboardBody")[0].replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#x27;|&#39;/g, "'"));
    const [dashboard] = stateResources(stack.dir).filter((r) => r.type === "aws_cloudwatch_dashboard");
    expect(dashboard.address).toBe("module.otlp_proxy.aws_cloudwatch_dashboard.proxy[0]");
    const expected = JSON.parse(dashboard.values.dashboard_body);
    expect(expected.widgets.length).toBeGreaterThan(3);
    expect(body).toEqual(expected);
    expect(JSON.stringify(body)).not.toContain("${");
    const health = body.widgets.find((w: any) => w.properties.title === "Requests");
    expect(health.properties.metrics[0].slice(0, 6)).toEqual(["AWS/ApiGateway", "Count", "ApiName", "otlp-proxy", "Stage", "prod"]);
  });

  test("creates the alarms on the API and stage, notifying the topic", async () => {
    const xml = await query(moto, "monitoring", { Action: "DescribeAlarms", Version: "2010-08-01", AlarmNamePrefix: "otlp-proxy-prod-" });
    expect(tagValues(xml, "AlarmName").sort()).toEqual(
      ["client-errors", "integration-latency", "server-errors", "throttled"].map((id) => `otlp-proxy-prod-${id}`),
    );
    expect(tagValues(xml, "MetricName").sort()).toEqual(["4XXError", "5XXError", "IntegrationLatency", "ThrottledRequests"]);
    const topics = tagValues(await query(moto, "sns", { Action: "ListTopics", Version: "2010-03-31" }), "TopicArn");
    expect(topics).toEqual([expect.stringMatching(/:otlp-proxy-alarms$/)]);
    expect(xml).toContain(`<member>${topics[0]}</member>`);
  });

  test("subscribes the email address to the topic", async () => {
    const xml = await query(moto, "sns", { Action: "ListSubscriptions", Version: "2010-03-31" });
    expect(tagValues(xml, "Endpoint")).toEqual(["oncall@example.com"]);
    expect(tagValues(xml, "Protocol")).toEqual(["email"]);
  });

  test("counts 429 answers with a metric filter on the access-log group", async () => {
    const logs = new CloudWatchLogsClient(motoClientConfig(moto.endpoint, REGION));
    const { metricFilters } = await logs.send(new DescribeMetricFiltersCommand({ filterNamePrefix: "otlp-proxy-throttled" }));
    expect(metricFilters).toEqual([
      expect.objectContaining({
        logGroupName: "otlp-proxy-access",
        metricTransformations: [expect.objectContaining({ metricNamespace: "OtlpProxy", metricName: "ThrottledRequests", metricValue: "1" })],
      }),
    ]);
  });

  test("destroys the dashboard and alarms", async () => {
    terraformOk(stack.dir, ["destroy", "-auto-approve", "-input=false"]);
    const dashboards = await query(moto, "monitoring", { Action: "ListDashboards", Version: "2010-08-01" });
    expect(tagValues(dashboards, "DashboardName")).toEqual([]);
    const alarms = await query(moto, "monitoring", { Action: "DescribeAlarms", Version: "2010-08-01" });
    expect(tagValues(alarms, "AlarmName")).toEqual([]);
  }, 600_000);
});
