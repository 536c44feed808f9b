// The severity mapping the lint README documents, and how report paths become repository paths.
import { describe, expect, test } from "@jest/globals";
import { levelSeverity, securitySeverity } from "../../../src/scanners/sarif-import/index.js";
import { reportPath, splitCheckstyleSource } from "../../../src/scanners/sarif-import/parse.js";
import { lineKeys } from "../../../src/scanners/sarif-import/line-key.js";

describe("report import details", () => {
  test("levels map as the README's table says", () => {
    expect(["error", "fatal", "warning", "warn", "note", "info", "style", "none", undefined].map(levelSeverity)).toEqual([
      "high",
      "high",
      "medium",
      "medium",
      "low",
      "low",
      "low",
      "info",
      "medium",
    ]);
    expect([9.8, 9, 8.1, 7, 6.9, 4, 3.9, 0.1, 0].map(securitySeverity)).toEqual(["critical", "critical", "high", "high", "medium", "medium", "low", "low", "info"]);
  });

  test("absolute paths, file: URIs and %-encoding become repository-relative; outside paths are kept", () => {
    expect(reportPath("/repo", "/repo/src/a b.js")).toBe("src/a b.js");
    expect(reportPath("/repo", "file:///repo/src/a%20b.js")).toBe("src/a b.js");
    expect(reportPath("/repo", "./src/../lib/x.sh")).toBe("lib/x.sh");
    expect(reportPath("/repo", "x.py", "/repo/pkg")).toBe("pkg/x.py");
    expect(reportPath("/repo", "/elsewhere/y.js")).toBe("/elsewhere/y.js");
    expect(reportPath("/repo", "https://example.com/a.js")).toBe("https://example.com/a.js");
  });

  test("Checkstyle sources name the tool and rule", () => {
    expect(splitCheckstyleSource("ShellCheck.SC2086")).toEqual({ tool: "shellcheck", rule: "SC2086" });
    expect(splitCheckstyleSource("eslint.rules.no-unused-vars")).toEqual({ tool: "eslint", rule: "no-unused-vars" });
    expect(splitCheckstyleSource("com.puppycrawl.tools.checkstyle.checks.coding.MagicNumberCheck")).toEqual({ tool: "checkstyle", rule: "MagicNumber" });
    expect(splitCheckstyleSource(undefined, "mytool")).toEqual({ tool: "mytool", rule: "unknown" });
  });

  test("line keys count identical lines in line order, whatever order the tool printed", () => {
    const text = ["x = 1", "y", "x  =  1"];
    const keys = lineKeys(
      [
        { ruleId: "r", path: "a", line: 3, column: 1, message: "m" },
        { ruleId: "r", path: "a", line: 1, column: 1, message: "m" },
        { ruleId: "r", path: "a", message: "no line" },
      ],
      (_p, l) => text[l - 1],
    );
    expect(keys).toEqual(["line:x = 1#1", "line:x = 1#0", "message:no line#0"]);
  });
});
