import { describe, expect, it } from "@jest/globals";
import { ConfigurationError } from "../../../src/core/errors.js";
import { loadPolicy } from "../../../src/policy/load-policy.js";
import { tempDir, writeTree } from "../../helpers/tmp.js";

function policyError(files: Record<string, string>, policyPath?: string): ConfigurationError {
  const cwd = tempDir();
  writeTree(cwd, files);
  try {
    loadPolicy({ cwd, ...(policyPath ? { policyPath } : {}) });
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error("expected a ConfigurationError");
}

describe("loadPolicy", () => {
  it("uses the built-in recommended policy when the repository has none", () => {
    const loaded = loadPolicy({ cwd: tempDir() });
    expect(loaded.source).toBe("built-in:recommended");
    expect(Object.keys(loaded.policy.gates).sort()).toEqual(
      ["container", "coverage", "dependencies", "iac", "lint", "sast", "secrets", "tests", "tls"].sort(),
    );
    expect(loaded.policy.gates.secrets?.["fail-on"]).toBe("low");
    expect(loaded.policy.settings.timeout).toBe("10m");
  });

  it("merges a repository policy over recommended, child values winning", () => {
    const cwd = tempDir();
    writeTree(cwd, { ".tollgate.yml": "version: 1\nsettings: { timeout: 2m }\ngates:\n  secrets: { fail-on: high }\n" });
    const { policy, source } = loadPolicy({ cwd });
    expect(source).toBe(".tollgate.yml");
    expect(policy.settings.timeout).toBe("2m");
    expect(policy.gates.secrets?.["fail-on"]).toBe("high");
    expect(policy.gates.iac).toBeDefined();
  });

  it("starts from nothing with extends: none", () => {
    const cwd = tempDir();
    writeTree(cwd, { ".tollgate.yml": "extends: none\ngates:\n  tests: {}\n" });
    expect(Object.keys(loadPolicy({ cwd }).policy.gates)).toEqual(["tests"]);
  });

  it("follows extends to strict and to a relative path, and adds up waivers", () => {
    const cwd = tempDir();
    writeTree(cwd, {
      "base/common.yml":
        "extends: strict\nwaivers:\n  - { rule: secrets/*, reason: fixtures, expires: 2999-01-01, paths: [tests/**] }\n",
      "policy.yml": "extends: ./base/common.yml\nwaivers:\n  - { rule: iac/*, reason: demo, expires: 2999-01-01 }\n",
    });
    const loaded = loadPolicy({ cwd, policyPath: "policy.yml" });
    expect(loaded.policy.gates.iac?.["fail-on"]).toBe("medium");
    expect(loaded.policy.waivers.map((w) => w.rule)).toEqual(["secrets/*", "iac/*"]);
    expect(loaded.waiverLocations).toEqual([
      { path: "base/common.yml", line: 3 },
      { path: "policy.yml", line: 3 },
    ]);
  });

  it("reads JSON policies", () => {
    const cwd = tempDir();
    writeTree(cwd, { ".tollgate.json": JSON.stringify({ extends: "none", gates: { tests: { "max-failures": 2 } } }) });
    expect(loadPolicy({ cwd }).policy.gates.tests).toBeDefined();
  });

  it("names file, line and column of a YAML syntax error", () => {
    const e = policyError({ ".tollgate.yml": "version: 1\ngates:\n  secrets: { fail-on: low\n" });
    expect(e.location?.file).toBe(".tollgate.yml");
    expect(e.location?.line).toBeGreaterThanOrEqual(3);
    expect(e.format()).toMatch(/^\.tollgate\.yml:\d+:\d+: invalid YAML/);
    expect(e.fix).toBeTruthy();
  });

  it("points at an unknown key and suggests the right one", () => {
    const e = policyError({ ".tollgate.yml": "version: 1\ngates:\n  secrets:\n    fail-onn: low\n" });
    expect(e.format()).toContain(".tollgate.yml:4:5: gates.secrets: unknown key \"fail-onn\"");
    expect(e.fix).toBe('did you mean "fail-on"?');
  });

  it("points at an unknown gate", () => {
    const e = policyError({ ".tollgate.yml": "gates:\n  secret: {}\n" });
    expect(e.location).toEqual({ file: ".tollgate.yml", line: 2, column: 3 });
    expect(e.fix).toBe('did you mean "secrets"?');
  });

  it("explains a bad enum value with the allowed values", () => {
    const e = policyError({ ".tollgate.yml": "gates:\n  iac:\n    fail-on: severe\n" });
    expect(e.location?.line).toBe(3);
    expect(e.fix).toContain('"critical", "high", "medium", "low", "info"');
  });

  it("requires waivers to expire", () => {
    const e = policyError({ ".tollgate.yml": "waivers:\n  - rule: secrets/x\n    reason: r\n" });
    expect(e.message).toContain("waivers.0.expires");
    expect(e.location?.line).toBe(2);
  });

  it("rejects a bad duration", () => {
    const e = policyError({ ".tollgate.yml": "settings:\n  timeout: soon\n" });
    expect(e.location?.line).toBe(2);
    expect(e.message).toContain("not a duration");
  });

  it("reports a missing --policy file and a missing extended policy", () => {
    expect(policyError({}, "nope.yml").message).toContain("policy file not found: nope.yml");
    const e = policyError({ ".tollgate.yml": "version: 1\nextends: ./missing.yml\n" });
    expect(e.location?.line).toBe(2);
    expect(e.message).toContain("extended policy not found");
  });

  it("detects extends cycles", () => {
    const e = policyError({ "a.yml": "extends: ./b.yml\n", "b.yml": "extends: ./a.yml\n" }, "a.yml");
    expect(e.message).toContain("extends itself");
  });
});
