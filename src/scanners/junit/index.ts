// The JUnit scanner: reads JUnit XML reports and turns failed, errored and flaky tests into
// findings, with counts as metrics. It never decides pass or fail; the tests gate does.
import { posix } from "node:path";
import { makeFinding } from "../../core/finding.js";
import type { Finding, Scanner, ScanResult } from "../../core/types.js";
import { RepoPaths, reportBases } from "../coverage/repo-paths.js";
import { parseJunitFile, SUITE_LEVEL_TEST, type JunitCase, type JunitReport } from "./parse.js";
import { ReportFileError } from "./xml-stream.js";

export { parseJunitFile, parseJunitString, SUITE_LEVEL_TEST, type JunitCase, type JunitReport } from "./parse.js";
export { ReportFileError } from "./xml-stream.js";

export interface JunitInput {
  /** Report files: repository-relative `path` (for findings) and `absolute` (to read). */
  reports: { path: string; absolute: string }[];
  /** Maps test file names in reports to repository paths (loaded from the root when absent). */
  paths?: RepoPaths;
  /**
   * Auto-discovered reports: an XML file that is not JUnit at all (another tool's output that a
   * discovery glob caught) becomes a note instead of a finding.
   */
  lenient?: boolean;
}

/** One test after reruns are folded together. */
export interface LogicalTest {
  test: JunitCase;
  /** The report it came from (repository-relative). */
  report: string;
  /** How many times it ran (records in the reports plus Surefire reruns). */
  attempts: number;
  flaky: boolean;
}

const GATE = "tests";

function caseKey(c: JunitCase): string {
  return `${c.suite}\u0000${c.classname}\u0000${c.name}`;
}

/**
 * Folds reruns: Surefire's flakyFailure/rerunFailure children, and the same test written several
 * times (pytest-rerunfailures, jest/mocha retries in some reporters). The last record decides
 * the outcome; a failure before a final pass makes the test flaky.
 */
export function foldReruns(reports: { path: string; report: JunitReport }[]): LogicalTest[] {
  const groups = new Map<string, { records: JunitCase[]; report: string }>();
  for (const { path, report } of reports) {
    for (const c of report.cases) {
      const key = caseKey(c);
      const group = groups.get(key);
      if (group) group.records.push(c);
      else groups.set(key, { records: [c], report: path });
    }
  }
  const tests: LogicalTest[] = [];
  for (const { records, report } of groups.values()) {
    const last = records[records.length - 1];
    if (last === undefined) continue;
    const failedBefore = records.slice(0, -1).some((r) => r.outcome === "failed" || r.outcome === "errored");
    // pytest node ids are unique, so a repeated record can only be a rerun (pytest-rerunfailures
    // 16.6.1+ writes earlier attempts as empty records); other runners may reuse a test name.
    const rerunRecords = records.length > 1 && (last.suite === "pytest" || last.file?.endsWith(".py") === true);
    const flaky = last.outcome === "passed" && (last.flakyAttempts > 0 || failedBefore || rerunRecords);
    const attempts = records.length + last.flakyAttempts + last.rerunAttempts;
    // A failing record keeps the details that the final (passing) one lacks.
    const failing = flaky ? records.find((r) => r.outcome === "failed" || r.outcome === "errored") : undefined;
    const test = failing && !last.message ? { ...last, message: failing.message, details: failing.details, type: failing.type } : last;
    tests.push({ test: stripUndefined(test), report, attempts, flaky });
  }
  return tests;
}

function stripUndefined(c: JunitCase): JunitCase {
  for (const k of Object.keys(c) as (keyof JunitCase)[]) if (c[k] === undefined) delete c[k];
  return c;
}

const SOURCE_EXTENSIONS = [".java", ".kt", ".scala", ".groovy"];

/** Where a test lives in the repository: its file, else a file-like classname, else a JVM class name. */
export function locateTest(c: JunitCase, paths: RepoPaths, reportPath: string): { path?: string; line?: number } {
  const bases = reportBases(reportPath);
  let path: string | undefined;
  if (c.file !== undefined) path = paths.resolve(c.file, bases);
  else if (/[\\/]/.test(c.classname) && /\.[A-Za-z0-9]+$/.test(c.classname)) path = paths.resolve(c.classname, bases);
  else if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(c.classname)) {
    const asPath = c.classname.replace(/\$.*$/, "").replaceAll(".", "/");
    for (const ext of SOURCE_EXTENSIONS) {
      const candidate = paths.resolve(`${asPath}${ext}`);
      if (candidate !== undefined && paths.has(candidate)) {
        path = candidate;
        break;
      }
    }
  }
  else if (c.details !== undefined && /^[\w.-]+(\/[\w.~-]+)+$/.test(c.classname)) {
    // go-junit-report: classname is the package import path; the output names the _test.go file.
    const file = /([\w.-]+_test\.go):\d+/.exec(c.details)?.[1];
    if (file !== undefined) {
      const candidate = paths.resolve(`${c.classname}/${file}`);
      if (candidate !== undefined && paths.has(candidate)) path = candidate;
    }
  }
  if (path === undefined) return {};
  const line = lineFromDetails(c.details, path) ?? c.line;
  return line === undefined ? { path } : { path, line };
}

/** The first "file:line" of the test file in a stack trace: where the assertion failed. */
export function lineFromDetails(details: string | undefined, path: string): number | undefined {
  if (!details) return undefined;
  const base = posix.basename(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?:^|[\\s(/\\\\"'])${base}:(\\d+)`).exec(details);
  const line = match?.[1] === undefined ? undefined : Number(match[1]);
  return line !== undefined && line >= 1 ? line : undefined;
}

function testTitle(c: JunitCase): string {
  const group = c.classname || c.suite;
  // jest-junit and mocha-junit-reporter repeat the describe block in the test name.
  if (group === "" || c.name.includes(group)) return c.name || group;
  return c.name === "" ? group : `${group} › ${c.name}`;
}

/** Stack traces in findings stay short: reports of thousands of failures must stay uploadable. */
const PROPERTY_DETAIL_LIMIT = 1500;

function firstLine(text: string | undefined, limit = 200): string | undefined {
  const line = text?.split("\n").find((l) => l.trim() !== "")?.trim();
  if (line === undefined) return undefined;
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

export function testFindings(tests: readonly LogicalTest[], paths: RepoPaths): Finding[] {
  const findings: Finding[] = [];
  for (const { test, report, attempts, flaky } of tests) {
    const rule = flaky ? "flaky-test" : test.outcome === "failed" ? "test-failed" : test.outcome === "errored" ? "test-errored" : undefined;
    if (rule === undefined) continue;
    const where = locateTest(test, paths, report);
    const title = testTitle(test);
    const why = firstLine(test.message) ?? firstLine(test.details);
    const attemptWhy = firstLine(test.attemptMessage) ?? why;
    const message = flaky
      ? `Test "${title}" failed and then passed on retry (${attempts} attempts${attemptWhy ? `, first failure: ${attemptWhy}` : ""}); make it deterministic or quarantine it.`
      : test.name === SUITE_LEVEL_TEST
        ? `Suite "${test.suite}" ${test.outcome === "failed" ? "failed" : "errored"} outside any test${why ? `: ${why}` : ""}.`
        : test.outcome === "failed"
        ? `Test "${title}" failed${why ? `: ${why}` : ""}.`
        : `Test "${title}" errored${why ? `: ${why}` : ""}.`;
    const properties: Record<string, unknown> = { suite: test.suite, classname: test.classname, test: test.name, report, attempts };
    if (test.type !== undefined) properties.type = test.type;
    if (test.message !== undefined) properties.failureMessage = test.message;
    if (test.attemptMessage !== undefined) properties.attemptMessage = test.attemptMessage;
    if (test.details !== undefined) properties.details = test.details.slice(0, PROPERTY_DETAIL_LIMIT);
    if (test.time !== undefined) properties.time = test.time;
    const input: Parameters<typeof makeFinding>[0] = {
      ruleId: `${GATE}/${rule}`,
      gate: GATE,
      severity: flaky ? "low" : "high",
      message,
      key: `${test.suite}\u0000${test.classname}\u0000${test.name}`,
      properties,
    };
    if (where.path !== undefined) input.location = where.line === undefined ? { path: where.path } : { path: where.path, startLine: where.line };
    // No test file known: the report that records the failure is the next best place to point.
    else if (!report.startsWith("/")) input.location = { path: report };
    findings.push(makeFinding(input));
  }
  return findings;
}

export function parseErrorFinding(reportPath: string, error: ReportFileError, rule = `${GATE}/parse-error`): Finding {
  return makeFinding({
    ruleId: rule,
    gate: rule.split("/")[0] ?? GATE,
    severity: "high",
    message: `Report ${reportPath} cannot be read: ${error.message}.`,
    location: { path: reportPath },
    key: error.kind,
    properties: { reason: error.kind, detail: error.message },
  });
}

export interface JunitScan extends ScanResult {
  notes: string[];
  tests: LogicalTest[];
  /** Reports read without error. */
  readable: string[];
}

/** Reads every report (one bad file never stops the others), folds reruns, makes findings. */
export async function scanJunitReports(input: JunitInput, ctx: { root: string; signal: AbortSignal }): Promise<JunitScan> {
  const parsed: { path: string; report: JunitReport }[] = [];
  const findings: Finding[] = [];
  const readable: string[] = [];
  const notes: string[] = [];
  let ignored = 0;
  for (const report of input.reports) {
    ctx.signal.throwIfAborted();
    try {
      parsed.push({ path: report.path, report: await parseJunitFile(report.absolute, ctx.signal) });
      readable.push(report.path);
    } catch (error) {
      if (!(error instanceof ReportFileError)) throw error;
      if (input.lenient && error.kind === "not-a-report") {
        notes.push(`${report.path} ignored: ${error.message}`);
        ignored++;
      } else {
        findings.push(parseErrorFinding(report.path, error));
      }
    }
  }
  const tests = foldReruns(parsed);
  // Listing the repository costs time in big trees: only when there is a test to point at.
  const needsPaths = tests.some((t) => t.flaky || t.test.outcome === "failed" || t.test.outcome === "errored");
  if (needsPaths) findings.push(...testFindings(tests, input.paths ?? (await RepoPaths.load(ctx.root, ctx.signal))));
  const count = (p: (t: LogicalTest) => boolean) => tests.filter(p).length;
  const metrics = {
    // Suite-level problems count as errors or failures, not as tests that ran.
    tests: count((t) => t.test.name !== SUITE_LEVEL_TEST),
    passed: count((t) => t.test.outcome === "passed" && !t.flaky),
    failures: count((t) => t.test.outcome === "failed"),
    errors: count((t) => t.test.outcome === "errored"),
    skipped: count((t) => t.test.outcome === "skipped"),
    flaky: count((t) => t.flaky),
    reports: readable.length,
    unreadable_reports: input.reports.length - readable.length - ignored,
  };
  return { findings, metrics, notes, tests, readable };
}

export const scanner: Scanner<JunitInput> = {
  id: "junit",
  description: "JUnit XML reader (jest-junit, vitest, pytest, go-junit-report, Maven Surefire, mocha-junit-reporter)",
  scan: async (input, ctx) => {
    const { findings, metrics, notes } = await scanJunitReports(input, ctx);
    return { findings, metrics, notes };
  },
};
