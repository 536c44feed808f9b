// End to end: the built CLI on fixture repositories, checked as a user would check it.
import { describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { commitAll, tempDir, writeTree } from "../helpers/tmp.js";
import { fixtureRepo, tollgate } from "../helpers/cli.js";
import { junitErrors, sarifErrors } from "../helpers/validate.js";

const reportsOf = (root: string) => ["--sarif", join(root, "out", "r.sarif"), "--junit", join(root, "out", "r.xml"), "--json", join(root, "out", "r.json")];
const read = (root: string, file: string) => readFileSync(join(root, "out", file), "utf8");

/** Reports with times and durations blanked: what must be byte-identical between two runs. */
function timeless(text: string): string {
  return text
    .replace(/"(startTimeUtc|endTimeUtc|startedAt|finishedAt)": "[^"]+"/g, '"$1": "T"')
    .replace(/"(durationMs)": \d+/g, '"$1": 0')
    .replace(/ (timestamp|time)="[^"]+"/g, ' $1="T"');
}

describe("tollgate CLI", () => {
  it("prints its version and help", () => {
    const root = tempDir();
    expect(tollgate(root, ["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = tollgate(root, ["run", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--changed");
    for (const cmd of ["init", "check-policy", "rules", "explain", "baseline"]) {
      expect(tollgate(root, [cmd, "--help"]).code).toBe(0);
    }
  });

  it("exits 0 on a passing repository and writes valid SARIF and JUnit", () => {
    const root = fixtureRepo("passing-tests");
    const r = tollgate(root, ["run", ...reportsOf(root)]);
    expect(r.stdout).toContain("tollgate PASSED");
    expect(r.code).toBe(0);
    expect(sarifErrors(JSON.parse(read(root, "r.sarif")))).toEqual([]);
    expect(junitErrors(read(root, "r.xml"))).toBe("");
  });

  it("exits 1 when a gate fails, naming the failed test with its file", () => {
    const root = fixtureRepo("failing-tests");
    const r = tollgate(root, ["run", ...reportsOf(root)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("tollgate FAILED");
    expect(r.stdout).toContain("src/cart.test.ts");
    const sarif = JSON.parse(read(root, "r.sarif"));
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("src/cart.test.ts");
    const junit = read(root, "r.xml");
    expect(junitErrors(junit)).toBe("");
    expect(junit).toMatch(/<failure [^>]*>[^<]*cart applies discounts/);
  });

  it("gives byte-identical reports for two runs on the same input, apart from times", () => {
    const root = fixtureRepo("failing-tests");
    tollgate(root, ["run", ...reportsOf(root)]);
    const first = ["r.sarif", "r.xml", "r.json"].map((f) => timeless(read(root, f)));
    tollgate(root, ["run", ...reportsOf(root)]);
    const second = ["r.sarif", "r.xml", "r.json"].map((f) => timeless(read(root, f)));
    expect(second).toEqual(first);
  });

  it("exits 2 on a malformed policy, naming file, line, column and the fix", () => {
    const root = fixtureRepo("passing-tests");
    writeFileSync(join(root, ".tollgate.yml"), "version: 1\nextends: none\ngates:\n  tests:\n    max-failure: 0\n");
    const r = tollgate(root, ["run"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.tollgate.yml:5:5: gates.tests: unknown key "max-failure"');
    expect(r.stderr).toContain('fix: did you mean "max-failures"?');
    const check = tollgate(root, ["check-policy"]);
    expect(check.code).toBe(2);
  });

  it("exits 2 on an unknown gate or command", () => {
    const root = tempDir();
    expect(tollgate(root, ["run", "--only", "nope"]).code).toBe(2);
    expect(tollgate(root, ["frobnicate"]).code).toBe(2);
    expect(tollgate(root, ["run", "--bogus"]).code).toBe(2);
  });

  it("runs in an empty directory with the built-in policy and gives a verdict", () => {
    const root = tempDir();
    const r = tollgate(root, ["run"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("policy built-in:recommended");
  });

  it("honours waivers until they expire, then reports the expired waiver itself", () => {
    const root = fixtureRepo("failing-tests");
    const policy = (expires: string) =>
      `version: 1\nextends: none\ngates:\n  tests:\n    reports: ["reports/*.xml"]\nwaivers:\n  - rule: tests/*\n    paths: ["src/**"]\n    reason: known flaky discount test\n    expires: ${expires}\n`;
    writeFileSync(join(root, ".tollgate.yml"), policy("2999-12-31"));
    const waived = tollgate(root, ["run", ...reportsOf(root)]);
    expect(waived.code).toBe(0);
    expect(waived.stdout).toContain("1 suppressed (1 waiver)");
    const sarif = JSON.parse(read(root, "r.sarif"));
    expect(sarif.runs[0].results[0].suppressions[0].justification).toContain("known flaky discount test");

    writeFileSync(join(root, ".tollgate.yml"), policy("2020-01-01"));
    const expired = tollgate(root, ["run", ...reportsOf(root)]);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain("policy/waiver-expired");
    const results = JSON.parse(read(root, "r.sarif")).runs[0].results;
    expect(results.find((r: { ruleId: string }) => r.ruleId === "policy/waiver-expired").locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: ".tollgate.yml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 7 },
    });

    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(join(root, ".tollgate.yml"), policy(soon));
    const warned = tollgate(root, ["run"]);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain(`warning: waiver for tests/* expires on ${soon} (.tollgate.yml:7)`);
  });

  it("records a baseline that later runs honour, still failing on new findings", () => {
    const root = fixtureRepo("failing-tests");
    const b = tollgate(root, ["baseline"]);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain("recorded 1 finding in .tollgate/baseline.json");
    const baseline = JSON.parse(readFileSync(join(root, ".tollgate/baseline.json"), "utf8"));
    expect(baseline.findings).toHaveLength(1);
    expect(JSON.stringify(baseline)).not.toMatch(/startedAt|Time/);

    const again = tollgate(root, ["run", ...reportsOf(root)]);
    expect(again.code).toBe(0);
    expect(JSON.parse(read(root, "r.sarif")).runs[0].results[0].baselineState).toBe("unchanged");

    const xml = readFileSync(join(root, "reports/junit.xml"), "utf8").replace(
      '<testcase classname="cart totals" name="cart totals" time="0.01" file="src/cart.test.ts"></testcase>',
      '<testcase classname="cart totals" name="cart totals" time="0.01" file="src/cart.test.ts"><failure message="boom">boom</failure></testcase>',
    );
    writeFileSync(join(root, "reports/junit.xml"), xml);
    const worse = tollgate(root, ["run"]);
    expect(worse.code).toBe(1);
    expect(worse.stdout).toContain("cart totals");
  });

  it("honours inline tollgate-ignore comments on the line above a finding", () => {
    const root = fixtureRepo("passing-tests");
    const junit = readFileSync(join(root, "junit.xml"), "utf8").replace(
      'name="test_login" file="tests/test_app.py" line="9" time="0.001"/>',
      'name="test_login" file="tests/test_app.py" line="9" time="0.001"><failure message="assert 401 == 200">assert 401 == 200</failure></testcase>',
    );
    writeFileSync(join(root, "junit.xml"), junit);
    const source = Array.from({ length: 12 }, (_, i) => `# line ${i + 1}`);
    writeTree(root, { "tests/test_app.py": `${source.join("\n")}\n` });
    const failing = tollgate(root, ["run", "--json", join(root, "out", "r.json")]);
    expect(failing.code).toBe(1);
    const finding = JSON.parse(read(root, "r.json")).gates[0].findings[0];
    // pytest writes 0-based line numbers; the finding points at the 1-based line.
    expect(finding.location).toMatchObject({ path: "tests/test_app.py", startLine: 10 });
    source[8] = `# tollgate-ignore ${finding.ruleId}: tracked in ISSUE-12`;
    writeTree(root, { "tests/test_app.py": `${source.join("\n")}\n` });
    const r = tollgate(root, ["run"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 suppressed (1 inline)");
  });

  it("narrows to changed files with --changed and rejects an unknown base", () => {
    const root = fixtureRepo("passing-tests");
    writeTree(root, { "new.txt": "hello\n" });
    commitAll(root, "second");
    const r = tollgate(root, ["run", "--changed", "--base", "HEAD~1", "--json", join(root, "out", "r.json")]);
    expect(r.code).toBe(0);
    expect(JSON.parse(read(root, "r.json")).changed.files).toBe(1);
    const bad = tollgate(root, ["run", "--changed", "--base", "no-such-ref"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('base "no-such-ref" is not a commit');
  });

  it("writes a starter policy with init that check-policy accepts", () => {
    const root = tempDir();
    writeTree(root, { "package.json": "{}", "main.tf": 'resource "aws_s3_bucket" "b" {}\n', Dockerfile: "FROM node:20\n" });
    expect(tollgate(root, ["init"]).code).toBe(0);
    const text = readFileSync(join(root, ".tollgate.yml"), "utf8");
    expect(text).toContain("Detected: node, terraform, docker");
    expect(text).toContain("iac:");
    expect(tollgate(root, ["check-policy"]).code).toBe(0);
    expect(tollgate(root, ["init"]).code).toBe(2);
    expect(existsSync(join(root, ".tollgate.yml"))).toBe(true);
  });

  it("lists rules and explains one", () => {
    const root = tempDir();
    const rules = tollgate(root, ["rules", "--json"]);
    expect(rules.code).toBe(0);
    const list = JSON.parse(rules.stdout) as { id: string }[];
    expect(list.some((r) => r.id === "policy/waiver-expired")).toBe(true);
    const explain = tollgate(root, ["explain", "policy/waiver-expired"]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain("How to waive it");
    expect(tollgate(root, ["explain", "nope/nope"]).code).toBe(2);
  });
});
