#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  schema
} from "./chunk-AIZLQAGR.js";
import {
  parseDuration
} from "./chunk-RSC3HFTQ.js";
import {
  RepoPaths,
  ReportFileError,
  findReports,
  parseXmlFile,
  reportBases
} from "./chunk-ZVDNV3W4.js";
import "./chunk-ZRGI7UBK.js";
import "./chunk-CY7KP3J2.js";
import {
  atLeast,
  isActive,
  plural
} from "./chunk-CXJQTCH4.js";
import {
  runCommand
} from "./chunk-TGCGIDEH.js";
import "./chunk-C5CGFLPB.js";
import {
  makeFinding
} from "./chunk-NQDPYFAW.js";
import "./chunk-2GVBCIT7.js";

// src/scanners/junit/index.ts
import { posix } from "node:path";

// src/scanners/junit/parse.ts
var DETAIL_LIMIT = 4e3;
var MAX_SUITE_DEPTH = 256;
function attr(tag, name) {
  const value = tag.attributes[name];
  return value === void 0 || value === "" ? void 0 : value;
}
function count(tag, name) {
  const value = attr(tag, name);
  return value !== void 0 && /^\d+$/.test(value.trim()) ? Number(value) : void 0;
}
function parseLine(value, zeroBased) {
  if (value === void 0 || !/^\d+$/.test(value.trim())) return void 0;
  const n = Number(value) + (zeroBased ? 1 : 0);
  return n >= 1 ? n : void 0;
}
function parseTime(value) {
  if (value === void 0) return void 0;
  const n = Number(value.includes(",") ? value.replaceAll(",", "") : value);
  return Number.isFinite(n) ? n : void 0;
}
var RESULT_ELEMENTS = { failure: "failed", error: "errored", skipped: "skipped" };
var FLAKY_ELEMENTS = /* @__PURE__ */ new Set(["flakyFailure", "flakyError"]);
var RERUN_ELEMENTS = /* @__PURE__ */ new Set(["rerunFailure", "rerunError"]);
var RANK = { passed: 0, skipped: 1, failed: 2, errored: 3 };
var SUITE_LEVEL_TEST = "(suite)";
var JunitCollector = class {
  cases = [];
  suites = 0;
  root = "";
  suiteStack = [];
  current;
  /** The current case stands for an <error>/<failure> written straight under a <testsuite>. */
  suiteLevel = false;
  /** Depth inside the current testcase (1 = direct child). */
  depth = 0;
  /** Collecting the body of the failure/error element at this depth. */
  capture;
  ignoreDepth = 0;
  open(tag) {
    const name = tag.name;
    if (this.root === "") {
      this.root = name;
      if (name !== "testsuites" && name !== "testsuite") {
        throw new ReportFileError(`not a JUnit report: the root element is <${name}>, expected <testsuites> or <testsuite>`, "not-a-report");
      }
    }
    if (this.current) {
      this.depth++;
      if (this.ignoreDepth > 0) return;
      const outcome = RESULT_ELEMENTS[name];
      if (this.depth === 1 && outcome !== void 0) {
        this.countResult(outcome);
        if (RANK[outcome] > RANK[this.current.outcome]) this.setResult(tag, outcome);
        return;
      }
      if (this.depth === 1 && (FLAKY_ELEMENTS.has(name) || RERUN_ELEMENTS.has(name))) {
        if (FLAKY_ELEMENTS.has(name)) this.current.flakyAttempts++;
        else this.current.rerunAttempts++;
        const message = attr(tag, "message")?.trim();
        if (message !== void 0 && this.current.attemptMessage === void 0) this.current.attemptMessage = message.slice(0, DETAIL_LIMIT);
      }
      if (!this.capture) this.ignoreDepth = this.depth;
      return;
    }
    if (name === "testsuite" || name === "testsuites") {
      if (this.suiteStack.length >= MAX_SUITE_DEPTH) {
        throw new ReportFileError(`test suites nested more than ${MAX_SUITE_DEPTH} levels deep; tollgate refuses the file`, "hostile");
      }
      if (name === "testsuite") this.suites++;
      const parent = this.suiteStack.at(-1);
      const file = attr(tag, "file") ?? attr(tag, "filepath") ?? parent?.file;
      const frame = { name: attr(tag, "name") ?? parent?.name ?? "", errors: 0, failures: 0 };
      if (file !== void 0) frame.file = file;
      const errors = count(tag, "errors");
      if (errors !== void 0) frame.declaredErrors = errors;
      const failures = count(tag, "failures");
      if (failures !== void 0) frame.declaredFailures = failures;
      this.suiteStack.push(frame);
    } else if (name === "testcase") {
      const suite = this.suiteStack.at(-1);
      const suiteName = suite?.name ?? "";
      const test = {
        suite: suiteName,
        classname: attr(tag, "classname") ?? attr(tag, "class") ?? "",
        name: attr(tag, "name") ?? "",
        outcome: "passed",
        flakyAttempts: 0,
        rerunAttempts: 0
      };
      const file = attr(tag, "file") ?? attr(tag, "filepath") ?? suite?.file;
      if (file !== void 0) test.file = file;
      const line = parseLine(attr(tag, "line") ?? attr(tag, "lineno"), suiteName === "pytest");
      if (line !== void 0) test.line = line;
      const time = parseTime(attr(tag, "time"));
      if (time !== void 0) test.time = time;
      this.current = test;
      this.depth = 0;
    } else if ((name === "failure" || name === "error") && this.suiteStack.length > 0) {
      const outcome = RESULT_ELEMENTS[name] ?? "errored";
      this.current = this.suiteCase(outcome);
      this.suiteLevel = true;
      this.depth = 1;
      this.countResult(outcome);
      this.setResult(tag, outcome);
    }
  }
  close(name) {
    if (this.current) {
      if (this.depth === 0) {
        if (name === "testcase") this.cases.push(this.current);
        this.current = void 0;
        return;
      }
      if (this.capture && this.capture.depth === this.depth) {
        const body = this.capture.chunks.join("").trim();
        if (body) this.current.details = body;
        this.capture = void 0;
      }
      if (this.ignoreDepth === this.depth) this.ignoreDepth = 0;
      this.depth--;
      if (this.suiteLevel && this.depth === 0) {
        this.cases.push(this.current);
        this.current = void 0;
        this.suiteLevel = false;
      }
      return;
    }
    if (name === "testsuite" || name === "testsuites") {
      const frame = this.suiteStack.pop();
      if (frame) this.checkDeclaredCounts(frame);
    }
  }
  text(text) {
    const capture = this.capture;
    if (!capture || this.ignoreDepth > 0 || capture.size >= DETAIL_LIMIT) return;
    const piece = text.slice(0, DETAIL_LIMIT - capture.size);
    capture.chunks.push(piece);
    capture.size += piece.length;
  }
  setResult(tag, outcome) {
    const current = this.current;
    if (!current) return;
    current.outcome = outcome;
    const message = attr(tag, "message")?.trim();
    if (message !== void 0) current.message = message.slice(0, DETAIL_LIMIT);
    else delete current.message;
    const type = attr(tag, "type");
    if (type !== void 0) current.type = type;
    if (outcome !== "skipped") this.capture = { depth: this.depth, chunks: [], size: 0 };
  }
  countResult(outcome) {
    for (const frame of this.suiteStack) {
      if (outcome === "errored") frame.errors++;
      else if (outcome === "failed") frame.failures++;
    }
  }
  suiteCase(outcome, frame = this.suiteStack.at(-1)) {
    const name = frame?.name ?? "";
    const test = { suite: name, classname: name, name: SUITE_LEVEL_TEST, outcome, flakyAttempts: 0, rerunAttempts: 0 };
    if (frame?.file !== void 0) test.file = frame.file;
    return test;
  }
  /**
   * A suite that declares more errors or failures than its test cases show failed outside any
   * test (jest-junit writes a test file that does not compile as errors="1" and no testcase):
   * record it as a suite-level case so that it can never pass unnoticed.
   */
  checkDeclaredCounts(frame) {
    const missingErrors = Math.max(0, (frame.declaredErrors ?? 0) - frame.errors);
    const missingFailures = Math.max(0, (frame.declaredFailures ?? 0) - frame.failures);
    if (missingErrors + missingFailures === 0) return;
    const outcome = missingErrors > 0 ? "errored" : "failed";
    const test = this.suiteCase(outcome, frame);
    const what = [missingErrors > 0 ? `${missingErrors} error${missingErrors === 1 ? "" : "s"}` : "", missingFailures > 0 ? `${missingFailures} failure${missingFailures === 1 ? "" : "s"}` : ""].filter(Boolean).join(" and ");
    test.message = `the suite reports ${what} that no test case shows (did a test file fail to load?)`;
    if (frame.name === "" && this.suiteStack.length === 0) test.suite = test.classname = this.root;
    if (missingErrors > 0) for (const f of this.suiteStack) f.errors += missingErrors;
    if (missingFailures > 0) for (const f of this.suiteStack) f.failures += missingFailures;
    this.cases.push(test);
  }
};
async function parseJunitFile(path, signal) {
  let collector = new JunitCollector();
  await parseXmlFile(
    path,
    () => {
      collector = new JunitCollector();
      return collector;
    },
    signal
  );
  return { cases: collector.cases, suites: collector.suites, root: collector.root };
}

// src/scanners/junit/index.ts
var GATE = "tests";
function caseKey(c) {
  return `${c.suite}\0${c.classname}\0${c.name}`;
}
function foldReruns(reports) {
  const groups = /* @__PURE__ */ new Map();
  for (const { path, report } of reports) {
    for (const c of report.cases) {
      const key = caseKey(c);
      const group = groups.get(key);
      if (group) group.records.push(c);
      else groups.set(key, { records: [c], report: path });
    }
  }
  const tests = [];
  for (const { records, report } of groups.values()) {
    const last = records[records.length - 1];
    if (last === void 0) continue;
    const failedBefore = records.slice(0, -1).some((r) => r.outcome === "failed" || r.outcome === "errored");
    const rerunRecords = records.length > 1 && (last.suite === "pytest" || last.file?.endsWith(".py") === true);
    const flaky = last.outcome === "passed" && (last.flakyAttempts > 0 || failedBefore || rerunRecords);
    const attempts = records.length + last.flakyAttempts + last.rerunAttempts;
    const failing = flaky ? records.find((r) => r.outcome === "failed" || r.outcome === "errored") : void 0;
    const test = failing && !last.message ? { ...last, message: failing.message, details: failing.details, type: failing.type } : last;
    tests.push({ test: stripUndefined(test), report, attempts, flaky });
  }
  return tests;
}
function stripUndefined(c) {
  for (const k of Object.keys(c)) if (c[k] === void 0) delete c[k];
  return c;
}
var SOURCE_EXTENSIONS = [".java", ".kt", ".scala", ".groovy"];
function locateTest(c, paths, reportPath) {
  const bases = reportBases(reportPath);
  let path;
  if (c.file !== void 0) path = paths.resolve(c.file, bases);
  else if (/[\\/]/.test(c.classname) && /\.[A-Za-z0-9]+$/.test(c.classname)) path = paths.resolve(c.classname, bases);
  else if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(c.classname)) {
    const asPath = c.classname.replace(/\$.*$/, "").replaceAll(".", "/");
    for (const ext of SOURCE_EXTENSIONS) {
      const candidate = paths.resolve(`${asPath}${ext}`);
      if (candidate !== void 0 && paths.has(candidate)) {
        path = candidate;
        break;
      }
    }
  } else if (c.details !== void 0 && /^[\w.-]+(\/[\w.~-]+)+$/.test(c.classname)) {
    const file = /([\w.-]+_test\.go):\d+/.exec(c.details)?.[1];
    if (file !== void 0) {
      const candidate = paths.resolve(`${c.classname}/${file}`);
      if (candidate !== void 0 && paths.has(candidate)) path = candidate;
    }
  }
  if (path === void 0) return {};
  const line = lineFromDetails(c.details, path) ?? c.line;
  return line === void 0 ? { path } : { path, line };
}
function lineFromDetails(details, path) {
  if (!details) return void 0;
  const base = posix.basename(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?:^|[\\s(/\\\\"'])${base}:(\\d+)`).exec(details);
  const line = match?.[1] === void 0 ? void 0 : Number(match[1]);
  return line !== void 0 && line >= 1 ? line : void 0;
}
function testTitle(c) {
  const group = c.classname || c.suite;
  if (group === "" || c.name.includes(group)) return c.name || group;
  return c.name === "" ? group : `${group} \u203A ${c.name}`;
}
var PROPERTY_DETAIL_LIMIT = 1500;
function firstLine(text, limit = 200) {
  const line = text?.split("\n").find((l) => l.trim() !== "")?.trim();
  if (line === void 0) return void 0;
  return line.length > limit ? `${line.slice(0, limit - 1)}\u2026` : line;
}
function testFindings(tests, paths) {
  const findings = [];
  for (const { test, report, attempts, flaky } of tests) {
    const rule = flaky ? "flaky-test" : test.outcome === "failed" ? "test-failed" : test.outcome === "errored" ? "test-errored" : void 0;
    if (rule === void 0) continue;
    const where = locateTest(test, paths, report);
    const title = testTitle(test);
    const why = firstLine(test.message) ?? firstLine(test.details);
    const attemptWhy = firstLine(test.attemptMessage) ?? why;
    const message = flaky ? `Test "${title}" failed and then passed on retry (${attempts} attempts${attemptWhy ? `, first failure: ${attemptWhy}` : ""}); make it deterministic or quarantine it.` : test.name === SUITE_LEVEL_TEST ? `Suite "${test.suite}" ${test.outcome === "failed" ? "failed" : "errored"} outside any test${why ? `: ${why}` : ""}.` : test.outcome === "failed" ? `Test "${title}" failed${why ? `: ${why}` : ""}.` : `Test "${title}" errored${why ? `: ${why}` : ""}.`;
    const properties = { suite: test.suite, classname: test.classname, test: test.name, report, attempts };
    if (test.type !== void 0) properties.type = test.type;
    if (test.message !== void 0) properties.failureMessage = test.message;
    if (test.attemptMessage !== void 0) properties.attemptMessage = test.attemptMessage;
    if (test.details !== void 0) properties.details = test.details.slice(0, PROPERTY_DETAIL_LIMIT);
    if (test.time !== void 0) properties.time = test.time;
    const input = {
      ruleId: `${GATE}/${rule}`,
      gate: GATE,
      severity: flaky ? "low" : "high",
      message,
      key: `${test.suite}\0${test.classname}\0${test.name}`,
      properties
    };
    if (where.path !== void 0) input.location = where.line === void 0 ? { path: where.path } : { path: where.path, startLine: where.line };
    else if (!report.startsWith("/")) input.location = { path: report };
    findings.push(makeFinding(input));
  }
  return findings;
}
function parseErrorFinding(reportPath, error, rule = `${GATE}/parse-error`) {
  return makeFinding({
    ruleId: rule,
    gate: rule.split("/")[0] ?? GATE,
    severity: "high",
    message: `Report ${reportPath} cannot be read: ${error.message}.`,
    location: { path: reportPath },
    key: error.kind,
    properties: { reason: error.kind, detail: error.message }
  });
}
async function scanJunitReports(input, ctx) {
  const parsed = [];
  const findings = [];
  const readable = [];
  const notes = [];
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
  const needsPaths = tests.some((t) => t.flaky || t.test.outcome === "failed" || t.test.outcome === "errored");
  if (needsPaths) findings.push(...testFindings(tests, input.paths ?? await RepoPaths.load(ctx.root, ctx.signal)));
  const count2 = (p) => tests.filter(p).length;
  const metrics = {
    // Suite-level problems count as errors or failures, not as tests that ran.
    tests: count2((t) => t.test.name !== SUITE_LEVEL_TEST),
    passed: count2((t) => t.test.outcome === "passed" && !t.flaky),
    failures: count2((t) => t.test.outcome === "failed"),
    errors: count2((t) => t.test.outcome === "errored"),
    skipped: count2((t) => t.test.outcome === "skipped"),
    flaky: count2((t) => t.flaky),
    reports: readable.length,
    unreadable_reports: input.reports.length - readable.length - ignored
  };
  return { findings, metrics, notes, tests, readable };
}

// src/gates/tests/rules.ts
var RULES = [
  {
    id: "tests/test-failed",
    severity: "high",
    title: "Test failed",
    description: "A test's assertion failed in the JUnit report. The gate fails when failed plus errored tests exceed max-failures.",
    remediation: "Fix the code or the test; run the test locally with the command from the report's classname and name."
  },
  {
    id: "tests/test-errored",
    severity: "high",
    title: "Test errored",
    description: "A test stopped with an unexpected error (the report's <error>, not an assertion <failure>): a crash, a timeout, a broken fixture.",
    remediation: "Read the error and stack trace in the report; fix the setup or the code that threw."
  },
  {
    id: "tests/flaky-test",
    severity: "low",
    title: "Flaky test",
    description: "A test failed and then passed when re-run (Surefire flakyFailure, pytest-rerunfailures, runner retries). It warns and does not fail the gate.",
    remediation: "Make the test deterministic (time, order, network, shared state) or quarantine it; retries hide real failures."
  },
  {
    id: "tests/parse-error",
    severity: "high",
    title: "Test report cannot be read",
    description: "A JUnit XML report is empty, truncated, not well-formed, not UTF-8, or hostile (declares XML entities). The file is skipped and reported; other reports are still read.",
    remediation: "Make the test runner write a complete UTF-8 JUnit XML report; check that the run was not cut short."
  },
  {
    id: "tests/report-missing",
    severity: "high",
    title: "Test report missing",
    description: "The policy names JUnit reports (or a command) but no report file was found, so the tests cannot be judged.",
    remediation: "Fix the path in tests.reports, or configure the test runner to write JUnit XML there (jest-junit, vitest --reporter=junit, pytest --junitxml, go-junit-report, Surefire)."
  },
  {
    id: "tests/command-failed",
    severity: "high",
    title: "Test command failed",
    description: "The tests.command could not run, timed out, or failed without writing a report.",
    remediation: "Run the command locally; make sure it writes its JUnit report even when tests fail."
  }
];

// src/gates/tests/index.ts
var AUTO_REPORTS = ["junit*.xml", "**/TEST-*.xml", "reports/junit/**/*.xml", "test-results/**/*.xml"];
var STALE_SLACK_MS = 2e3;
var TEST_RULES = /* @__PURE__ */ new Set(["tests/test-failed", "tests/test-errored"]);
function finding(rule, message, key, extra = {}) {
  const input = { ruleId: `tests/${rule}`, gate: "tests", severity: "high", message, key };
  if (extra.path !== void 0) input.location = { path: extra.path };
  if (extra.properties !== void 0) input.properties = extra.properties;
  return makeFinding(input);
}
async function runSuite(ctx, command) {
  const timeout = ctx.options["command-timeout"];
  const timeoutMs = timeout === void 0 ? void 0 : parseDuration(timeout);
  ctx.log.info(`running ${command}`);
  const startedAt = Date.now();
  const result = await runCommand({
    command,
    shell: true,
    cwd: ctx.root,
    env: ctx.env,
    signal: ctx.signal,
    timeoutMs,
    onOutput: (chunk) => ctx.log.output(chunk),
    maxStdout: 1024 * 1024
  });
  ctx.signal.throwIfAborted();
  if (result.spawnError !== void 0) return { ok: false, startedAt, broken: true, description: `could not be started (${result.spawnError})` };
  if (result.timedOut) return { ok: false, startedAt, broken: true, description: `timed out after ${timeout ?? "the time limit"}` };
  if (result.signal !== null) return { ok: false, startedAt, broken: true, description: `was killed by ${result.signal}` };
  if (result.exitCode !== 0) return { ok: false, startedAt, broken: false, description: `exited with code ${result.exitCode}` };
  return { ok: true, startedAt, broken: false, description: "exited with code 0" };
}
async function scan(ctx) {
  const options = ctx.options;
  const explicit = options.reports !== void 0 && options.reports.length > 0;
  const expectsReports = explicit || options.command !== void 0;
  const findings = [];
  const notes = [];
  const data = { expectsReports };
  const command = options.command === void 0 ? void 0 : await runSuite(ctx, options.command);
  if (command && options.command !== void 0) {
    if (command.broken) {
      findings.push(finding("command-failed", `The test command \`${options.command}\` ${command.description}.`, "command", { properties: { command: options.command } }));
    } else if (!command.ok) {
      notes.push(`the test command ${command.description}; the verdict comes from its reports`);
    }
  }
  const patterns = explicit ? options.reports ?? [] : AUTO_REPORTS;
  const found = await findReports(ctx.root, patterns, { exclude: options.exclude, signal: ctx.signal });
  let reports = found.reports;
  if (command) {
    const fresh = reports.filter((r) => r.mtimeMs >= command.startedAt - STALE_SLACK_MS);
    for (const r of reports) if (!fresh.includes(r)) notes.push(`${r.path} ignored: it is older than this run of the test command`);
    reports = fresh;
  }
  if (explicit) {
    for (const pattern of found.unmatched) {
      findings.push(
        finding("report-missing", `No JUnit report matches "${pattern}"; check tests.reports or make the test runner write it.`, `pattern:${pattern}`, {
          properties: { pattern }
        })
      );
    }
  }
  if (reports.length === 0) {
    if (command && options.command !== void 0 && !command.broken) {
      const rule = command.ok ? "report-missing" : "command-failed";
      const why = command.ok ? `The test command \`${options.command}\` wrote no JUnit report; configure the test runner to write JUnit XML${explicit ? " where tests.reports points" : ""}.` : `The test command \`${options.command}\` ${command.description} and wrote no JUnit report.`;
      findings.push(finding(rule, why, "command", { properties: { command: options.command } }));
    }
    if (findings.length === 0) {
      return {
        findings: [],
        metrics: {},
        notes,
        skipped: `no JUnit XML report found (looked for ${AUTO_REPORTS.join(", ")}); set tests.reports or make the test runner write JUnit XML`
      };
    }
    const result2 = { findings, metrics: { tests: 0, failures: 0, errors: 0, skipped: 0, flaky: 0, reports: 0 }, notes, data };
    result2.checks = evaluate(result2, options).checks ?? [];
    return result2;
  }
  const junit = await scanJunitReports({ reports, lenient: !explicit }, ctx);
  findings.push(...junit.findings);
  notes.push(...junit.notes);
  if (junit.readable.length === 0 && !explicit && findings.length === 0) {
    if (options.command === void 0) {
      return { findings: [], metrics: {}, notes, skipped: "no JUnit XML report found: the XML files in the usual places are not JUnit reports" };
    }
    findings.push(
      finding("report-missing", `The test command \`${options.command}\` wrote no JUnit report; configure the test runner to write JUnit XML.`, "command", {
        properties: { command: options.command }
      })
    );
  }
  const result = { findings, metrics: junit.metrics, notes, data };
  result.checks = evaluate(result, options).checks ?? [];
  return result;
}
function evaluate(scan2, options) {
  const active = scan2.findings.filter(isActive);
  const failing = active.filter((f) => TEST_RULES.has(f.ruleId)).length;
  const flaky = active.filter((f) => f.ruleId === "tests/flaky-test").length;
  const problems = active.filter((f) => !TEST_RULES.has(f.ruleId) && f.ruleId !== "tests/flaky-test");
  const blocking = problems.filter((f) => atLeast(f.severity, options["fail-on"]));
  const tests = scan2.metrics.tests ?? 0;
  const ran = tests - (scan2.metrics.skipped ?? 0);
  const expectsReports = scan2.data?.expectsReports === true;
  const minTests = options["min-tests"] ?? (expectsReports ? 1 : 0);
  const maxFailures = options["max-failures"];
  const suppressed = scan2.findings.length - active.length;
  const checks = [
    {
      name: "max-failures",
      passed: failing <= maxFailures,
      message: `${plural(failing, "failed or errored test")} (max ${maxFailures})`
    },
    // Skipped tests do not count: a suite whose every test is skipped tests nothing.
    { name: "min-tests", passed: ran >= minTests, message: `${plural(ran, "test")} run (min ${minTests})` },
    {
      name: "reports-readable",
      passed: blocking.length === 0,
      message: blocking.length === 0 ? "every report was found and read" : blocking.map((f) => f.message).join(" ")
    }
  ];
  const m = scan2.metrics;
  const parts = [
    `${m.failures ?? 0} failed`,
    `${m.errors ?? 0} errored`,
    `${m.skipped ?? 0} skipped`,
    `${m.flaky ?? 0} flaky`
  ];
  let summary = `${plural(tests, "test")}: ${parts.join(", ")} (max failures ${maxFailures}${minTests > 0 ? `, min tests ${minTests}` : ""})`;
  if (suppressed > 0) summary += `, ${suppressed} suppressed`;
  if (blocking.length > 0) summary += `; ${plural(blocking.length, "report problem")}`;
  const failed = checks.some((c) => !c.passed);
  if (failed) return { status: "failed", summary, checks };
  if (failing > 0 || flaky > 0 || problems.length > 0) return { status: "warned", summary, checks };
  return { status: "passed", summary, checks };
}
var gate = {
  id: "tests",
  title: "Tests",
  description: "Runs the test suite (optional) and judges its JUnit XML reports: failed and errored tests, test count, flaky tests.",
  schema,
  rules: () => [...RULES],
  scan,
  evaluate
};
export {
  AUTO_REPORTS,
  evaluate,
  gate
};
