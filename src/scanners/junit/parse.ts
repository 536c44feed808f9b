// Reads JUnit XML as the common runners write it (jest-junit, vitest, pytest, go-junit-report,
// Maven Surefire, mocha-junit-reporter) into one flat list of test cases, streaming.
import type { SaxesTagPlain } from "saxes";
import { parseXmlFile, parseXmlString, ReportFileError, type XmlHandlers } from "./xml-stream.js";

export type CaseOutcome = "passed" | "failed" | "errored" | "skipped";

export interface JunitCase {
  /** Name of the innermost <testsuite>. */
  suite: string;
  classname: string;
  name: string;
  /** The test's file as the report writes it (testcase, else suite `file` attribute). */
  file?: string;
  /** 1-based line, when the report gives one. */
  line?: number;
  outcome: CaseOutcome;
  /** The failure/error/skip message (attribute), trimmed. */
  message?: string;
  /** The failure/error type attribute (e.g. AssertionError). */
  type?: string;
  /** The start of the failure/error body (stack trace), at most DETAIL_LIMIT characters. */
  details?: string;
  /** Surefire <flakyFailure>/<flakyError>: failed attempts before a pass. */
  flakyAttempts: number;
  /** Surefire <rerunFailure>/<rerunError>: failed re-runs of a test that kept failing. */
  rerunAttempts: number;
  /** Message of the first failed attempt (flakyFailure/rerunFailure), when given. */
  attemptMessage?: string;
  /** Seconds, when given. */
  time?: number;
}

export interface JunitReport {
  cases: JunitCase[];
  suites: number;
  /** Name of the root element: testsuites or testsuite. */
  root: string;
}

export const DETAIL_LIMIT = 4000;
export const MAX_SUITE_DEPTH = 256;

interface SuiteFrame {
  name: string;
  file?: string;
  /** The suite's own `errors`/`failures` attributes, when given. */
  declaredErrors?: number;
  declaredFailures?: number;
  /** <error>/<failure> elements seen inside it, nested suites included. */
  errors: number;
  failures: number;
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const value = tag.attributes[name];
  return value === undefined || value === "" ? undefined : value;
}

function count(tag: SaxesTagPlain, name: string): number | undefined {
  const value = attr(tag, name);
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

function parseLine(value: string | undefined, zeroBased: boolean): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  const n = Number(value) + (zeroBased ? 1 : 0);
  return n >= 1 ? n : undefined;
}

function parseTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Some runners write thousands separators ("1,234.5").
  const n = Number(value.includes(",") ? value.replaceAll(",", "") : value);
  return Number.isFinite(n) ? n : undefined;
}

const RESULT_ELEMENTS: Record<string, CaseOutcome> = { failure: "failed", error: "errored", skipped: "skipped" };
const FLAKY_ELEMENTS = new Set(["flakyFailure", "flakyError"]);
const RERUN_ELEMENTS = new Set(["rerunFailure", "rerunError"]);
const RANK: Record<CaseOutcome, number> = { passed: 0, skipped: 1, failed: 2, errored: 3 };

/** The name given to a suite-level problem that no test case carries. */
export const SUITE_LEVEL_TEST = "(suite)";

/** Builds JunitCases from SAX events; one instance per file. */
class JunitCollector implements XmlHandlers {
  readonly cases: JunitCase[] = [];
  suites = 0;
  root = "";
  private readonly suiteStack: SuiteFrame[] = [];
  private current: JunitCase | undefined;
  /** The current case stands for an <error>/<failure> written straight under a <testsuite>. */
  private suiteLevel = false;
  /** Depth inside the current testcase (1 = direct child). */
  private depth = 0;
  /** Collecting the body of the failure/error element at this depth. */
  private capture: { depth: number; chunks: string[]; size: number } | undefined;
  private ignoreDepth = 0;

  open(tag: SaxesTagPlain): void {
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
      if (this.depth === 1 && outcome !== undefined) {
        this.countResult(outcome);
        if (RANK[outcome] > RANK[this.current.outcome]) this.setResult(tag, outcome);
        return;
      }
      if (this.depth === 1 && (FLAKY_ELEMENTS.has(name) || RERUN_ELEMENTS.has(name))) {
        if (FLAKY_ELEMENTS.has(name)) this.current.flakyAttempts++;
        else this.current.rerunAttempts++;
        const message = attr(tag, "message")?.trim();
        if (message !== undefined && this.current.attemptMessage === undefined) this.current.attemptMessage = message.slice(0, DETAIL_LIMIT);
      }
      // Nothing below a testcase besides its result body matters (system-out, properties, stack traces of reruns).
      if (!this.capture) this.ignoreDepth = this.depth;
      return;
    }
    if (name === "testsuite" || name === "testsuites") {
      // Real reports nest a handful of levels; thousands only serve to make counting quadratic.
      if (this.suiteStack.length >= MAX_SUITE_DEPTH) {
        throw new ReportFileError(`test suites nested more than ${MAX_SUITE_DEPTH} levels deep; tollgate refuses the file`, "hostile");
      }
      if (name === "testsuite") this.suites++;
      const parent = this.suiteStack.at(-1);
      const file = attr(tag, "file") ?? attr(tag, "filepath") ?? parent?.file;
      const frame: SuiteFrame = { name: attr(tag, "name") ?? parent?.name ?? "", errors: 0, failures: 0 };
      if (file !== undefined) frame.file = file;
      const errors = count(tag, "errors");
      if (errors !== undefined) frame.declaredErrors = errors;
      const failures = count(tag, "failures");
      if (failures !== undefined) frame.declaredFailures = failures;
      this.suiteStack.push(frame);
    } else if (name === "testcase") {
      const suite = this.suiteStack.at(-1);
      const suiteName = suite?.name ?? "";
      const test: JunitCase = {
        suite: suiteName,
        classname: attr(tag, "classname") ?? attr(tag, "class") ?? "",
        name: attr(tag, "name") ?? "",
        outcome: "passed",
        flakyAttempts: 0,
        rerunAttempts: 0,
      };
      const file = attr(tag, "file") ?? attr(tag, "filepath") ?? suite?.file;
      if (file !== undefined) test.file = file;
      // pytest writes 0-based line numbers (its item location); everyone else counts from 1.
      const line = parseLine(attr(tag, "line") ?? attr(tag, "lineno"), suiteName === "pytest");
      if (line !== undefined) test.line = line;
      const time = parseTime(attr(tag, "time"));
      if (time !== undefined) test.time = time;
      this.current = test;
      this.depth = 0;
    } else if ((name === "failure" || name === "error") && this.suiteStack.length > 0) {
      // Ant and some xUnit converters put a class-level failure straight under <testsuite>.
      const outcome = RESULT_ELEMENTS[name] ?? "errored";
      this.current = this.suiteCase(outcome);
      this.suiteLevel = true;
      this.depth = 1;
      this.countResult(outcome);
      this.setResult(tag, outcome);
    }
  }

  close(name: string): void {
    if (this.current) {
      if (this.depth === 0) {
        if (name === "testcase") this.cases.push(this.current);
        this.current = undefined;
        return;
      }
      if (this.capture && this.capture.depth === this.depth) {
        const body = this.capture.chunks.join("").trim();
        if (body) this.current.details = body;
        this.capture = undefined;
      }
      if (this.ignoreDepth === this.depth) this.ignoreDepth = 0;
      this.depth--;
      if (this.suiteLevel && this.depth === 0) {
        this.cases.push(this.current);
        this.current = undefined;
        this.suiteLevel = false;
      }
      return;
    }
    if (name === "testsuite" || name === "testsuites") {
      const frame = this.suiteStack.pop();
      if (frame) this.checkDeclaredCounts(frame);
    }
  }

  text(text: string): void {
    const capture = this.capture;
    if (!capture || this.ignoreDepth > 0 || capture.size >= DETAIL_LIMIT) return;
    const piece = text.slice(0, DETAIL_LIMIT - capture.size);
    capture.chunks.push(piece);
    capture.size += piece.length;
  }

  private setResult(tag: SaxesTagPlain, outcome: CaseOutcome): void {
    const current = this.current;
    if (!current) return;
    current.outcome = outcome;
    const message = attr(tag, "message")?.trim();
    if (message !== undefined) current.message = message.slice(0, DETAIL_LIMIT);
    else delete current.message;
    const type = attr(tag, "type");
    if (type !== undefined) current.type = type;
    if (outcome !== "skipped") this.capture = { depth: this.depth, chunks: [], size: 0 };
  }

  private countResult(outcome: CaseOutcome): void {
    for (const frame of this.suiteStack) {
      if (outcome === "errored") frame.errors++;
      else if (outcome === "failed") frame.failures++;
    }
  }

  private suiteCase(outcome: CaseOutcome, frame = this.suiteStack.at(-1)): JunitCase {
    const name = frame?.name ?? "";
    const test: JunitCase = { suite: name, classname: name, name: SUITE_LEVEL_TEST, outcome, flakyAttempts: 0, rerunAttempts: 0 };
    if (frame?.file !== undefined) test.file = frame.file;
    return test;
  }

  /**
   * A suite that declares more errors or failures than its test cases show failed outside any
   * test (jest-junit writes a test file that does not compile as errors="1" and no testcase):
   * record it as a suite-level case so that it can never pass unnoticed.
   */
  private checkDeclaredCounts(frame: SuiteFrame): void {
    const missingErrors = Math.max(0, (frame.declaredErrors ?? 0) - frame.errors);
    const missingFailures = Math.max(0, (frame.declaredFailures ?? 0) - frame.failures);
    if (missingErrors + missingFailures === 0) return;
    const outcome: CaseOutcome = missingErrors > 0 ? "errored" : "failed";
    const test = this.suiteCase(outcome, frame);
    const what = [missingErrors > 0 ? `${missingErrors} error${missingErrors === 1 ? "" : "s"}` : "", missingFailures > 0 ? `${missingFailures} failure${missingFailures === 1 ? "" : "s"}` : ""]
      .filter(Boolean)
      .join(" and ");
    test.message = `the suite reports ${what} that no test case shows (did a test file fail to load?)`;
    if (frame.name === "" && this.suiteStack.length === 0) test.suite = test.classname = this.root;
    // The parents' counts include this suite's: account for the synthesized case there too.
    if (missingErrors > 0) for (const f of this.suiteStack) f.errors += missingErrors;
    if (missingFailures > 0) for (const f of this.suiteStack) f.failures += missingFailures;
    this.cases.push(test);
  }
}

/** Reads one JUnit XML file; throws ReportFileError with a reason a user can act on. */
export async function parseJunitFile(path: string, signal?: AbortSignal): Promise<JunitReport> {
  let collector = new JunitCollector();
  await parseXmlFile(
    path,
    () => {
      collector = new JunitCollector();
      return collector;
    },
    signal,
  );
  return { cases: collector.cases, suites: collector.suites, root: collector.root };
}

export function parseJunitString(xml: string): JunitReport {
  const collector = new JunitCollector();
  parseXmlString(xml, collector);
  return { cases: collector.cases, suites: collector.suites, root: collector.root };
}
