// The shape every coverage reader produces: per-file line hits (where the format has them),
// branch and function counters.

export type CoverageFormat = "lcov" | "cobertura" | "jacoco" | "clover" | "istanbul-final" | "istanbul-summary" | "go";

export interface Counter {
  total: number;
  covered: number;
}

export interface FileCoverage {
  /** Paths the report could mean, most likely first (e.g. each Cobertura <source> joined to the filename). */
  candidates: string[];
  /** line → hits; absent when the format has no per-line data (coverage-summary.json). */
  lines?: Map<number, number>;
  /** Line counter for formats without per-line data. */
  lineSummary?: Counter;
  branches?: Counter;
  functions?: Counter;
}

export interface CoverageReport {
  format: CoverageFormat;
  files: FileCoverage[];
}

export function lineCounter(file: Pick<FileCoverage, "lines" | "lineSummary">): Counter | undefined {
  if (file.lines) {
    let covered = 0;
    for (const hits of file.lines.values()) if (hits > 0) covered++;
    return { total: file.lines.size, covered };
  }
  return file.lineSummary;
}

export function addCounter(a: Counter | undefined, b: Counter | undefined): Counter | undefined {
  if (!a) return b ? { ...b } : undefined;
  if (!b) return a;
  return { total: a.total + b.total, covered: a.covered + b.covered };
}

/**
 * Two reports of the same file (several test runs, several formats): line hits add up; counters
 * without per-item identity cannot be unioned, so the larger measurement wins.
 */
export function mergeCounter(a: Counter | undefined, b: Counter | undefined): Counter | undefined {
  if (!a) return b ? { ...b } : undefined;
  if (!b) return a;
  const total = Math.max(a.total, b.total);
  return { total, covered: Math.min(total, Math.max(a.covered, b.covered)) };
}

export function mergeFile(into: FileCoverage, from: FileCoverage): void {
  if (from.lines) {
    if (!into.lines) into.lines = new Map(from.lines);
    else for (const [line, hits] of from.lines) into.lines.set(line, (into.lines.get(line) ?? 0) + hits);
  }
  const summary = mergeCounter(into.lineSummary, from.lineSummary);
  if (summary) into.lineSummary = summary;
  const branches = mergeCounter(into.branches, from.branches);
  if (branches) into.branches = branches;
  const functions = mergeCounter(into.functions, from.functions);
  if (functions) into.functions = functions;
}

/** Percentage, 100 when there is nothing to cover (as Istanbul and Cobertura report it). */
export function percent(counter: Counter): number {
  return counter.total === 0 ? 100 : (counter.covered / counter.total) * 100;
}
