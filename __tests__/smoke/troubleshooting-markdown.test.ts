import { TROUBLESHOOTING } from "../../src/tools/smoke/troubleshooting";
import { troubleshootingMarkdown } from "../../src/tools/smoke/troubleshooting-markdown";

describe("troubleshootingMarkdown", () => {
  test("renders a header, a separator and one row per troubleshooting entry", () => {
    const lines = troubleshootingMarkdown().trimEnd().split("\n");
    expect(lines[0]).toBe("| what the client sees | route | likely cause | fix |");
    expect(lines).toHaveLength(2 + TROUBLESHOOTING.length);
  });

  test("shows the routes a row is limited to, and 'any' otherwise", () => {
    const markdown = troubleshootingMarkdown([
      { status: 400, signals: ["traces"], symptom: "s", cause: "c.", fix: "f." },
      { status: 500, symptom: "t", cause: "d.", fix: "g." },
    ]);
    expect(markdown).toContain("| s | traces | c. | f. |");
    expect(markdown).toContain("| t | any | d. | g. |");
  });

  test("writes the endpoint placeholder as words and escapes pipes", () => {
    const markdown = troubleshootingMarkdown([{ status: "network", symptom: "a | b", cause: "Nothing at {endpoint}.", fix: "f." }]);
    expect(markdown).toContain("| a \\| b | any | Nothing at the endpoint. | f. |");
  });
});
