// Go cover profiles (`go test -coverprofile`): "mode: set|count|atomic", then one block per line,
// "import/path/file.go:startLine.startCol,endLine.endCol statements count".
import { ReportFileError } from "../junit/xml-stream.js";
import type { CoverageReport, FileCoverage } from "./model.js";

const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;

export function parseGoProfile(text: string): CoverageReport {
  const lines = text.split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first === -1 || !/^mode: (set|count|atomic)\s*$/.test(lines[first] ?? "")) {
    throw new ReportFileError('not a Go cover profile: it does not start with "mode: set|count|atomic"', "not-a-report");
  }
  const files = new Map<string, FileCoverage>();
  for (let i = first + 1; i < lines.length; i++) {
    const raw = (lines[i] ?? "").trimEnd();
    if (raw === "" || raw.startsWith("mode: ")) continue;
    const m = BLOCK.exec(raw);
    if (!m) throw new ReportFileError(`line ${i + 1}: not a cover profile block ("${raw.slice(0, 60)}")`, "malformed");
    const [, path = "", start = "0", , end = "0", , , count = "0"] = m;
    const from = Number(start);
    const to = Number(end);
    if (from < 1 || to < from || to - from > 100_000) throw new ReportFileError(`line ${i + 1}: block lines ${from}-${to} make no sense`, "malformed");
    let file = files.get(path);
    if (!file) {
      file = { candidates: [path], lines: new Map() };
      files.set(path, file);
    }
    const hits = Number(count);
    // A line shared by several blocks counts as covered when any of them ran (as `go tool cover` shows it).
    for (let line = from; line <= to; line++) {
      const prev = file.lines?.get(line);
      if (prev === undefined || prev < hits) file.lines?.set(line, hits);
    }
  }
  return { format: "go", files: [...files.values()] };
}
