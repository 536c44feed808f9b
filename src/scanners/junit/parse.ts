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

interface SuiteFrame {
  name: string;
  file?: string;
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const value = tag.attributes[name];
  return value === undefined || value === "" ? undefined : value;
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

/** Builds JunitCases from SAX events; one instance per file. */
class JunitCollector implements XmlHandlers {
  readonly cases: JunitCase[] = [];
  suites = 0;
  root = "";
  private readonly suiteStack: SuiteFrame[] = [];
  private current: JunitCase | undefined;
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
        if (RANK[outcome] > RANK[this.current.outcome]) {
          this.current.outcome = outcome;
          const message = attr(tag, "message")?.trim();
          if (message !== undefined) this.current.message = message.slice(0, DETAIL_LIMIT);
          else delete this.current.message;
          const type = attr(tag, "type");
          if (type !== undefined) this.current.type = type;
          if (outcome !== "skipped") this.capture = { depth: this.depth, chunks: [], size: 0 };
        }
        return;
      }
      if (this.depth === 1 && FLAKY_ELEMENTS.has(name)) this.current.flakyAttempts++;
      else if (this.depth === 1 && RERUN_ELEMENTS.has(name)) this.current.rerunAttempts++;
      // Nothing below a testcase besides its result body matters (system-out, properties, stack traces of reruns).
      if (!this.capture) this.ignoreDepth = this.depth;
      return;
    }
    if (name === "testsuite") {
      this.suites++;
      const parentFile = this.suiteStack.at(-1)?.file;
      const file = attr(tag, "file") ?? attr(tag, "filepath") ?? parentFile;
      const frame: SuiteFrame = { name: attr(tag, "name") ?? this.suiteStack.at(-1)?.name ?? "" };
      if (file !== undefined) frame.file = file;
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
      return;
    }
    if (name === "testsuite") this.suiteStack.pop();
  }

  text(text: string): void {
    const capture = this.capture;
    if (!capture || this.ignoreDepth > 0 || capture.size >= DETAIL_LIMIT) return;
    const piece = text.slice(0, DETAIL_LIMIT - capture.size);
    capture.chunks.push(piece);
    capture.size += piece.length;
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
