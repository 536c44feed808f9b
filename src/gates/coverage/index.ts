// The coverage gate: reads coverage reports, checks line/branch/function minimums overall and per
// path glob, and the coverage of the lines a change adds or edits (git diff against the base).
import picomatch from "picomatch";
import { makeFinding } from "../../core/finding.js";
import { changedLines, defaultBase, isGitRepo } from "../../core/git.js";
import { atLeast, isActive, plural } from "../../core/severity.js";
import type { Check, CommonGateOptions, Finding, Gate, GateContext, GateScan, Severity, Verdict } from "../../core/types.js";
import { errorMessage } from "../../core/errors.js";
import {
  collectCoverage,
  floor2,
  lineCounter,
  percent,
  RepoPaths,
  totals,
  totalsMetrics,
  type Counter,
  type FileCoverage,
} from "../../scanners/coverage/index.js";
import { findReports } from "../tests/report-files.js";
import { RULES } from "./rules.js";
import { schema, type CoverageOptions } from "./schema.js";

export const AUTO_REPORTS = [
  "coverage/lcov.info",
  "coverage/cobertura-coverage.xml",
  "coverage/coverage-final.json",
  "coverage/coverage-summary.json",
  "coverage/clover.xml",
  "**/target/site/**/jacoco.xml",
  "**/build/reports/jacoco/**/*.xml",
  "clover.xml",
  "coverage.xml",
  "coverage.out",
  "cover.out",
];

type Options = CoverageOptions & CommonGateOptions;
type Metric = "lines" | "branches" | "functions";
const METRICS: Metric[] = ["lines", "branches", "functions"];
const REPORT_RULES = ["coverage/parse-error", "coverage/report-missing"];
const NOUN: Record<Metric, string> = { lines: "line", branches: "branch", functions: "function" };

/** One threshold that was checked; evaluate() turns these into checks, honouring suppressions. */
interface Threshold {
  name: string;
  passed: boolean;
  message: string;
  /** Fingerprint of the finding raised when it missed. */
  fingerprint?: string;
  /** Instead of one finding: the check fails while any active finding of these rules remains. */
  rules?: string[];
}

interface CoverageData {
  thresholds: Threshold[];
  summary: string;
  [key: string]: unknown;
}

/** 84.2, never rounded up past a minimum. */
function fmt(value: number): string {
  return (Math.floor(value * 10 + 1e-9) / 10).toFixed(1);
}

function counterOf(file: FileCoverage, metric: Metric): Counter | undefined {
  return metric === "lines" ? lineCounter(file) : file[metric];
}

/** The files that lose the most, for a message that says where to start. */
function worstFiles(files: [string, FileCoverage][], metric: Metric, n = 3): string {
  return files
    .map(([path, file]) => ({ path, counter: counterOf(file, metric) }))
    .filter((f): f is { path: string; counter: Counter } => f.counter !== undefined && f.counter.covered < f.counter.total)
    .sort((a, b) => b.counter.total - b.counter.covered - (a.counter.total - a.counter.covered) || (a.path < b.path ? -1 : 1))
    .slice(0, n)
    .map((f) => `${f.path} ${fmt(percent(f.counter))}%`)
    .join(", ");
}

interface ThresholdInput {
  files: [string, FileCoverage][];
  metric: Metric;
  min: number;
  /** undefined for the overall minimum. */
  glob?: string;
}

function checkThreshold(input: ThresholdInput, findings: Finding[]): Threshold {
  const { files, metric, min, glob } = input;
  const scope = glob === undefined ? "" : ` of ${glob}`;
  const name = glob === undefined ? `${metric} >= ${min}%` : `${glob}: ${metric} >= ${min}%`;
  const ruleId = `coverage/${metric}-below-threshold`;
  const measured = files.map(([, f]) => counterOf(f, metric)).filter((c): c is Counter => c !== undefined);
  let message: string;
  let actual: number | undefined;
  if (files.length === 0 || measured.length === 0) {
    message =
      files.length === 0
        ? glob === undefined
          ? `The coverage reports hold no files of this repository, so ${NOUN[metric]} coverage cannot reach ${min}%; check the report paths and include/exclude.`
          : `No file in the coverage reports matches ${glob}, so its ${NOUN[metric]} coverage cannot reach ${min}%; check the glob or make the tests load those files.`
        : `The coverage reports do not measure ${NOUN[metric]} coverage${scope}, so the minimum of ${min}% cannot be checked; use a report format that records it.`;
  } else {
    const counter = measured.reduce((a, c) => ({ total: a.total + c.total, covered: a.covered + c.covered }), { total: 0, covered: 0 });
    actual = percent(counter);
    if (actual >= min) return { name, passed: true, message: `${fmt(actual)}% ${NOUN[metric]}s covered${scope} (min ${min}%)` };
    const worst = worstFiles(files, metric);
    message = `${NOUN[metric][0]?.toUpperCase()}${NOUN[metric].slice(1)} coverage${scope} is ${fmt(actual)}% (${counter.covered}/${counter.total}), below the minimum of ${min}%; add tests${worst ? `, starting with ${worst}` : ""}.`;
  }
  const properties: Record<string, unknown> = { metric, min };
  if (actual !== undefined) properties.actual = floor2(actual);
  if (glob !== undefined) properties.glob = glob;
  const finding = makeFinding({ ruleId, gate: "coverage", severity: "high", message, key: `${glob ?? "overall"}:${metric}`, properties });
  findings.push(finding);
  return { name, passed: false, message, fingerprint: finding.fingerprint };
}

interface ChangedResult {
  metrics: Record<string, number>;
  threshold?: Threshold;
  summary?: string;
}

async function changedLinesCoverage(ctx: GateContext<CoverageOptions>, files: Map<string, FileCoverage>, findings: Finding[], notes: string[]): Promise<ChangedResult> {
  const config = ctx.options["changed-lines"];
  if (!config) return { metrics: {} };
  const name = `changed lines >= ${config.lines}%`;
  if (!(await isGitRepo(ctx.root))) {
    notes.push("changed-lines coverage not measured: the directory is not a git repository");
    return { metrics: {}, threshold: { name, passed: true, message: "not measured: not a git repository" } };
  }
  let changed: Map<string, Set<number>>;
  let base: string | undefined;
  try {
    base = ctx.base ?? (await defaultBase(ctx.root));
    if (base === undefined) {
      notes.push("changed-lines coverage not measured: no base commit (a repository with a single commit and no main branch); pass --base");
      return { metrics: {}, threshold: { name, passed: true, message: "not measured: no base commit" } };
    }
    changed = await changedLines(ctx.root, base);
  } catch (error) {
    // A base that does not exist is the user's to fix; say so in the check rather than pass quietly.
    const message = `Changed-lines coverage cannot be measured: ${errorMessage(error)}; pass an existing --base.`;
    const finding = makeFinding({ ruleId: "coverage/changed-lines-below-threshold", gate: "coverage", severity: "high", message, key: "changed-lines:base" });
    findings.push(finding);
    return { metrics: {}, threshold: { name, passed: false, message, fingerprint: finding.fingerprint } };
  }

  let total = 0;
  let covered = 0;
  let noData = 0;
  const absent: string[] = [];
  const coveredExtensions = new Set([...files.keys()].map(extension));
  const uncoveredByFile: [string, number[]][] = [];
  for (const [path, lines] of [...changed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = files.get(path);
    if (!file) {
      if (coveredExtensions.has(extension(path)) && !TEST_FILE.test(path)) absent.push(path);
      continue;
    }
    if (!file.lines) {
      noData++;
      continue;
    }
    const uncovered: number[] = [];
    for (const line of [...lines].sort((a, b) => a - b)) {
      const hits = file.lines.get(line);
      if (hits === undefined) continue;
      total++;
      if (hits > 0) covered++;
      else uncovered.push(line);
    }
    if (uncovered.length > 0) uncoveredByFile.push([path, uncovered]);
  }
  if (absent.length > 0) {
    // Istanbul lists only the files tests load: a new file missing here may be entirely untested.
    const shown = absent.slice(0, 5).join(", ");
    notes.push(`${plural(absent.length, "changed source file")} not in the coverage reports (not loaded by any test?): ${shown}${absent.length > 5 ? ", …" : ""}`);
  }
  if (noData > 0) notes.push(`${plural(noData, "changed file")} only have summary coverage (no per-line data) and are not in changed-lines coverage`);
  const pct = total === 0 ? 100 : (covered / total) * 100;
  const metrics = { changed_lines_pct: floor2(pct), changed_lines_total: total, changed_lines_covered: covered };
  const passed = pct >= config.lines;
  const few = total < config["min-changed"];
  for (const [path, lines] of uncoveredByFile) {
    const first = lines[0] ?? 1;
    findings.push(
      makeFinding({
        ruleId: "coverage/changed-lines-uncovered",
        gate: "coverage",
        severity: passed ? "info" : "low",
        message: `${plural(lines.length, "changed line")} in ${path} ${lines.length === 1 ? "is" : "are"} not covered by tests (${compactRanges(lines)}); add a test that runs ${lines.length === 1 ? "it" : "them"}.`,
        location: { path, startLine: first },
        key: "changed-lines",
        properties: { lines, base },
      }),
    );
  }
  const summary = total === 0 ? "no coverable changed lines" : `${fmt(pct)}% of ${plural(total, "changed line")} covered (min ${config.lines}%)`;
  if (passed) return { metrics, summary, threshold: { name, passed: true, message: summary } };
  const severity: Severity = few ? "low" : "high";
  const message = few
    ? `Only ${fmt(pct)}% of the ${plural(total, "coverable changed line")} are covered (min ${config.lines}%); fewer than ${config["min-changed"]} lines changed, so this only warns.`
    : `Only ${fmt(pct)}% of the ${plural(total, "coverable changed line")} are covered, below the minimum of ${config.lines}%; add tests for the lines listed per file.`;
  const finding = makeFinding({
    ruleId: "coverage/changed-lines-below-threshold",
    gate: "coverage",
    severity,
    message,
    key: "changed-lines",
    properties: { actual: floor2(pct), min: config.lines, total, covered, base, "min-changed": config["min-changed"] },
  });
  findings.push(finding);
  // Few changed lines only warn: the check is recorded as passed so the JUnit report does not fail it.
  return { metrics, summary, threshold: { name, passed: few, message, fingerprint: finding.fingerprint } };
}

const TEST_FILE = /(^|\/)(__tests__|tests?|spec)\/|\.(test|spec)\.[^/]+$|_test\.go$|(^|\/)test_[^/]+\.py$/;

function extension(path: string): string {
  const dot = path.lastIndexOf(".");
  return dot > path.lastIndexOf("/") ? path.slice(dot) : "";
}

/** 3-5, 9, 12-14 */
export function compactRanges(lines: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = lines[i] ?? 0;
    let end = start;
    while (i + 1 < lines.length && lines[i + 1] === end + 1) end = lines[++i] ?? end;
    parts.push(start === end ? `line ${start}` : `lines ${start}-${end}`);
    i++;
  }
  return parts.join(", ");
}

async function scan(ctx: GateContext<CoverageOptions>): Promise<GateScan> {
  const options = ctx.options;
  const explicit = options.reports !== undefined && options.reports.length > 0;
  const found = await findReports(ctx.root, explicit ? (options.reports ?? []) : AUTO_REPORTS, { signal: ctx.signal });
  const findings: Finding[] = [];
  const notes: string[] = [];
  if (explicit) {
    for (const pattern of found.unmatched) {
      findings.push(
        makeFinding({
          ruleId: "coverage/report-missing",
          gate: "coverage",
          severity: "high",
          message: `No coverage report matches "${pattern}"; run the tests with coverage first or fix coverage.reports.`,
          key: `pattern:${pattern}`,
          properties: { pattern },
        }),
      );
    }
  }
  if (found.reports.length === 0) {
    if (!explicit) {
      return {
        findings: [],
        metrics: {},
        skipped: "no coverage report found (looked for coverage/lcov.info, coverage/cobertura-coverage.xml, coverage/coverage-final.json, jacoco.xml, clover.xml, coverage.out...); run the tests with coverage or set coverage.reports",
      };
    }
    const thresholds: Threshold[] = [{ name: "reports-readable", passed: false, message: findings.map((f) => f.message).join(" "), rules: REPORT_RULES }];
    return { findings, metrics: {}, data: { thresholds, summary: "no coverage report found" }, checks: thresholds.map(toCheck) };
  }

  const paths = await RepoPaths.load(ctx.root, ctx.signal);
  const collected = await collectCoverage({ reports: found.reports, paths, include: options.include, exclude: options.exclude }, ctx);
  findings.push(...collected.findings);
  notes.push(...collected.notes);
  const files = [...collected.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const overall = totals(collected.files.values());
  const metrics: Record<string, number> = { ...totalsMetrics(overall), files: files.length, reports: collected.readable.length };
  const thresholds: Threshold[] = [];

  for (const metric of METRICS) {
    const min = options.min[metric];
    if (min !== undefined) thresholds.push(checkThreshold({ files, metric, min }, findings));
  }
  for (const rule of options.paths) {
    const matches = picomatch(rule.glob, { dot: true });
    const selected = files.filter(([path]) => matches(path));
    for (const metric of METRICS) {
      const min = rule.min[metric];
      if (min !== undefined) thresholds.push(checkThreshold({ files: selected, metric, min, glob: rule.glob }, findings));
    }
  }
  const changed = await changedLinesCoverage(ctx, collected.files, findings, notes);
  Object.assign(metrics, changed.metrics);
  if (changed.threshold) thresholds.push(changed.threshold);
  const problems = findings.filter((f) => REPORT_RULES.includes(f.ruleId));
  thresholds.push({
    name: "reports-readable",
    passed: problems.length === 0,
    rules: REPORT_RULES,
    message: problems.length === 0 ? `${plural(collected.readable.length, "report")} read (${collected.formats.join(", ")})` : problems.map((f) => f.message).join(" "),
  });

  const parts = [`${fmt(percent(overall.lines))}% lines covered${options.min.lines !== undefined ? ` (min ${options.min.lines}%)` : ""}`];
  if (overall.branches && options.min.branches !== undefined) parts.push(`${fmt(percent(overall.branches))}% branches (min ${options.min.branches}%)`);
  if (overall.functions && options.min.functions !== undefined) parts.push(`${fmt(percent(overall.functions))}% functions (min ${options.min.functions}%)`);
  if (changed.summary) parts.push(changed.summary);
  const data: CoverageData = { thresholds, summary: parts.join(", ") };
  const result: GateScan = { findings, metrics, notes, data };
  result.checks = evaluate(result, options).checks ?? [];
  return result;
}

function toCheck(t: Threshold): Check {
  return { name: t.name, passed: t.passed, message: t.message };
}

function thresholdsOf(scan: GateScan): Threshold[] {
  const raw = scan.data?.thresholds;
  return Array.isArray(raw) ? (raw as Threshold[]) : [];
}

/** Pure: fails on active findings at or above fail-on; info findings (uncovered lines of a change that meets its minimum) never warn. */
export function evaluate(scan: GateScan, options: Options): Verdict {
  const active = scan.findings.filter(isActive);
  const suppressed = new Set(scan.findings.filter((f) => !isActive(f)).map((f) => f.fingerprint));
  const checks = thresholdsOf(scan).map((t) => {
    const passed = t.rules ? !active.some((f) => t.rules?.includes(f.ruleId)) : t.passed || (t.fingerprint !== undefined && suppressed.has(t.fingerprint));
    return toCheck({ ...t, passed });
  });
  let summary = typeof scan.data?.summary === "string" ? scan.data.summary : `${scan.metrics.lines_pct ?? 0}% lines covered`;
  if (suppressed.size > 0) summary += `, ${suppressed.size} suppressed`;
  if (active.some((f) => atLeast(f.severity, options["fail-on"]))) return { status: "failed", summary, checks };
  if (active.some((f) => f.severity !== "info")) return { status: "warned", summary, checks };
  return { status: "passed", summary, checks };
}

export const gate: Gate<CoverageOptions> = {
  id: "coverage",
  title: "Coverage",
  description: "Line, branch and function coverage from lcov, Cobertura, JaCoCo, Clover, Istanbul and Go reports: minimums overall, per path glob and for the lines a change touches.",
  schema,
  rules: () => [...RULES],
  scan,
  evaluate,
};
