import { patternForStatuses, statusRange } from "../../src/infra/proxy/status-patterns";
import { SELECTION_PATTERN_READINGS } from "../support/selection-pattern-readings";

const ALL_STATUSES = statusRange(100, 599);


describe("patternForStatuses", () => {
  test.each<[number[], string]>([
    [[429], "^(429)$"],
    [statusRange(200, 299), "^(2[0-9][0-9])$"],
    [[400, 402, 405, 406, 407], "^(40[025-7])$"],
    [[500, 501, 510], "^(5(0[01]|10))$"],
  ])("writes %j as %s", (codes, pattern) => {
    expect(patternForStatuses(codes)).toBe(pattern);
  });

  test.each(Object.keys(SELECTION_PATTERN_READINGS))("matches exactly the given codes under a %s", (reading) => {
    const codes = [400, 402, 405, 418, 422, 431, 451, 499, 503];
    const pattern = patternForStatuses(codes);
    expect(ALL_STATUSES.filter((status) => SELECTION_PATTERN_READINGS[reading](pattern, String(status)))).toEqual(codes);
  });

  test("fails without codes", () => {
    expect(() => patternForStatuses([])).toThrow("at least one status code");
  });
});

