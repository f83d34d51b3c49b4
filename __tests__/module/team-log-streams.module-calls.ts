import { ModuleCalls } from "../support/shared-module-plan";

/** Three teams, one of them disabled. */
export const TEAMS = [{ name: "platform" }, { name: "data" }, { name: "contractors", enabled: false }];

/** The module calls of team-log-streams.terraform.test.ts. */
export default {
  // GIVEN three teams, one of them disabled, with the default per-team streams
  perTeam: { region: "us-west-2", inputs: { teams: TEAMS } },
  // GIVEN the same teams sharing one stream
  shared: { region: "us-west-2", inputs: { teams: TEAMS, log_streams: "shared", log_stream_name: "all-clients" } },
  // GIVEN per-team streams but no logs route
  noLogs: { region: "us-west-2", inputs: { teams: TEAMS, signals: ["traces"] } },
} satisfies ModuleCalls;
