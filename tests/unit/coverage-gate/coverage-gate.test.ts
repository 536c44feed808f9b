import { afterEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compactRanges, gate } from "../../../src/gates/coverage/index.js";
import { parseGateOptions, runGateDirect } from "../../helpers/gate-context.js";
import { commitAll, git, gitRepo, removeDir, tempDir, writeTree } from "../../helpers/tmp.js";

const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "../../fixtures/coverage");
const fixture = (name: string): string => readFileSync(join(fixtures, name), "utf8");

const MATH_V1 = "export function add(a: number, b: number): number {\n  return a + b;\n}\n";
const MATH_V2 = `${MATH_V1}\nexport function divide(a: number, b: number): number {\n  if (b === 0) throw new Error("division by zero");\n  return a / b;\n}\n`;
const FORMAT_V1 = "export function pad(s: string): string {\n  const n = 4;\n  return s.length < n ? ' ' + s : s;\n  // end\n}\n";
const FORMAT_V2 = FORMAT_V1.replace("' ' + s", "'  ' + s");

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) removeDir(dirs.pop() ?? "");
});

/** A repository whose second commit adds divide() and edits pad(), with the lcov report of its tests. */
function project(reports: Record<string, string> = { "coverage/lcov.info": fixture("lcov.input.info") }): { root: string; base: string } {
  const root = gitRepo({ ".gitignore": "coverage/\n", "src/math.ts": MATH_V1, "src/format.ts": FORMAT_V1 });
  dirs.push(root);
  const base = git(root, "rev-parse", "HEAD").trim();
  writeTree(root, { "src/math.ts": MATH_V2, "src/format.ts": FORMAT_V2 });
  commitAll(root, "add divide, widen padding");
  writeTree(root, reports);
  return { root, base };
}

describe("coverage gate: reports", () => {
  it("is skipped with a reason when no report is found", async () => {
    const root = gitRepo({ "src/a.ts": "export {};\n" });
    dirs.push(root);
    const { scan, verdict } = await runGateDirect(gate, { root });
    expect(scan.skipped).toMatch(/^no coverage report found .*coverage\.reports$/);
    expect(verdict).toBeUndefined();
  });

  it("auto-discovers a git-ignored coverage/lcov.info and maps paths from the CI machine", async () => {
    const { root } = project();
    const { scan, verdict } = await runGateDirect(gate, { root });
    expect(scan.metrics).toEqual({
      lines_pct: 55.55,
      lines_total: 9,
      lines_covered: 5,
      branches_pct: 25,
      branches_total: 4,
      branches_covered: 1,
      functions_pct: 66.66,
      functions_total: 3,
      functions_covered: 2,
      files: 2,
      reports: 1,
    });
    expect(verdict).toEqual({
      status: "passed",
      summary: "55.5% lines covered",
      checks: [{ name: "reports-readable", passed: true, message: "1 report read (lcov)" }],
    });
  });

  it("fails when a named report is missing", async () => {
    const { root } = project();
    const { scan, verdict } = await runGateDirect(gate, { root, options: { reports: ["coverage/lcov.info", "build/coverage.xml"] } });
    expect(verdict?.status).toBe("failed");
    expect(scan.findings.map((f) => [f.ruleId, f.properties?.pattern])).toEqual([["coverage/report-missing", "build/coverage.xml"]]);
    const none = await runGateDirect(gate, { root, options: { reports: ["nothing/*.info"] } });
    expect(none.scan.skipped).toBeUndefined();
    expect(none.verdict?.status).toBe("failed");
  });

  it("reads every format in one run and maps Cobertura sources, JaCoCo packages and Go import paths", async () => {
    const root = gitRepo({
      "src/math.ts": MATH_V2,
      "src/format.ts": FORMAT_V1,
      "go.mod": "module example.com/shop\n\ngo 1.22\n",
      "cart/cart.go": "package cart\n",
      "pay/pay.go": "package pay\n",
      "shop/src/main/java/com/example/shop/Cart.java": "class Cart {}\n",
    });
    dirs.push(root);
    writeTree(root, {
      "reports/cobertura.xml": fixture("cobertura.input.xml"),
      "shop/target/site/jacoco/jacoco.xml": fixture("jacoco.input.xml"),
      "cover.out": fixture("go.input.out"),
    });
    const { scan } = await runGateDirect(gate, { root, options: { reports: ["reports/*.xml", "**/jacoco.xml", "cover.out"] } });
    expect(scan.findings).toEqual([]);
    expect(scan.metrics).toMatchObject({ files: 5, reports: 3, lines_total: 9 + 6 + 11, lines_covered: 5 + 3 + 6 });
    const auto = await runGateDirect(gate, { root });
    expect(auto.scan.metrics).toMatchObject({ files: 3, reports: 2 });
  });

  it("maps a monorepo package's relative paths to that package", async () => {
    const root = gitRepo({ "src/index.ts": "x\n", "packages/app/src/index.ts": "x\n", "packages/lib/src/index.ts": "x\n" });
    dirs.push(root);
    writeTree(root, {
      "packages/app/coverage/lcov.info": "SF:src/index.ts\nDA:1,1\nDA:2,0\nend_of_record\n",
      "packages/lib/coverage/lcov.info": "SF:src/index.ts\nDA:1,0\nend_of_record\n",
    });
    const { scan } = await runGateDirect(gate, { root, options: { reports: ["packages/*/coverage/lcov.info"], paths: [{ glob: "packages/app/**", min: { lines: 50 } }, { glob: "packages/lib/**", min: { lines: 50 } }] } });
    expect(scan.metrics).toMatchObject({ files: 2, lines_total: 3, lines_covered: 1 });
    expect(scan.checks?.map((c) => [c.name, c.passed])).toEqual([
      ["packages/app/**: lines >= 50%", true],
      ["packages/lib/**: lines >= 50%", false],
      ["reports-readable", true],
    ]);
  });

  it("reports a bad report and still counts the good one", async () => {
    const { root } = project({ "coverage/lcov.info": fixture("lcov.input.info"), "coverage/coverage-final.json": '{"oops": ' });
    const { scan, verdict } = await runGateDirect(gate, { root });
    expect(scan.metrics.lines_total).toBe(9);
    expect(scan.findings.map((f) => [f.ruleId, f.location?.path, f.properties?.reason])).toEqual([["coverage/parse-error", "coverage/coverage-final.json", "malformed"]]);
    expect(verdict?.status).toBe("failed");
    expect(verdict?.checks?.find((c) => c.name === "reports-readable")?.passed).toBe(false);
    const waived = { ...scan, findings: scan.findings.map((f) => ({ ...f, suppression: { kind: "baseline" as const, reason: "known" } })) };
    const after = gate.evaluate(waived, parseGateOptions(gate, {}));
    expect(after.status).toBe("passed");
    expect(after.checks?.find((c) => c.name === "reports-readable")?.passed).toBe(true);
  });

  it("merges reports of the same files and honours include/exclude", async () => {
    const { root } = project({ "coverage/lcov.info": fixture("lcov.input.info"), "coverage/coverage-final.json": fixture("coverage-final.input.json") });
    const merged = await runGateDirect(gate, { root });
    expect(merged.scan.metrics).toMatchObject({ files: 2, lines_total: 9, lines_covered: 5, reports: 2 });
    const only = await runGateDirect(gate, { root, options: { exclude: ["src/math.ts"] } });
    expect(only.scan.metrics).toMatchObject({ files: 1, lines_total: 4, lines_covered: 3 });
    expect(only.scan.notes).toContain("2 files left out by include/exclude");
  });
});

describe("coverage gate: thresholds", () => {
  it("checks overall minimums, names the worst files, and fills checks", async () => {
    const { root } = project();
    const { scan, verdict } = await runGateDirect(gate, { root, options: { min: { lines: 60, branches: 20, functions: 70 } } });
    expect(verdict?.status).toBe("failed");
    expect(verdict?.summary).toBe("55.5% lines covered (min 60%), 25.0% branches (min 20%), 66.6% functions (min 70%)");
    expect(verdict?.checks?.map((c) => [c.name, c.passed])).toEqual([
      ["lines >= 60%", false],
      ["branches >= 20%", true],
      ["functions >= 70%", false],
      ["reports-readable", true],
    ]);
    const lines = scan.findings.find((f) => f.ruleId === "coverage/lines-below-threshold");
    expect(lines?.message).toBe("Line coverage is 55.5% (5/9), below the minimum of 60%; add tests, starting with src/math.ts 40.0%, src/format.ts 75.0%.");
    expect(lines?.properties).toEqual({ metric: "lines", min: 60, actual: 55.55 });
    const pass = await runGateDirect(gate, { root, options: { min: { lines: 55.5 } } });
    expect(pass.verdict?.status).toBe("passed");
    expect(pass.verdict?.summary).toBe("55.5% lines covered (min 55.5%)");
  });

  it("checks minimums per path glob, and fails a glob that matches no covered file", async () => {
    const { root } = project();
    const { scan, verdict } = await runGateDirect(gate, {
      root,
      options: {
        paths: [
          { glob: "src/format.*", min: { lines: 70 } },
          { glob: "src/math.ts", min: { lines: 50, functions: 50 } },
          { glob: "src/payments/**", min: { lines: 90 } },
        ],
      },
    });
    expect(verdict?.status).toBe("failed");
    expect(verdict?.checks?.map((c) => [c.name, c.passed])).toEqual([
      ["src/format.*: lines >= 70%", true],
      ["src/math.ts: lines >= 50%", false],
      ["src/math.ts: functions >= 50%", true],
      ["src/payments/**: lines >= 90%", false],
      ["reports-readable", true],
    ]);
    expect(scan.findings.map((f) => f.message)).toEqual([
      "Line coverage of src/math.ts is 40.0% (2/5), below the minimum of 50%; add tests, starting with src/math.ts 40.0%.",
      "No file in the coverage reports matches src/payments/**, so its line coverage cannot reach 90%; check the glob or make the tests load those files.",
    ]);
  });

  it("cannot check a branch minimum on a report that does not measure branches", async () => {
    const root = gitRepo({ "go.mod": "module example.com/shop\n", "cart/cart.go": "package cart\n", "pay/pay.go": "package pay\n" });
    dirs.push(root);
    writeTree(root, { "coverage.out": fixture("go.input.out") });
    const { scan, verdict } = await runGateDirect(gate, { root, options: { min: { lines: 50, branches: 50 } } });
    expect(scan.metrics).toMatchObject({ lines_total: 11, lines_covered: 6, lines_pct: 54.54 });
    expect(scan.metrics.branches_pct).toBeUndefined();
    expect(verdict?.status).toBe("failed");
    expect(scan.findings.map((f) => f.ruleId)).toEqual(["coverage/branches-below-threshold"]);
    expect(scan.findings[0]?.message).toMatch(/do not measure branch coverage/);
  });

  it("evaluate() lets a waived threshold pass", async () => {
    const { root } = project();
    const { scan } = await runGateDirect(gate, { root, options: { min: { lines: 90 } } });
    const options = parseGateOptions(gate, { min: { lines: 90 } });
    const waived = { ...scan, findings: scan.findings.map((f) => ({ ...f, suppression: { kind: "waiver" as const, reason: "legacy", expires: "2027-01-01" } })) };
    const verdict = gate.evaluate(waived, options);
    expect(verdict.status).toBe("passed");
    expect(verdict.checks?.[0]).toMatchObject({ name: "lines >= 90%", passed: true });
    expect(verdict.summary).toBe("55.5% lines covered (min 90%), 1 suppressed");
  });
});

describe("coverage gate: changed lines", () => {
  it("measures the coverable lines the change added or edited, and points at uncovered ones", async () => {
    const { root, base } = project();
    const { scan, verdict } = await runGateDirect(gate, { root, base, options: { "changed-lines": { lines: 80, "min-changed": 2 } } });
    expect(scan.metrics).toMatchObject({ changed_lines_pct: 25, changed_lines_total: 4, changed_lines_covered: 1 });
    expect(verdict?.status).toBe("failed");
    expect(verdict?.summary).toBe("55.5% lines covered, 25.0% of 4 changed lines covered (min 80%)");
    const perFile = scan.findings.filter((f) => f.ruleId === "coverage/changed-lines-uncovered");
    expect(perFile.map((f) => [f.location, f.severity, f.properties?.lines])).toEqual([[{ path: "src/math.ts", startLine: 5 }, "low", [5, 6, 7]]]);
    expect(perFile[0]?.message).toBe("3 changed lines in src/math.ts are not covered by tests (lines 5-7); add a test that runs them.");
    expect(scan.findings.find((f) => f.ruleId === "coverage/changed-lines-below-threshold")?.severity).toBe("high");
  });

  it("notes changed source files that the coverage reports do not list", async () => {
    const { root, base } = project();
    writeTree(root, { "src/new.ts": "export const x = 1;\n", "src/new.test.ts": "test('x', () => {});\n", "docs/notes.md": "# notes\n" });
    commitAll(root, "new file");
    const { scan } = await runGateDirect(gate, { root, base, options: { "changed-lines": { lines: 10 } } });
    expect(scan.notes).toContain("1 changed source file not in the coverage reports (not loaded by any test?): src/new.ts");
  });

  it("only warns when fewer than min-changed coverable lines changed", async () => {
    const { root, base } = project();
    const { scan, verdict } = await runGateDirect(gate, { root, base, options: { "changed-lines": { lines: 80 } } });
    expect(verdict?.status).toBe("warned");
    expect(scan.findings.find((f) => f.ruleId === "coverage/changed-lines-below-threshold")?.message).toBe(
      "Only 25.0% of the 4 coverable changed lines are covered (min 80%); fewer than 5 lines changed, so this only warns.",
    );
    expect(verdict?.checks?.find((c) => c.name === "changed lines >= 80%")?.passed).toBe(true);
  });

  it("passes when the changed lines meet the minimum; uncovered ones stay as info", async () => {
    const { root } = project();
    // no --base: the default base (HEAD~1 here) is used
    const { scan, verdict } = await runGateDirect(gate, { root, options: { "changed-lines": { lines: 25, "min-changed": 1 } } });
    expect(verdict?.status).toBe("passed");
    expect(scan.findings.map((f) => [f.ruleId, f.severity])).toEqual([["coverage/changed-lines-uncovered", "info"]]);
  });

  it("keeps the per-file fingerprint when the uncovered lines move", async () => {
    const { root, base } = project();
    const first = await runGateDirect(gate, { root, base, options: { "changed-lines": { lines: 90 } } });
    writeTree(root, { "coverage/lcov.info": fixture("lcov.input.info").replace("DA:5,0\nDA:6,0\nDA:7,0", "DA:5,1\nDA:6,0\nDA:7,0") });
    const second = await runGateDirect(gate, { root, base, options: { "changed-lines": { lines: 90 } } });
    const a = first.scan.findings.find((f) => f.ruleId === "coverage/changed-lines-uncovered");
    const b = second.scan.findings.find((f) => f.ruleId === "coverage/changed-lines-uncovered");
    expect([a?.location?.startLine, b?.location?.startLine]).toEqual([5, 6]);
    expect(a?.fingerprint).toBe(b?.fingerprint);
  });

  it("fails on a base that does not exist, and notes when it cannot measure", async () => {
    const { root } = project();
    const bad = await runGateDirect(gate, { root, base: "no-such-ref", options: { "changed-lines": { lines: 80 } } });
    expect(bad.verdict?.status).toBe("failed");
    expect(bad.scan.findings[0]?.message).toMatch(/^Changed-lines coverage cannot be measured: .*pass an existing --base\.$/);

    const plain = tempDir();
    dirs.push(plain);
    writeTree(plain, { "src/math.ts": MATH_V2, "src/format.ts": FORMAT_V2, "coverage/lcov.info": fixture("lcov.input.info") });
    const outside = await runGateDirect(gate, { root: plain, options: { "changed-lines": { lines: 80 } } });
    expect(outside.verdict?.status).toBe("passed");
    expect(outside.scan.notes).toContain("changed-lines coverage not measured: the directory is not a git repository");

    const summaryOnly = project({ "coverage/coverage-summary.json": fixture("coverage-summary.input.json") });
    const s = await runGateDirect(gate, { root: summaryOnly.root, base: summaryOnly.base, options: { "changed-lines": { lines: 80 } } });
    expect(s.scan.notes).toContain("2 changed files only have summary coverage (no per-line data) and are not in changed-lines coverage");
    expect(s.scan.metrics).toMatchObject({ changed_lines_total: 0, lines_total: 9 });
  });

  it("writes compact line ranges", () => {
    expect(compactRanges([3, 4, 5, 9, 12, 13])).toBe("lines 3-5, line 9, lines 12-13");
  });
});

describe("coverage gate: options", () => {
  it("accepts the policy example from the design and refuses typos", () => {
    const options = parseGateOptions(gate, { reports: ["coverage/lcov.info"], min: { lines: 80, branches: 70 }, "changed-lines": { lines: 90 } });
    expect(options["changed-lines"]).toEqual({ lines: 90, "min-changed": 5 });
    expect(options.paths).toEqual([]);
    expect(() => parseGateOptions(gate, { min: { line: 80 } })).toThrow();
    expect(() => parseGateOptions(gate, { min: { lines: 101 } })).toThrow();
  });
});

describe("coverage gate: rule catalogue", () => {
  it("declares every rule its findings use", async () => {
    const { root, base } = project({ "coverage/lcov.info": fixture("lcov.input.info"), "coverage/coverage-final.json": "{" });
    const runs = await Promise.all([
      runGateDirect(gate, { root, base, options: { min: { lines: 90, branches: 90, functions: 90 }, "changed-lines": { lines: 90, "min-changed": 1 } } }),
      runGateDirect(gate, { root, options: { reports: ["missing.info"] } }),
    ]);
    const declared = new Set((await gate.rules()).map((r) => r.id));
    const used = new Set(runs.flatMap((r) => r.scan.findings.map((f) => f.ruleId)));
    expect(used.size).toBe(declared.size);
    for (const id of used) expect(declared).toContain(id);
  });
});
