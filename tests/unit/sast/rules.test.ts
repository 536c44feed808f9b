// Every built-in SAST rule against its own valid and invalid examples, with the expected lines
// (ESLint RuleTester style), plus catalogue checks.
import { describe, expect, test } from "@jest/globals";
import { pythonSupport, RULES, scanText } from "../../../src/scanners/ast-sast/index.js";
import type { SastRule } from "../../../src/scanners/ast-sast/index.js";

function fileFor(rule: SastRule, ext?: string): string {
  return `example.${ext ?? (rule.language === "py" ? "py" : "js")}`;
}

const jsRules = RULES.filter((r) => r.language === "js");
const pyRules = RULES.filter((r) => r.language === "py");

describe("built-in SAST rule catalogue", () => {
  test("at least 40 JavaScript/TypeScript rules and a Python set, with unique ids and complete metadata", () => {
    expect(jsRules.length).toBeGreaterThanOrEqual(40);
    expect(pyRules.length).toBeGreaterThanOrEqual(15);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^sast\/(js|py)-[a-z0-9-]+$/);
      expect(rule.tags).toContain("security");
      expect(rule.tags?.some((t) => /^CWE-\d+$/.test(t))).toBe(true);
      expect(rule.remediation).toBeTruthy();
      expect(rule.message.endsWith(".")).toBe(true);
      expect(rule.examples.invalid.length).toBeGreaterThan(0);
      expect(rule.examples.valid.length).toBeGreaterThan(0);
    }
  });

  test("Python is supported through @ast-grep/lang-python", () => {
    expect(pythonSupport()).toEqual({ ok: true });
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))("%s", (_id, rule) => {
  test.each(rule.examples.invalid.map((e, i) => [i, e] as const))("invalid example %i is reported on the expected lines", (_i, example) => {
    const lines = scanText(fileFor(rule, example.ext), example.code, [rule]).map((m) => m.line);
    expect(lines).toEqual(example.lines);
    // The cheap text pre-check must never hide a real match.
    if (rule.needs) expect(rule.needs.test(example.code)).toBe(true);
  });
  test.each(rule.examples.valid.map((e, i) => [i, e] as const))("valid example %i is not reported", (_i, example) => {
    expect(scanText(fileFor(rule, example.ext), example.code, [rule])).toEqual([]);
  });
  if (rule.language === "js") {
    test("invalid examples are also found when parsed as TypeScript", () => {
      for (const example of rule.examples.invalid.filter((e) => !e.ext || e.ext === "js")) {
        expect(scanText("example.ts", example.code, [rule]).map((m) => m.line)).toEqual(example.lines);
      }
    });
  }
});
