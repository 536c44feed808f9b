// lcov tracefiles (geninfo, Istanbul, c8, coverage.py, cargo-llvm-cov...): SF/DA/FN/FNDA/BRDA
// records, plus lcov 2.x FNL/FNA. Streamed line by line: a million-line file stays fast.
import { createReadStream } from "node:fs";
import { TextDecoder } from "node:util";
import { ReportFileError } from "../junit/xml-stream.js";
import type { CoverageReport, FileCoverage } from "./model.js";

interface Record_ {
  file: FileCoverage;
  lines: Map<number, number>;
  fnNames: Set<string>;
  fnHit: Set<string>;
  fnIndexes: Set<string>;
  fnIndexHit: Set<string>;
  branches: number;
  branchesHit: number;
  fnf?: number;
  fnh?: number;
  brf?: number;
  brh?: number;
}

function int(text: string, lineNo: number, what: string): number {
  const n = Number(text);
  if (text === "" || !Number.isFinite(n)) throw new ReportFileError(`line ${lineNo}: ${what} is not a number ("${text.slice(0, 40)}")`, "malformed");
  return n;
}

/** Incremental lcov reader: feed it text, then finish(). */
export class LcovParser {
  private readonly files = new Map<string, Record_>();
  private current: Record_ | undefined;
  private rest = "";
  private lineNo = 0;
  private sawRecord = false;

  write(text: string): void {
    const data = this.rest + text;
    let start = 0;
    for (;;) {
      const end = data.indexOf("\n", start);
      if (end === -1) break;
      this.line(data.charCodeAt(end - 1) === 13 ? data.slice(start, end - 1) : data.slice(start, end));
      start = end + 1;
    }
    this.rest = data.slice(start);
  }

  finish(): CoverageReport {
    if (this.rest !== "") this.line(this.rest.replace(/\r$/, ""));
    this.rest = "";
    this.close();
    if (!this.sawRecord) throw new ReportFileError("no SF: records: this is not an lcov tracefile", "not-a-report");
    const files: FileCoverage[] = [];
    for (const r of this.files.values()) {
      settle(r);
      files.push(r.file);
    }
    return { format: "lcov", files };
  }

  private line(line: string): void {
    this.lineNo++;
    const colon = line.indexOf(":");
    if (colon === -1) {
      const t = line.trim();
      if (t === "end_of_record") this.close();
      else if (t !== "" && !this.sawRecord && this.lineNo > 50) throw new ReportFileError("no SF: records in the first 50 lines: this is not an lcov tracefile", "not-a-report");
      return;
    }
    const tag = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (tag === "SF") {
      this.close();
      this.sawRecord = true;
      const path = value.trim();
      let record = this.files.get(path);
      if (!record) {
        const lines = new Map<number, number>();
        record = { file: { candidates: [path], lines }, lines, fnNames: new Set(), fnHit: new Set(), fnIndexes: new Set(), fnIndexHit: new Set(), branches: 0, branchesHit: 0 };
        this.files.set(path, record);
      }
      this.current = record;
      return;
    }
    const r = this.current;
    if (r === undefined) {
      if (tag === "TN" || tag === "VER" || tag.length > 5) return;
      if (this.lineNo > 50 && !this.sawRecord) throw new ReportFileError("no SF: records in the first 50 lines: this is not an lcov tracefile", "not-a-report");
      if (tag === "DA" || tag === "BRDA" || tag === "FN" || tag === "FNDA") {
        throw new ReportFileError(`line ${this.lineNo}: ${tag} record outside an SF: record`, "malformed");
      }
      return;
    }
    switch (tag) {
      case "DA": {
        const c1 = value.indexOf(",");
        if (c1 === -1) throw new ReportFileError(`line ${this.lineNo}: DA record needs "line,hits"`, "malformed");
        const c2 = value.indexOf(",", c1 + 1);
        const lineNumber = int(value.slice(0, c1), this.lineNo, "DA line");
        const hits = int(c2 === -1 ? value.slice(c1 + 1) : value.slice(c1 + 1, c2), this.lineNo, "DA hit count");
        r.lines.set(lineNumber, (r.lines.get(lineNumber) ?? 0) + Math.max(0, hits));
        return;
      }
      case "BRDA": {
        const parts = value.split(",");
        if (parts.length < 4) throw new ReportFileError(`line ${this.lineNo}: BRDA record needs "line,block,branch,taken"`, "malformed");
        r.branches++;
        const taken = parts[parts.length - 1]?.trim() ?? "-";
        if (taken !== "-" && int(taken, this.lineNo, "BRDA taken count") > 0) r.branchesHit++;
        return;
      }
      case "FN": {
        // lcov 1.x: FN:line,name — lcov 2.x also FN:start,end,name
        const parts = value.split(",");
        if (parts.length < 2) throw new ReportFileError(`line ${this.lineNo}: FN record needs "line,name"`, "malformed");
        r.fnNames.add(parts.slice(parts.length >= 3 && /^\d+$/.test(parts[1] ?? "") ? 2 : 1).join(","));
        return;
      }
      case "FNDA": {
        const comma = value.indexOf(",");
        if (comma === -1) throw new ReportFileError(`line ${this.lineNo}: FNDA record needs "hits,name"`, "malformed");
        if (int(value.slice(0, comma), this.lineNo, "FNDA hit count") > 0) r.fnHit.add(value.slice(comma + 1));
        return;
      }
      case "FNL": {
        r.fnIndexes.add(value.split(",")[0] ?? "");
        return;
      }
      case "FNA": {
        const [index, hits] = value.split(",");
        if (index !== undefined && hits !== undefined && int(hits, this.lineNo, "FNA hit count") > 0) r.fnIndexHit.add(index);
        return;
      }
      case "FNF":
        r.fnf = int(value.trim(), this.lineNo, "FNF");
        return;
      case "FNH":
        r.fnh = int(value.trim(), this.lineNo, "FNH");
        return;
      case "BRF":
        r.brf = int(value.trim(), this.lineNo, "BRF");
        return;
      case "BRH":
        r.brh = int(value.trim(), this.lineNo, "BRH");
        return;
      default:
        return;
    }
  }

  /** end_of_record. Counters are settled once in finish(): a file repeated in many records stays linear. */
  private close(): void {
    this.current = undefined;
  }
}

/** The record's function and branch counters, from its FN/FNDA, FNL/FNA or BRDA lines, else the summary lines. */
function settle(r: Record_): void {
  if (r.fnIndexes.size > 0) r.file.functions = { total: r.fnIndexes.size, covered: [...r.fnIndexHit].filter((i) => r.fnIndexes.has(i)).length };
  else if (r.fnNames.size > 0) r.file.functions = { total: r.fnNames.size, covered: [...r.fnHit].filter((n) => r.fnNames.has(n)).length };
  else if (r.fnf !== undefined) r.file.functions = { total: r.fnf, covered: Math.min(r.fnf, r.fnh ?? 0) };
  if (r.branches > 0) r.file.branches = { total: r.branches, covered: r.branchesHit };
  else if (r.brf !== undefined) r.file.branches = { total: r.brf, covered: Math.min(r.brf, r.brh ?? 0) };
}

export function parseLcovString(text: string): CoverageReport {
  const parser = new LcovParser();
  parser.write(text);
  return parser.finish();
}

export async function parseLcovFile(path: string, signal?: AbortSignal): Promise<CoverageReport> {
  const parser = new LcovParser();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, signal }) as AsyncIterable<Buffer>) {
    if (chunk.includes(0)) throw new ReportFileError("the file holds NUL bytes: it is binary, not an lcov tracefile", "malformed");
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new ReportFileError(`the file is not valid UTF-8 (bad bytes after byte ${bytes})`, "encoding");
    }
    bytes += chunk.length;
    parser.write(text);
  }
  if (bytes === 0) throw new ReportFileError("the file is empty", "empty");
  try {
    parser.write(decoder.decode());
  } catch {
    throw new ReportFileError("the file ends in the middle of a character (truncated or not UTF-8)", "encoding");
  }
  return parser.finish();
}
