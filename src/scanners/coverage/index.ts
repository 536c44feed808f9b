// The coverage scanner: reads lcov, Cobertura, JaCoCo, Clover, Istanbul and Go reports, maps their
// paths into the repository and merges them per file. It measures; the coverage gate decides.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { globMatcher } from "../../core/files.js";
import { makeFinding } from "../../core/finding.js";
import type { Finding, Scanner, ScanResult } from "../../core/types.js";
import { ReportFileError } from "../junit/xml-stream.js";
import { addCounter, lineCounter, mergeFile, percent, type Counter, type CoverageFormat, type FileCoverage } from "./model.js";
import { readCoverageReport } from "./read.js";
import { RepoPaths, reportBases } from "./repo-paths.js";

export { readCoverageReport } from "./read.js";
export { parseLcovString } from "./lcov.js";
export { parseCoverageXmlString } from "./xml-formats.js";
export { parseIstanbulJson } from "./istanbul.js";
export { parseGoProfile } from "./go.js";
export { RepoPaths, reportBases } from "./repo-paths.js";
export * from "./model.js";

export interface CoverageInput {
  /** Report files: repository-relative `path` (for findings) and `absolute` (to read). */
  reports: { path: string; absolute: string }[];
  paths?: RepoPaths;
  /** Globs of source files to count (default: all) and to leave out. */
  include?: string[];
  exclude?: string[];
}

export interface CollectedCoverage {
  /** Repository-relative path → merged coverage. */
  files: Map<string, FileCoverage>;
  findings: Finding[];
  notes: string[];
  formats: CoverageFormat[];
  /** Reports read without error. */
  readable: string[];
}

export interface Totals {
  lines: Counter;
  branches?: Counter;
  functions?: Counter;
}

async function goModule(root: string): Promise<string | undefined> {
  try {
    return /^module\s+(\S+)/m.exec(await readFile(join(root, "go.mod"), "utf8"))?.[1];
  } catch {
    return undefined;
  }
}

export function coverageParseError(reportPath: string, error: ReportFileError): Finding {
  return makeFinding({
    ruleId: "coverage/parse-error",
    gate: "coverage",
    severity: "high",
    message: `Coverage report ${reportPath} cannot be read: ${error.message}.`,
    location: { path: reportPath },
    key: error.kind,
    properties: { reason: error.kind, detail: error.message },
  });
}

/** Reads every report (a bad one is reported and skipped), maps paths, merges files. */
export async function collectCoverage(input: CoverageInput, ctx: { root: string; signal: AbortSignal }): Promise<CollectedCoverage> {
  const paths = input.paths ?? (await RepoPaths.load(ctx.root, ctx.signal));
  const include = input.include && input.include.length > 0 ? globMatcher(input.include) : () => true;
  const exclude = globMatcher(input.exclude ?? []);
  const module = await goModule(ctx.root);
  const files = new Map<string, FileCoverage>();
  const findings: Finding[] = [];
  const notes: string[] = [];
  const formats = new Set<CoverageFormat>();
  const readable: string[] = [];
  let outside = 0;
  let filtered = 0;

  for (const report of input.reports) {
    ctx.signal.throwIfAborted();
    let parsed;
    try {
      parsed = await readCoverageReport(report.absolute, ctx.signal);
    } catch (error) {
      if (!(error instanceof ReportFileError)) throw error;
      findings.push(coverageParseError(report.path, error));
      continue;
    }
    readable.push(report.path);
    formats.add(parsed.format);
    const bases = reportBases(report.path);
    for (const file of parsed.files) {
      const candidates = parsed.format === "go" && module ? file.candidates.map((c) => (c.startsWith(`${module}/`) ? c.slice(module.length + 1) : c)) : file.candidates;
      let mapped: string | undefined;
      for (const candidate of candidates) {
        const resolved = paths.resolve(candidate, bases);
        if (resolved !== undefined && paths.has(resolved)) {
          mapped = resolved;
          break;
        }
        mapped ??= resolved;
      }
      if (mapped === undefined) {
        outside++;
        continue;
      }
      if (!include(mapped) || exclude(mapped)) {
        filtered++;
        continue;
      }
      const existing = files.get(mapped);
      if (existing) mergeFile(existing, file);
      else files.set(mapped, { ...file, candidates: [mapped] });
    }
  }
  if (outside > 0) notes.push(`${outside} file${outside === 1 ? "" : "s"} in the coverage reports lie outside the repository and are not counted`);
  if (filtered > 0) notes.push(`${filtered} file${filtered === 1 ? "" : "s"} left out by include/exclude`);
  return { files, findings, notes, formats: [...formats].sort(), readable };
}

/** Sums of the files' counters; branches/functions only when some report measured them. */
export function totals(files: Iterable<FileCoverage>): Totals {
  let lines: Counter = { total: 0, covered: 0 };
  let branches: Counter | undefined;
  let functions: Counter | undefined;
  for (const file of files) {
    lines = addCounter(lines, lineCounter(file)) ?? lines;
    branches = addCounter(branches, file.branches);
    functions = addCounter(functions, file.functions);
  }
  const result: Totals = { lines };
  if (branches) result.branches = branches;
  if (functions) result.functions = functions;
  return result;
}

/** Percentages as metrics, cut (not rounded) to two decimals so that 79.996 never shows as 80. */
export function floor2(value: number): number {
  return Math.floor(value * 100 + 1e-9) / 100;
}

export function totalsMetrics(t: Totals): Record<string, number> {
  const metrics: Record<string, number> = {
    lines_pct: floor2(percent(t.lines)),
    lines_total: t.lines.total,
    lines_covered: t.lines.covered,
  };
  if (t.branches) Object.assign(metrics, { branches_pct: floor2(percent(t.branches)), branches_total: t.branches.total, branches_covered: t.branches.covered });
  if (t.functions) Object.assign(metrics, { functions_pct: floor2(percent(t.functions)), functions_total: t.functions.total, functions_covered: t.functions.covered });
  return metrics;
}

export const scanner: Scanner<CoverageInput> = {
  id: "coverage",
  description: "coverage report readers: lcov, Cobertura, JaCoCo, Clover, Istanbul coverage-final/coverage-summary JSON, Go cover profiles",
  scan: async (input, ctx): Promise<ScanResult> => {
    const collected = await collectCoverage(input, ctx);
    return {
      findings: collected.findings,
      metrics: { ...totalsMetrics(totals(collected.files.values())), files: collected.files.size, reports: collected.readable.length },
      notes: collected.notes,
    };
  },
};
