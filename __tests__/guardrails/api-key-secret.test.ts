import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { COMMITTED_MODULE_DIR, committedModule } from "../support/plan-module";
import { synthesizeApp } from "../support/synth";

// The API key's secret value is `context.identity.apiKey`; its id, `context.identity.apiKeyId`, is what per-team log
// streams map (docs/aws-facts.md, "Context variables as request parameters"). The secret is never mapped or logged
// anywhere: not in the module, not in any region stack.
const SECRET = /context\.identity\.apiKey(?!Id)/;

describe("the API key's secret value", () => {
  test.each(readdirSync(COMMITTED_MODULE_DIR).filter((f) => f.endsWith(".tf")))("is never named in the module's %s", (file) => {
    const text = readFileSync(join(COMMITTED_MODULE_DIR, file), "utf8");
    expect(text).not.toMatch(SECRET);
  });

  test("is never named in a region stack, whatever the log streams mode", () => {
    for (const logStreams of ["per-team", "shared"]) {
      for (const stack of synthesizeApp({ regions: ["us-west-2"], logStreams, teams: [{ name: "a" }, { name: "b" }] })) {
        expect(JSON.stringify(stack.json)).not.toMatch(SECRET);
      }
    }
  });

  test("while the key's id is mapped as the logs route's stream", () => {
    const { main } = committedModule();
    expect(main.locals.signal_routes).toContain('"integration.request.header.x-aws-log-stream" = var.log_streams == "per-team" ? "context.identity.apiKeyId"');
    expect(main.resource.aws_api_gateway_integration.post.request_parameters).toBe("${each.value.request_parameters}");
  });

  test("the guard tells the id from the secret", () => {
    expect("context.identity.apiKeyId").not.toMatch(SECRET);
    expect('"context.identity.apiKey"').toMatch(SECRET);
    expect("$context.identity.apiKey,").toMatch(SECRET);
  });
});
