import { committedModule, evaluateModuleExpression } from "../support/plan-module";

// A REST API serves its configuration only once it is deployed again, so the module replaces its deployment whenever
// its `redeployment` trigger changes (`triggers` forces replacement; the moto deploy proves it against a deployed
// stack, where a new route replaces the deployment and nothing else is replaced). Here: which changes move the
// trigger. It is Terraform's own evaluation (`terraform console`) of the module's trigger expression, for the committed
// module and for the module regenerated with a changed table: attributes the configuration sets (a log group's name)
// are read from it, and the ids and ARNs only AWS gives, which stay fixed once applied, are stood in.

type ModuleMain = { locals: Record<string, string>; resource: Record<string, Record<string, any>> };
const REGION = "us-west-2";
/** The module's inputs for a deployed stack with teams, two routes and detailed metrics, before any change. */
const DEPLOYED = { teams: [{ name: "platform" }, { name: "data-science" }], signals: ["metrics", "traces"], detailed_metrics: true };

const triggerOf = (main: ModuleMain, inputs: Record<string, unknown> = DEPLOYED): string =>
  evaluateModuleExpression(main, main.resource.aws_api_gateway_deployment.api_deployment.triggers.redeployment, inputs, REGION);

/** The module (in Terraform's JSON syntax) as it is generated when a table of `src/infra/proxy/` exports `change(table)` instead. */
function moduleWithTable(tablePath: string, change: (table: any) => Record<string, unknown>): ModuleMain {
  let main: ModuleMain | undefined;
  jest.isolateModules(() => {
    const table = jest.requireActual(tablePath);
    jest.doMock(tablePath, () => ({ ...table, ...change(table) }));
    // The JSON view loads the generator inside this registry, so it sees the changed table.
    const { moduleJson } = require("../support/module-json") as typeof import("../support/module-json");
    // The same cut of the JSON as committedModule().main: without variables, outputs and the terraform block.
    const { variable, output, terraform, ...resources } = moduleJson();
    main = resources as ModuleMain;
    jest.dontMock(tablePath);
  });
  return main!;
}

describe("the deployment's redeployment trigger", () => {
  const main = committedModule().main as ModuleMain;
  let deployed: string;
  beforeAll(() => {
    deployed = triggerOf(main);
  });

  test("is a hash Terraform can compute from the configuration and the ids of an applied stack", () => {
    expect(deployed).toMatch(/^[0-9a-f]{40}$/);
  });

  test("stays the same when the module is regenerated from the real tables", () => {
    const regenerated = moduleWithTable("../../src/infra/proxy/status-mapping", () => ({}));
    expect(regenerated).toEqual(committedModule().main);
    expect(triggerOf(regenerated)).toBe(deployed);
  });

  test("changes with a status mapping", () => {
    const changed = moduleWithTable("../../src/infra/proxy/status-mapping", (table) => ({
      STATUS_MAPPINGS: table.STATUS_MAPPINGS.map((m: any) => (m.statusCode === "429" ? { ...m, selectionPattern: "^(429|420)$" } : m)),
    }));
    expect(JSON.stringify(changed)).toContain("^(429|420)$");
    expect(triggerOf(changed)).not.toBe(deployed);
  });

  test("changes with the binary media types", () => {
    const changed = moduleWithTable("../../src/infra/proxy/rest-api-settings", () => ({ BINARY_MEDIA_TYPES: ["application/x-protobuf", "application/grpc"] }));
    expect(JSON.stringify(changed)).toContain("application/grpc");
    expect(triggerOf(changed)).not.toBe(deployed);
  });

  test("changes with a source-IP allow-list, and with the routes", () => {
    expect(triggerOf(main, { ...DEPLOYED, allowed_source_cidrs: ["203.0.113.0/24"] })).not.toBe(deployed);
    expect(triggerOf(main, { ...DEPLOYED, signals: ["metrics", "traces", "logs"] })).not.toBe(deployed);
  });

  test("changes with the log group and the shared log stream the logs route names", () => {
    const withLogs = { ...DEPLOYED, signals: ["metrics", "traces", "logs"] };
    const shared = { ...withLogs, log_streams: "shared" };
    expect(triggerOf(main, { ...withLogs, log_group_name: "ai/otlp" })).not.toBe(triggerOf(main, withLogs));
    expect(triggerOf(main, { ...shared, log_stream_name: "clients" })).not.toBe(triggerOf(main, shared));
  });

  test("stays the same for what a deployment does not serve: log retention, a new team, alarms", () => {
    expect(triggerOf(main, { ...DEPLOYED, log_retention_days: 90 })).toBe(deployed);
    expect(triggerOf(main, { ...DEPLOYED, teams: [...DEPLOYED.teams, { name: "sre" }] })).toBe(deployed);
    expect(triggerOf(main, { ...DEPLOYED, alarms: { emails: ["oncall@example.com"] } })).toBe(deployed);
  });
});
