import { afterEach, describe, expect, it } from "@jest/globals";
import { readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gate } from "../../../src/gates/tests/index.js";
import { parseGateOptions, runGateDirect } from "../../helpers/gate-context.js";
import { gitRepo, removeDir, tempDir, writeTree } from "../../helpers/tmp.js";

const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "../../fixtures/junit");
const fixture = (name: string): string => readFileSync(join(fixtures, `${name}.input.xml`), "utf8");

const PASSING = '<?xml version="1.0"?>\n<testsuites><testsuite name="s"><testcase classname="c" name="one"/><testcase classname="c" name="two"/></testsuite></testsuites>\n';
const EMPTY_SUITE = '<?xml version="1.0"?>\n<testsuites><testsuite name="s" tests="0"/></testsuites>\n';

const dirs: string[] = [];
function repo(files: Record<string, string>): string {
  const root = gitRepo(files);
  dirs.push(root);
  return root;
}
afterEach(() => {
  while (dirs.length > 0) removeDir(dirs.pop() ?? "");
});

describe("tests gate: reports", () => {
  it("is skipped with a reason when auto-discovery finds nothing", async () => {
    const root = repo({ "src/a.ts": "export {};\n", "node_modules/pkg/junit.xml": fixture("jest-junit") });
    const { scan, verdict } = await runGateDirect(gate, { root });
    expect(scan.skipped).toMatch(/no JUnit XML report found.*tests\.reports/);
    expect(verdict).toBeUndefined();
  });

  it("auto-discovers reports in the usual places (ignored by git or not) and judges them", async () => {
    const root = repo({ ".gitignore": "target/\njunit.xml\n", "src/math.test.ts": "test('x', () => {});\n" });
    writeTree(root, {
      "junit.xml": fixture("jest-junit"),
      "target/surefire-reports/TEST-com.example.shop.CartTest.xml": fixture("surefire"),
      "node_modules/dep/TEST-ignored.xml": fixture("pytest"),
      "test-results/coverage.xml": fixture("not-junit"),
    });
    const { scan, verdict } = await runGateDirect(gate, { root });
    expect(scan.skipped).toBeUndefined();
    expect(scan.metrics).toMatchObject({ tests: 10, failures: 2, errors: 1, skipped: 2, flaky: 1, reports: 2, unreadable_reports: 0 });
    expect(scan.notes).toEqual(["test-results/coverage.xml ignored: not a JUnit report: the root element is <coverage>, expected <testsuites> or <testsuite>"]);
    expect(verdict?.status).toBe("failed");
    expect(verdict?.summary).toBe("10 tests: 2 failed, 1 errored, 2 skipped, 1 flaky (max failures 0)");
    const failed = scan.findings.find((f) => f.ruleId === "tests/test-failed" && f.location?.path === "src/math.test.ts");
    expect(failed).toMatchObject({ severity: "high", location: { path: "src/math.test.ts", startLine: 14 } });
    expect(failed?.message).toBe('Test "math utils divides by zero" failed: Error: expect(received).toThrow().');
    expect(scan.findings.find((f) => f.properties?.test === "computesTotal")?.message).toBe(
      'Test "com.example.shop.CartTest › computesTotal" failed: expected: <42> but was: <41>.',
    );
    const flaky = scan.findings.find((f) => f.ruleId === "tests/flaky-test");
    expect(flaky).toMatchObject({ severity: "low", properties: { test: "appliesCoupon", attempts: 2, attemptMessage: "Timed out after 50 ms" } });
    expect(flaky?.message).toBe(
      'Test "com.example.shop.CartTest › appliesCoupon" failed and then passed on retry (2 attempts, first failure: Timed out after 50 ms); make it deterministic or quarantine it.',
    );
    // the test source is not in this repository: the finding points at the report that records it
    expect(scan.findings.filter((f) => f.ruleId === "tests/test-errored").map((f) => [f.properties?.test, f.location])).toEqual([
      ["loadsCatalog", { path: "target/surefire-reports/TEST-com.example.shop.CartTest.xml" }],
    ]);
    expect(verdict?.checks).toEqual([
      { name: "max-failures", passed: false, message: "3 failed or errored tests (max 0)" },
      { name: "min-tests", passed: true, message: "8 tests run (min 0)" },
      { name: "reports-readable", passed: true, message: "every report was found and read" },
    ]);
    expect(scan.checks).toEqual(verdict?.checks);
  });

  it("is skipped when the XML files in the usual places are not JUnit reports", async () => {
    const root = repo({});
    writeTree(root, { "test-results/results.xml": fixture("not-junit") });
    const { scan } = await runGateDirect(gate, { root });
    expect(scan.skipped).toBe("no JUnit XML report found: the XML files in the usual places are not JUnit reports");
    expect(scan.notes).toHaveLength(1);
  });

  it("reads a report named by an absolute path outside the checkout", async () => {
    const root = repo({});
    const elsewhere = tempDir();
    dirs.push(elsewhere);
    writeTree(elsewhere, { "out/junit.xml": PASSING });
    const { scan, verdict } = await runGateDirect(gate, { root, options: { reports: [join(elsewhere, "out/junit.xml")] } });
    expect(verdict?.status).toBe("passed");
    expect(scan.metrics.tests).toBe(2);
  });

  it("fails when a report the policy names is missing, and says which pattern", async () => {
    const root = repo({ "reports/junit/a.xml": PASSING });
    const { scan, verdict } = await runGateDirect(gate, { root, options: { reports: ["reports/junit/*.xml", "build/test-results.xml"] } });
    expect(verdict?.status).toBe("failed");
    const missing = scan.findings.filter((f) => f.ruleId === "tests/report-missing");
    expect(missing.map((f) => f.properties?.pattern)).toEqual(["build/test-results.xml"]);
    expect(scan.metrics.tests).toBe(2);
  });

  it("fails when every named report is missing instead of skipping", async () => {
    const root = repo({});
    const { scan, verdict } = await runGateDirect(gate, { root, options: { reports: ["reports/*.xml"] } });
    expect(scan.skipped).toBeUndefined();
    expect(verdict?.status).toBe("failed");
    expect(verdict?.checks?.find((c) => c.name === "min-tests")).toEqual({ name: "min-tests", passed: false, message: "0 tests run (min 1)" });
  });

  it("applies max-failures and min-tests", async () => {
    const root = repo({ "r/pytest.xml": fixture("pytest"), "r/empty-suite.xml": EMPTY_SUITE });
    const lenient = await runGateDirect(gate, { root, options: { reports: ["r/pytest.xml"], "max-failures": 2 } });
    expect(lenient.verdict?.status).toBe("warned");
    const strict = await runGateDirect(gate, { root, options: { reports: ["r/pytest.xml"], "max-failures": 1 } });
    expect(strict.verdict?.status).toBe("failed");
    // 6 tests, 1 skipped: 5 ran
    const enough = await runGateDirect(gate, { root, options: { reports: ["r/pytest.xml"], "max-failures": 2, "min-tests": 5 } });
    expect(enough.verdict?.status).toBe("warned");
    const few = await runGateDirect(gate, { root, options: { reports: ["r/pytest.xml"], "max-failures": 2, "min-tests": 6 } });
    expect(few.verdict?.status).toBe("failed");
    expect(few.verdict?.checks?.find((c) => !c.passed)?.name).toBe("min-tests");
    const none = await runGateDirect(gate, { root, options: { reports: ["r/empty-suite.xml"] } });
    expect(none.verdict?.status).toBe("failed");
    expect(none.verdict?.summary).toBe("0 tests: 0 failed, 0 errored, 0 skipped, 0 flaky (max failures 0, min tests 1)");
  });

  it("warns on flaky tests without failing", async () => {
    const flakyOnly = fixture("surefire")
      .replace('errors="1" skipped="1" failures="1"', 'errors="0" skipped="1" failures="0"')
      .replace(/<testcase name="computesTotal"[\s\S]*?<\/testcase>/, "")
      .replace(/<testcase name="loadsCatalog"[\s\S]*?<\/testcase>/, "");
    const root = repo({ "TEST-flaky.xml": flakyOnly });
    const { verdict, scan } = await runGateDirect(gate, { root });
    expect(scan.metrics).toMatchObject({ tests: 3, flaky: 1, failures: 0, errors: 0 });
    expect(verdict?.status).toBe("warned");
  });

  it("reports a bad file and still reads the others", async () => {
    const root = repo({ "reports/junit/good.xml": PASSING, "reports/junit/bad.xml": fixture("truncated"), "reports/junit/evil.xml": fixture("billion-laughs") });
    const { scan, verdict } = await runGateDirect(gate, { root, options: { reports: ["reports/junit/*.xml"] } });
    expect(scan.metrics).toMatchObject({ tests: 2, reports: 1, unreadable_reports: 2 });
    const errors = scan.findings.filter((f) => f.ruleId === "tests/parse-error");
    expect(errors.map((f) => [f.location?.path, f.properties?.reason])).toEqual([
      ["reports/junit/bad.xml", "truncated"],
      ["reports/junit/evil.xml", "hostile"],
    ]);
    expect(verdict?.status).toBe("failed");
    expect(verdict?.checks?.find((c) => c.name === "reports-readable")?.passed).toBe(false);
  });

  it("fails on a test file that did not load, though no test case failed", async () => {
    const root = repo({
      "src/broken.test.ts": "syntax error(\n",
      "junit.xml": '<testsuites name="jest tests" tests="1" failures="0" errors="1"><testsuite name="src/broken.test.ts" errors="1" failures="0" tests="0" file="src/broken.test.ts"></testsuite><testsuite name="ok" tests="1" errors="0" failures="0"><testcase classname="ok" name="works"/></testsuite></testsuites>',
    });
    const { scan, verdict } = await runGateDirect(gate, { root });
    expect(verdict?.status).toBe("failed");
    expect(scan.metrics).toMatchObject({ tests: 1, errors: 1, failures: 0 });
    expect(scan.findings.map((f) => [f.ruleId, f.location?.path, f.message])).toEqual([
      [
        "tests/test-errored",
        "src/broken.test.ts",
        'Suite "src/broken.test.ts" errored outside any test: the suite reports 1 error that no test case shows (did a test file fail to load?).',
      ],
    ]);
  });

  it("keeps fingerprints stable when the failing test moves", async () => {
    const a = repo({ "junit.xml": fixture("pytest") });
    const b = repo({ "junit.xml": fixture("pytest").replaceAll('line="8"', 'line="80"').replace("tests/test_api.py:11:", "tests/test_api.py:83:") });
    const fa = (await runGateDirect(gate, { root: a })).scan.findings.find((f) => f.properties?.test === "test_post");
    const fb = (await runGateDirect(gate, { root: b })).scan.findings.find((f) => f.properties?.test === "test_post");
    expect(fa?.location?.startLine).toBe(11);
    expect(fb?.location?.startLine).toBe(83);
    expect(fa?.fingerprint).toBe(fb?.fingerprint);
  });

  it("evaluate() does not count waived failures", async () => {
    const root = repo({ "junit.xml": fixture("vitest") });
    const { scan } = await runGateDirect(gate, { root });
    const options = parseGateOptions(gate, {});
    expect(gate.evaluate(scan, options).status).toBe("failed");
    const waived = { ...scan, findings: scan.findings.map((f) => ({ ...f, suppression: { kind: "waiver" as const, reason: "known" } })) };
    const verdict = gate.evaluate(waived, options);
    expect(verdict.status).toBe("passed");
    expect(verdict.summary).toBe("3 tests: 1 failed, 0 errored, 0 skipped, 0 flaky (max failures 0), 1 suppressed");
  });
});

describe("tests gate: command", () => {
  const write = (xml: string) => `cat > reports/junit.xml <<'XML'\n${xml}XML\n`;

  it("runs the command, streams its output, and lets the reports decide despite a non-zero exit", async () => {
    const root = repo({ "reports/.keep": "" });
    const { scan, verdict, log } = await runGateDirect(gate, {
      root,
      options: { command: `echo running suite; ${write(PASSING)} exit 3`, reports: ["reports/junit.xml"] },
    });
    expect(log.lines.join("")).toContain("running suite");
    expect(scan.notes).toContain("the test command exited with code 3; the verdict comes from its reports");
    expect(verdict?.status).toBe("passed");
  });

  it("fails when the command fails and leaves no report", async () => {
    const root = repo({});
    const { scan, verdict } = await runGateDirect(gate, { root, options: { command: "echo boom >&2; exit 2" } });
    expect(verdict?.status).toBe("failed");
    expect(scan.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ["tests/command-failed", "The test command `echo boom >&2; exit 2` exited with code 2 and wrote no JUnit report."],
    ]);
  });

  it("fails when the command succeeds but writes no report", async () => {
    const root = repo({});
    const { scan, verdict } = await runGateDirect(gate, { root, options: { command: "true" } });
    expect(verdict?.status).toBe("failed");
    expect(scan.findings[0]?.ruleId).toBe("tests/report-missing");
  });

  it("ignores reports left over from an earlier run", async () => {
    const root = repo({ "junit.xml": fixture("vitest") });
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(root, "junit.xml"), old, old);
    const { scan, verdict } = await runGateDirect(gate, { root, options: { command: "exit 1" } });
    expect(scan.notes).toContain("junit.xml ignored: it is older than this run of the test command");
    expect(verdict?.status).toBe("failed");
    expect(scan.findings.map((f) => f.ruleId)).toEqual(["tests/command-failed"]);
  });

  it("stops a command at command-timeout, process group included", async () => {
    const root = repo({});
    const started = Date.now();
    const { scan, verdict } = await runGateDirect(gate, { root, options: { command: "sleep 30 & sleep 30; wait", "command-timeout": "300ms" } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(verdict?.status).toBe("failed");
    expect(scan.findings[0]?.message).toBe("The test command `sleep 30 & sleep 30; wait` timed out after 300ms.");
  });

  it("gives up when the runner aborts the gate", async () => {
    const root = repo({});
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("gate timed out")), 200);
    await expect(runGateDirect(gate, { root, signal: controller.signal, options: { command: "sleep 30" } })).rejects.toThrow("gate timed out");
  });

  it("rejects a command-timeout that is not a duration", () => {
    expect(() => parseGateOptions(gate, { "command-timeout": "soon" })).toThrow(/duration/);
  });
});

describe("tests gate: outside git", () => {
  it("works in a plain directory", async () => {
    const root = tempDir();
    dirs.push(root);
    writeTree(root, { "test-results/go.xml": fixture("go-junit-report"), "cart/cart_test.go": "package cart\n" });
    const { scan, verdict } = await runGateDirect(gate, { root });
    expect(verdict?.status).toBe("failed");
    expect(scan.findings.find((f) => f.properties?.test === "TestTotal")?.location).toEqual({ path: "cart/cart_test.go", startLine: 27 });
  });
});

describe("tests gate: options", () => {
  it("accepts the policy example from the design", () => {
    const options = parseGateOptions(gate, { reports: ["reports/junit/**/*.xml"], command: "npm test", "max-failures": 0, "min-tests": 1 });
    expect(options).toMatchObject({ reports: ["reports/junit/**/*.xml"], command: "npm test", "max-failures": 0, "min-tests": 1, "fail-on": "high" });
    expect(() => parseGateOptions(gate, { "max-failures": -1 })).toThrow();
  });
});

describe("tests gate: rule catalogue", () => {
  it("declares every rule its findings use", async () => {
    const root = repo({ "junit.xml": fixture("surefire"), "reports/bad.xml": fixture("empty"), "TEST-py.xml": fixture("pytest") });
    const runs = await Promise.all([
      runGateDirect(gate, { root }),
      runGateDirect(gate, { root, options: { reports: ["reports/*.xml", "missing.xml"] } }),
      runGateDirect(gate, { root, options: { command: "exit 4", reports: ["nothing.xml"] } }),
    ]);
    const declared = new Set((await gate.rules()).map((r) => r.id));
    const used = new Set(runs.flatMap((r) => r.scan.findings.map((f) => f.ruleId)));
    expect([...used].sort()).toEqual(["tests/command-failed", "tests/flaky-test", "tests/parse-error", "tests/report-missing", "tests/test-errored", "tests/test-failed"]);
    for (const id of used) expect(declared).toContain(id);
    for (const rule of await gate.rules()) expect(rule.description.length).toBeGreaterThan(20);
  });
});
