// Runs every rule's declared valid and invalid examples through the real engine (ESLint
// RuleTester style): invalid examples must report the rule on exactly the expected lines.
import { describe, expect, test } from "@jest/globals";
import { scanSources } from "../../../src/scanners/iac/engine.js";
import { RULES } from "../../../src/scanners/iac/rules/index.js";
import type { Framework, IacRule } from "../../../src/scanners/iac/types.js";

const DEFAULT_FILE: Record<Framework, string> = {
  terraform: "main.tf",
  "terraform-plan": "plan.json",
  kubernetes: "manifest.yaml",
  dockerfile: "Dockerfile",
  cloudformation: "template.yaml",
  compose: "docker-compose.yml",
  "github-actions": ".github/workflows/ci.yml",
  "gitlab-ci": ".gitlab-ci.yml",
};

function fileFor(rule: IacRule, file?: string): string {
  return file ?? DEFAULT_FILE[rule.frameworks[0] ?? "terraform"];
}

async function linesFor(rule: IacRule, path: string, text: string): Promise<{ lines: number[]; parseErrors: string[] }> {
  const result = await scanSources([{ path, text }], { rules: [rule] });
  return {
    lines: result.findings.filter((f) => f.ruleId === rule.id).map((f) => f.location?.startLine ?? 0).sort((a, b) => a - b),
    parseErrors: result.parseErrors.map((e) => `${e.line}: ${e.message}`),
  };
}

describe("rule catalogue", () => {
  test("has at least 150 rules with unique ids and complete metadata", () => {
    expect(RULES.length).toBeGreaterThanOrEqual(150);
    const ids = new Set<string>();
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^iac\/[a-z0-9-]+$/);
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.remediation.length).toBeGreaterThan(10);
      expect(rule.frameworks.length).toBeGreaterThan(0);
      expect(rule.references.length).toBeGreaterThan(0);
      expect(rule.examples.valid.length).toBeGreaterThan(0);
      expect(rule.examples.invalid.length).toBeGreaterThan(0);
    }
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))("%s", (_id, rule) => {
  test("valid examples report nothing", async () => {
    for (const ex of rule.examples.valid) {
      const { lines, parseErrors } = await linesFor(rule, fileFor(rule, ex.file), ex.code);
      expect({ code: ex.code, parseErrors, lines }).toEqual({ code: ex.code, parseErrors: [], lines: [] });
    }
  });
  test("invalid examples report the expected lines", async () => {
    for (const ex of rule.examples.invalid) {
      const { lines, parseErrors } = await linesFor(rule, fileFor(rule, ex.file), ex.code);
      expect({ code: ex.code, parseErrors, lines }).toEqual({ code: ex.code, parseErrors: [], lines: [...ex.lines].sort((a, b) => a - b) });
    }
  });
});
