// Istanbul's JSON: coverage-final.json (statement, function and branch maps per file) and
// coverage-summary.json (totals only, no per-line data).
import { ReportFileError } from "../junit/xml-stream.js";
import type { CoverageReport, Counter, FileCoverage } from "./model.js";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hits(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

function startLine(loc: unknown): number | undefined {
  if (!isObject(loc) || !isObject(loc.start)) return undefined;
  const line = loc.start.line;
  return typeof line === "number" && Number.isInteger(line) && line >= 1 ? line : undefined;
}

/** One file of coverage-final.json; line hits as istanbul-lib-coverage computes them (max per line). */
function finalFile(key: string, entry: Json): FileCoverage {
  const path = typeof entry.path === "string" ? entry.path : key;
  const lines = new Map<number, number>();
  const statementMap = isObject(entry.statementMap) ? entry.statementMap : {};
  const s = isObject(entry.s) ? entry.s : {};
  for (const [id, loc] of Object.entries(statementMap)) {
    const line = startLine(loc);
    if (line === undefined) continue;
    const count = hits(s[id]);
    const prev = lines.get(line);
    if (prev === undefined || prev < count) lines.set(line, count);
  }
  const f = isObject(entry.f) ? entry.f : {};
  const fnIds = Object.keys(isObject(entry.fnMap) ? entry.fnMap : f);
  const functions: Counter = { total: fnIds.length, covered: fnIds.filter((id) => hits(f[id]) > 0).length };
  const b = isObject(entry.b) ? entry.b : {};
  const branches: Counter = { total: 0, covered: 0 };
  for (const counts of Object.values(b)) {
    if (!Array.isArray(counts)) continue;
    branches.total += counts.length;
    branches.covered += counts.filter((c) => hits(c) > 0).length;
  }
  return { candidates: [path], lines, functions, branches };
}

function summaryCounter(value: unknown): Counter | undefined {
  if (!isObject(value)) return undefined;
  const total = value.total;
  const covered = value.covered;
  if (typeof total !== "number" || typeof covered !== "number") return undefined;
  return { total, covered: Math.min(total, covered) };
}

export function parseIstanbulJson(text: string): CoverageReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReportFileError(`the file is not valid JSON: ${(error as Error).message}`, "malformed");
  }
  if (!isObject(data)) throw new ReportFileError("not an Istanbul coverage report: the JSON is not an object", "not-a-report");
  const entries = Object.entries(data);
  if (isObject(data.total) && summaryCounter(data.total.lines)) {
    const files: FileCoverage[] = [];
    for (const [key, value] of entries) {
      if (key === "total" || !isObject(value)) continue;
      const file: FileCoverage = { candidates: [key] };
      const lines = summaryCounter(value.lines) ?? summaryCounter(value.statements);
      if (lines) file.lineSummary = lines;
      const branches = summaryCounter(value.branches);
      if (branches) file.branches = branches;
      const functions = summaryCounter(value.functions);
      if (functions) file.functions = functions;
      files.push(file);
    }
    return { format: "istanbul-summary", files };
  }
  const files: FileCoverage[] = [];
  for (const [key, value] of entries) {
    if (!isObject(value) || !isObject(value.statementMap)) {
      throw new ReportFileError(`not an Istanbul coverage report: entry "${key.slice(0, 80)}" has no statementMap`, "not-a-report");
    }
    files.push(finalFile(key, value));
  }
  return { format: "istanbul-final", files };
}
