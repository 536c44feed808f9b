#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  schema
} from "./chunk-2K3QYZUY.js";
import {
  changedLines,
  defaultBase,
  isGitRepo
} from "./chunk-VMIEK4YL.js";
import {
  RepoPaths,
  ReportFileError,
  findReports,
  parseXmlFile,
  reportBases
} from "./chunk-ZVDNV3W4.js";
import {
  globMatcher
} from "./chunk-ZRGI7UBK.js";
import {
  require_picomatch
} from "./chunk-CY7KP3J2.js";
import {
  atLeast,
  isActive,
  plural
} from "./chunk-CXJQTCH4.js";
import "./chunk-TGCGIDEH.js";
import "./chunk-C5CGFLPB.js";
import {
  makeFinding
} from "./chunk-NQDPYFAW.js";
import {
  errorMessage
} from "./chunk-5XKQ73XO.js";
import {
  __toESM
} from "./chunk-2GVBCIT7.js";

// src/gates/coverage/index.ts
var import_picomatch = __toESM(require_picomatch(), 1);

// src/scanners/coverage/index.ts
import { readFile as readFile2 } from "node:fs/promises";
import { join } from "node:path";

// src/scanners/coverage/model.ts
function lineCounter(file) {
  if (file.lines) {
    let covered = 0;
    for (const hits2 of file.lines.values()) if (hits2 > 0) covered++;
    return { total: file.lines.size, covered };
  }
  return file.lineSummary;
}
function addCounter(a, b) {
  if (!a) return b ? { ...b } : void 0;
  if (!b) return a;
  return { total: a.total + b.total, covered: a.covered + b.covered };
}
function mergeCounter(a, b) {
  if (!a) return b ? { ...b } : void 0;
  if (!b) return a;
  const total = Math.max(a.total, b.total);
  return { total, covered: Math.min(total, Math.max(a.covered, b.covered)) };
}
function mergeFile(into, from) {
  if (from.lines) {
    if (!into.lines) into.lines = new Map(from.lines);
    else for (const [line, hits2] of from.lines) into.lines.set(line, (into.lines.get(line) ?? 0) + hits2);
  }
  const summary = mergeCounter(into.lineSummary, from.lineSummary);
  if (summary) into.lineSummary = summary;
  const branches = mergeCounter(into.branches, from.branches);
  if (branches) into.branches = branches;
  const functions = mergeCounter(into.functions, from.functions);
  if (functions) into.functions = functions;
}
function percent(counter) {
  return counter.total === 0 ? 100 : counter.covered / counter.total * 100;
}

// src/scanners/coverage/read.ts
import { open, readFile } from "node:fs/promises";
import { TextDecoder as TextDecoder2 } from "node:util";

// src/scanners/coverage/go.ts
var BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;
function parseGoProfile(text) {
  const lines = text.split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first === -1 || !/^mode: (set|count|atomic)\s*$/.test(lines[first] ?? "")) {
    throw new ReportFileError('not a Go cover profile: it does not start with "mode: set|count|atomic"', "not-a-report");
  }
  const files = /* @__PURE__ */ new Map();
  for (let i = first + 1; i < lines.length; i++) {
    const raw = (lines[i] ?? "").trimEnd();
    if (raw === "" || raw.startsWith("mode: ")) continue;
    const m = BLOCK.exec(raw);
    if (!m) throw new ReportFileError(`line ${i + 1}: not a cover profile block ("${raw.slice(0, 60)}")`, "malformed");
    const [, path = "", start = "0", , end = "0", , , count = "0"] = m;
    const from = Number(start);
    const to = Number(end);
    if (from < 1 || to < from || to - from > 1e5) throw new ReportFileError(`line ${i + 1}: block lines ${from}-${to} make no sense`, "malformed");
    let file = files.get(path);
    if (!file) {
      file = { candidates: [path], lines: /* @__PURE__ */ new Map() };
      files.set(path, file);
    }
    const hits2 = Number(count);
    for (let line = from; line <= to; line++) {
      const prev = file.lines?.get(line);
      if (prev === void 0 || prev < hits2) file.lines?.set(line, hits2);
    }
  }
  return { format: "go", files: [...files.values()] };
}

// src/scanners/coverage/istanbul.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function hits(value) {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}
function startLine(loc) {
  if (!isObject(loc) || !isObject(loc.start)) return void 0;
  const line = loc.start.line;
  return typeof line === "number" && Number.isInteger(line) && line >= 1 ? line : void 0;
}
function finalFile(key, entry) {
  const path = typeof entry.path === "string" ? entry.path : key;
  const lines = /* @__PURE__ */ new Map();
  const statementMap = isObject(entry.statementMap) ? entry.statementMap : {};
  const s = isObject(entry.s) ? entry.s : {};
  for (const [id, loc] of Object.entries(statementMap)) {
    const line = startLine(loc);
    if (line === void 0) continue;
    const count = hits(s[id]);
    const prev = lines.get(line);
    if (prev === void 0 || prev < count) lines.set(line, count);
  }
  const f = isObject(entry.f) ? entry.f : {};
  const fnIds = Object.keys(isObject(entry.fnMap) ? entry.fnMap : f);
  const functions = { total: fnIds.length, covered: fnIds.filter((id) => hits(f[id]) > 0).length };
  const b = isObject(entry.b) ? entry.b : {};
  const branches = { total: 0, covered: 0 };
  for (const counts of Object.values(b)) {
    if (!Array.isArray(counts)) continue;
    branches.total += counts.length;
    branches.covered += counts.filter((c) => hits(c) > 0).length;
  }
  return { candidates: [path], lines, functions, branches };
}
function summaryCounter(value) {
  if (!isObject(value)) return void 0;
  const total = value.total;
  const covered = value.covered;
  if (typeof total !== "number" || typeof covered !== "number") return void 0;
  return { total, covered: Math.min(total, covered) };
}
function parseIstanbulJson(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReportFileError(`the file is not valid JSON: ${error.message}`, "malformed");
  }
  if (!isObject(data)) throw new ReportFileError("not an Istanbul coverage report: the JSON is not an object", "not-a-report");
  const entries = Object.entries(data);
  if (isObject(data.total) && summaryCounter(data.total.lines)) {
    const files2 = [];
    for (const [key, value] of entries) {
      if (key === "total" || !isObject(value)) continue;
      const file = { candidates: [key] };
      const lines = summaryCounter(value.lines) ?? summaryCounter(value.statements);
      if (lines) file.lineSummary = lines;
      const branches = summaryCounter(value.branches);
      if (branches) file.branches = branches;
      const functions = summaryCounter(value.functions);
      if (functions) file.functions = functions;
      files2.push(file);
    }
    return { format: "istanbul-summary", files: files2 };
  }
  const files = [];
  for (const [key, value] of entries) {
    if (!isObject(value) || !isObject(value.statementMap)) {
      throw new ReportFileError(`not an Istanbul coverage report: entry "${key.slice(0, 80)}" has no statementMap`, "not-a-report");
    }
    files.push(finalFile(key, value));
  }
  return { format: "istanbul-final", files };
}

// src/scanners/coverage/lcov.ts
import { createReadStream } from "node:fs";
import { TextDecoder } from "node:util";
function int(text, lineNo, what) {
  const n = Number(text);
  if (text === "" || !Number.isFinite(n)) throw new ReportFileError(`line ${lineNo}: ${what} is not a number ("${text.slice(0, 40)}")`, "malformed");
  return n;
}
var LcovParser = class {
  files = /* @__PURE__ */ new Map();
  current;
  rest = "";
  lineNo = 0;
  sawRecord = false;
  write(text) {
    const data = this.rest + text;
    let start = 0;
    for (; ; ) {
      const end = data.indexOf("\n", start);
      if (end === -1) break;
      this.line(data.charCodeAt(end - 1) === 13 ? data.slice(start, end - 1) : data.slice(start, end));
      start = end + 1;
    }
    this.rest = data.slice(start);
  }
  finish() {
    if (this.rest !== "") this.line(this.rest.replace(/\r$/, ""));
    this.rest = "";
    this.close();
    if (!this.sawRecord) throw new ReportFileError("no SF: records: this is not an lcov tracefile", "not-a-report");
    const files = [];
    for (const r of this.files.values()) {
      settle(r);
      files.push(r.file);
    }
    return { format: "lcov", files };
  }
  line(line) {
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
        const lines = /* @__PURE__ */ new Map();
        record = { file: { candidates: [path], lines }, lines, fnNames: /* @__PURE__ */ new Set(), fnHit: /* @__PURE__ */ new Set(), fnIndexes: /* @__PURE__ */ new Set(), fnIndexHit: /* @__PURE__ */ new Set(), branches: 0, branchesHit: 0 };
        this.files.set(path, record);
      }
      this.current = record;
      return;
    }
    const r = this.current;
    if (r === void 0) {
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
        const hits2 = int(c2 === -1 ? value.slice(c1 + 1) : value.slice(c1 + 1, c2), this.lineNo, "DA hit count");
        r.lines.set(lineNumber, (r.lines.get(lineNumber) ?? 0) + Math.max(0, hits2));
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
        const [index, hits2] = value.split(",");
        if (index !== void 0 && hits2 !== void 0 && int(hits2, this.lineNo, "FNA hit count") > 0) r.fnIndexHit.add(index);
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
  close() {
    this.current = void 0;
  }
};
function settle(r) {
  if (r.fnIndexes.size > 0) r.file.functions = { total: r.fnIndexes.size, covered: [...r.fnIndexHit].filter((i) => r.fnIndexes.has(i)).length };
  else if (r.fnNames.size > 0) r.file.functions = { total: r.fnNames.size, covered: [...r.fnHit].filter((n) => r.fnNames.has(n)).length };
  else if (r.fnf !== void 0) r.file.functions = { total: r.fnf, covered: Math.min(r.fnf, r.fnh ?? 0) };
  if (r.branches > 0) r.file.branches = { total: r.branches, covered: r.branchesHit };
  else if (r.brf !== void 0) r.file.branches = { total: r.brf, covered: Math.min(r.brf, r.brh ?? 0) };
}
async function parseLcovFile(path, signal) {
  const parser = new LcovParser();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, signal })) {
    if (chunk.includes(0)) throw new ReportFileError("the file holds NUL bytes: it is binary, not an lcov tracefile", "malformed");
    let text;
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

// src/scanners/coverage/xml-formats.ts
import { posix } from "node:path";
function num(tag, name) {
  const n = Number(tag.attributes[name] ?? "");
  return Number.isFinite(n) ? n : 0;
}
function add(counter, total, covered) {
  return { total: (counter?.total ?? 0) + total, covered: (counter?.covered ?? 0) + Math.min(total, covered) };
}
var CoverageXmlCollector = class {
  format;
  stack = [];
  files = /* @__PURE__ */ new Map();
  // Cobertura
  sources = [];
  sourceText;
  coberturaClass;
  method;
  // JaCoCo
  jacocoPackage = "";
  jacocoClassFile;
  jacocoMethods = /* @__PURE__ */ new Map();
  jacocoSource;
  inJacocoMethod = false;
  // Clover
  cloverFile;
  cloverMetrics;
  cloverSawCond = false;
  cloverSawMethod = false;
  open(tag) {
    const name = tag.name;
    const parent = this.stack.at(-1);
    this.stack.push(name);
    if (this.stack.length === 1) {
      if (name === "report") this.format = "jacoco";
      else if (name === "coverage") {
        if ("clover" in tag.attributes || "generated" in tag.attributes) this.format = "clover";
        else if ("line-rate" in tag.attributes || "lines-valid" in tag.attributes) this.format = "cobertura";
      } else {
        throw new ReportFileError(`not a coverage report: the root element is <${name}>, expected <coverage> (Cobertura, Clover) or <report> (JaCoCo)`, "not-a-report");
      }
      return;
    }
    if (this.format === void 0 && this.stack.length === 2) {
      if (name === "project") this.format = "clover";
      else if (name === "packages" || name === "sources") this.format = "cobertura";
    }
    if (this.format === "cobertura") this.openCobertura(tag, parent);
    else if (this.format === "jacoco") this.openJacoco(tag, parent);
    else if (this.format === "clover") this.openClover(tag, parent);
  }
  close(name) {
    this.stack.pop();
    if (this.format === "cobertura") {
      if (name === "source" && this.sourceText) {
        const text = this.sourceText.join("").trim();
        if (text) this.sources.push(text);
        this.sourceText = void 0;
      } else if (name === "method" && this.method && this.coberturaClass) {
        const hit = this.method.sawLine ? this.method.hit : this.method.rate > 0;
        this.coberturaClass.functions = add(this.coberturaClass.functions, 1, hit ? 1 : 0);
        this.method = void 0;
      } else if (name === "class") this.coberturaClass = void 0;
    } else if (this.format === "jacoco") {
      if (name === "method") this.inJacocoMethod = false;
      else if (name === "class") this.jacocoClassFile = void 0;
      else if (name === "sourcefile") this.jacocoSource = void 0;
      else if (name === "package") this.jacocoPackage = "";
    } else if (this.format === "clover" && name === "file" && this.cloverFile) {
      const file = this.cloverFile;
      if (!this.cloverSawCond && this.cloverMetrics?.branches) file.branches = this.cloverMetrics.branches;
      if (!this.cloverSawMethod && this.cloverMetrics?.functions) file.functions = this.cloverMetrics.functions;
      file.branches ??= { total: 0, covered: 0 };
      file.functions ??= { total: 0, covered: 0 };
      this.cloverFile = void 0;
    }
  }
  text(text) {
    this.sourceText?.push(text);
  }
  file(key, candidates) {
    let file = this.files.get(key);
    if (!file) {
      file = { candidates: candidates(), lines: /* @__PURE__ */ new Map() };
      this.files.set(key, file);
    }
    return file;
  }
  openCobertura(tag, parent) {
    switch (tag.name) {
      case "source":
        this.sourceText = [];
        return;
      case "class": {
        const filename = tag.attributes.filename ?? tag.attributes.name ?? "";
        const file = this.file(filename, () => [...this.sources.map((s) => posix.join(s.replaceAll("\\", "/"), filename.replaceAll("\\", "/"))), filename]);
        file.branches ??= { total: 0, covered: 0 };
        file.functions ??= { total: 0, covered: 0 };
        this.coberturaClass = file;
        return;
      }
      case "method":
        if (this.coberturaClass) this.method = { hit: false, sawLine: false, rate: num(tag, "line-rate") };
        return;
      case "line": {
        const file = this.coberturaClass;
        if (!file || parent !== "lines") return;
        const hits2 = Math.max(0, num(tag, "hits"));
        if (this.method) {
          this.method.sawLine = true;
          if (hits2 > 0) this.method.hit = true;
          return;
        }
        const line = num(tag, "number");
        if (line < 1) return;
        file.lines?.set(line, (file.lines.get(line) ?? 0) + hits2);
        if (tag.attributes.branch === "true") {
          const m = /\((\d+)\/(\d+)\)/.exec(tag.attributes["condition-coverage"] ?? "");
          if (m) file.branches = add(file.branches, Number(m[2]), Number(m[1]));
        }
        return;
      }
      default:
        return;
    }
  }
  openJacoco(tag, parent) {
    switch (tag.name) {
      case "package":
        this.jacocoPackage = tag.attributes.name ?? "";
        return;
      case "class": {
        const source = tag.attributes.sourcefilename;
        this.jacocoClassFile = source === void 0 ? void 0 : this.jacocoKey(source);
        return;
      }
      case "method":
        this.inJacocoMethod = true;
        return;
      case "counter":
        if (this.inJacocoMethod && parent === "method" && tag.attributes.type === "METHOD" && this.jacocoClassFile !== void 0) {
          const key = this.jacocoClassFile;
          const prev = this.jacocoMethods.get(key);
          const missed = num(tag, "missed");
          const covered = num(tag, "covered");
          this.jacocoMethods.set(key, { total: (prev?.total ?? 0) + missed + covered, covered: (prev?.covered ?? 0) + covered });
        }
        return;
      case "sourcefile": {
        const key = this.jacocoKey(tag.attributes.name ?? "");
        const file = this.file(key, () => [key]);
        file.branches ??= { total: 0, covered: 0 };
        this.jacocoSource = file;
        return;
      }
      case "line": {
        const file = this.jacocoSource;
        if (!file) return;
        const line = num(tag, "nr");
        const ci = num(tag, "ci");
        const mi = num(tag, "mi");
        if (line >= 1 && ci + mi > 0) file.lines?.set(line, (file.lines.get(line) ?? 0) + ci);
        const mb = num(tag, "mb");
        const cb = num(tag, "cb");
        if (mb + cb > 0) file.branches = add(file.branches, mb + cb, cb);
        return;
      }
      default:
        return;
    }
  }
  jacocoKey(source) {
    return this.jacocoPackage ? `${this.jacocoPackage}/${source}` : source;
  }
  openClover(tag, parent) {
    switch (tag.name) {
      case "file": {
        const path = tag.attributes.path ?? tag.attributes.name ?? "";
        const name = tag.attributes.name ?? path;
        this.cloverFile = this.file(path, () => path === name ? [path] : [path, name]);
        this.cloverMetrics = void 0;
        this.cloverSawCond = false;
        this.cloverSawMethod = false;
        return;
      }
      case "metrics":
        if (this.cloverFile && parent === "file") {
          this.cloverMetrics = {
            branches: { total: num(tag, "conditionals"), covered: num(tag, "coveredconditionals") },
            functions: { total: num(tag, "methods"), covered: num(tag, "coveredmethods") }
          };
        }
        return;
      case "line": {
        const file = this.cloverFile;
        if (!file) return;
        const line = num(tag, "num");
        const type = tag.attributes.type ?? "stmt";
        if (type === "method") {
          this.cloverSawMethod = true;
          file.functions = add(file.functions, 1, num(tag, "count") > 0 ? 1 : 0);
          return;
        }
        if (type === "cond") {
          this.cloverSawCond = true;
          const t = num(tag, "truecount");
          const f = num(tag, "falsecount");
          file.branches = add(file.branches, 2, (t > 0 ? 1 : 0) + (f > 0 ? 1 : 0));
          if (line >= 1) file.lines?.set(line, (file.lines.get(line) ?? 0) + Math.max(num(tag, "count"), t + f > 0 ? 1 : 0));
          return;
        }
        if (line >= 1) file.lines?.set(line, (file.lines.get(line) ?? 0) + Math.max(0, num(tag, "count")));
        return;
      }
      default:
        return;
    }
  }
  result() {
    if (this.format === void 0) throw new ReportFileError("not a coverage report: <coverage> without Cobertura or Clover content", "not-a-report");
    if (this.format === "jacoco") {
      for (const [key, counter] of this.jacocoMethods) {
        const file = this.files.get(key);
        if (file) file.functions = counter;
      }
      for (const file of this.files.values()) file.functions ??= { total: 0, covered: 0 };
    }
    return { format: this.format, files: [...this.files.values()] };
  }
};
async function parseCoverageXmlFile(path, signal) {
  let collector = new CoverageXmlCollector();
  await parseXmlFile(
    path,
    () => {
      collector = new CoverageXmlCollector();
      return collector;
    },
    signal
  );
  return collector.result();
}

// src/scanners/coverage/read.ts
var MAX_WHOLE_FILE = 512 * 1024 * 1024;
async function head(path) {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
async function wholeText(path) {
  const buffer = await readFile(path);
  if (buffer.length > MAX_WHOLE_FILE) throw new ReportFileError(`the file is larger than ${MAX_WHOLE_FILE / 1024 / 1024} MiB`, "unreadable");
  try {
    return new TextDecoder2("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw new ReportFileError("the file is not valid UTF-8", "encoding");
  }
}
async function readCoverageReport(path, signal) {
  let start;
  try {
    start = await head(path);
  } catch (error) {
    throw new ReportFileError(`the file cannot be read (${error.code ?? "error"})`, "unreadable");
  }
  const text = start.toString("latin1").replace(/^(\xEF\xBB\xBF)/, "").trimStart();
  if (text === "" && start.length < 512) {
    throw new ReportFileError("the file is empty", "empty");
  }
  if (text.startsWith("<")) return parseCoverageXmlFile(path, signal);
  if (text.startsWith("{")) return parseIstanbulJson(await wholeText(path));
  if (text.startsWith("mode:")) return parseGoProfile(await wholeText(path));
  if (start[0] === 255 || start[0] === 254) throw new ReportFileError("the file is encoded in UTF-16; write the report as UTF-8", "encoding");
  return parseLcovFile(path, signal);
}

// src/scanners/coverage/index.ts
async function goModule(root) {
  try {
    return /^module\s+(\S+)/m.exec(await readFile2(join(root, "go.mod"), "utf8"))?.[1];
  } catch {
    return void 0;
  }
}
function coverageParseError(reportPath, error) {
  return makeFinding({
    ruleId: "coverage/parse-error",
    gate: "coverage",
    severity: "high",
    message: `Coverage report ${reportPath} cannot be read: ${error.message}.`,
    location: { path: reportPath },
    key: error.kind,
    properties: { reason: error.kind, detail: error.message }
  });
}
async function collectCoverage(input, ctx) {
  const paths = input.paths ?? await RepoPaths.load(ctx.root, ctx.signal);
  const include = input.include && input.include.length > 0 ? globMatcher(input.include) : () => true;
  const exclude = globMatcher(input.exclude ?? []);
  const module = await goModule(ctx.root);
  const files = /* @__PURE__ */ new Map();
  const findings = [];
  const notes = [];
  const formats = /* @__PURE__ */ new Set();
  const readable = [];
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
      const candidates = parsed.format === "go" && module ? file.candidates.map((c) => c.startsWith(`${module}/`) ? c.slice(module.length + 1) : c) : file.candidates;
      let mapped;
      for (const candidate of candidates) {
        const resolved = paths.resolve(candidate, bases);
        if (resolved !== void 0 && paths.has(resolved)) {
          mapped = resolved;
          break;
        }
        mapped ??= resolved;
      }
      if (mapped === void 0) {
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
function totals(files) {
  let lines = { total: 0, covered: 0 };
  let branches;
  let functions;
  for (const file of files) {
    lines = addCounter(lines, lineCounter(file)) ?? lines;
    branches = addCounter(branches, file.branches);
    functions = addCounter(functions, file.functions);
  }
  const result = { lines };
  if (branches) result.branches = branches;
  if (functions) result.functions = functions;
  return result;
}
function floor2(value) {
  return Math.floor(value * 100 + 1e-9) / 100;
}
function totalsMetrics(t) {
  const metrics = {
    lines_pct: floor2(percent(t.lines)),
    lines_total: t.lines.total,
    lines_covered: t.lines.covered
  };
  if (t.branches) Object.assign(metrics, { branches_pct: floor2(percent(t.branches)), branches_total: t.branches.total, branches_covered: t.branches.covered });
  if (t.functions) Object.assign(metrics, { functions_pct: floor2(percent(t.functions)), functions_total: t.functions.total, functions_covered: t.functions.covered });
  return metrics;
}

// src/gates/coverage/rules.ts
var RULES = [
  {
    id: "coverage/lines-below-threshold",
    severity: "high",
    title: "Line coverage below the minimum",
    description: "The share of coverable lines that tests run is below coverage.min.lines (or a paths[].min.lines for the files matching a glob).",
    remediation: "Add tests for the files with the most uncovered lines (listed in the finding), or lower the minimum on purpose."
  },
  {
    id: "coverage/branches-below-threshold",
    severity: "high",
    title: "Branch coverage below the minimum",
    description: "The share of branches (both sides of each if, switch case, ?:, &&) that tests take is below the minimum.",
    remediation: "Add tests for the untaken branches, especially error paths."
  },
  {
    id: "coverage/functions-below-threshold",
    severity: "high",
    title: "Function coverage below the minimum",
    description: "The share of functions that tests call at least once is below the minimum.",
    remediation: "Add tests that call the uncovered functions, or remove dead code."
  },
  {
    id: "coverage/changed-lines-below-threshold",
    severity: "high",
    title: "Changed lines not covered enough",
    description: "Of the coverable lines this change adds or edits (git diff against the base commit), too few are run by tests. With fewer than changed-lines.min-changed such lines it only warns.",
    remediation: "Add tests for the new or edited code; the coverage/changed-lines-uncovered findings list the lines."
  },
  {
    id: "coverage/changed-lines-uncovered",
    severity: "low",
    title: "Changed lines without coverage",
    description: "Lines this change adds or edits in the file that no test runs; the finding points at the first one and lists all. Informational when the changed-lines minimum is met.",
    remediation: "Add a test that runs these lines."
  },
  {
    id: "coverage/parse-error",
    severity: "high",
    title: "Coverage report cannot be read",
    description: "A coverage report is empty, truncated, malformed, not UTF-8, in no supported format, or hostile XML. It is skipped and reported; the other reports are still read.",
    remediation: "Make the coverage tool write a complete report in a supported format (lcov, Cobertura, JaCoCo, Clover, Istanbul JSON, Go cover profile)."
  },
  {
    id: "coverage/report-missing",
    severity: "high",
    title: "Coverage report missing",
    description: "The policy names coverage reports but no file matches, so coverage cannot be judged.",
    remediation: "Fix the path in coverage.reports, or run the tests with coverage before tollgate."
  }
];

// src/gates/coverage/index.ts
var AUTO_REPORTS = [
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
  "cover.out"
];
var METRICS = ["lines", "branches", "functions"];
var REPORT_RULES = ["coverage/parse-error", "coverage/report-missing"];
var NOUN = { lines: "line", branches: "branch", functions: "function" };
function fmt(value) {
  return (Math.floor(value * 10 + 1e-9) / 10).toFixed(1);
}
function counterOf(file, metric) {
  return metric === "lines" ? lineCounter(file) : file[metric];
}
function worstFiles(files, metric, n = 3) {
  return files.map(([path, file]) => ({ path, counter: counterOf(file, metric) })).filter((f) => f.counter !== void 0 && f.counter.covered < f.counter.total).sort((a, b) => b.counter.total - b.counter.covered - (a.counter.total - a.counter.covered) || (a.path < b.path ? -1 : 1)).slice(0, n).map((f) => `${f.path} ${fmt(percent(f.counter))}%`).join(", ");
}
function checkThreshold(input, findings) {
  const { files, metric, min, glob } = input;
  const scope = glob === void 0 ? "" : ` of ${glob}`;
  const name = glob === void 0 ? `${metric} >= ${min}%` : `${glob}: ${metric} >= ${min}%`;
  const ruleId = `coverage/${metric}-below-threshold`;
  const measured = files.map(([, f]) => counterOf(f, metric)).filter((c) => c !== void 0);
  let message;
  let actual;
  if (files.length === 0 || measured.length === 0) {
    message = files.length === 0 ? glob === void 0 ? `The coverage reports hold no files of this repository, so ${NOUN[metric]} coverage cannot reach ${min}%; check the report paths and include/exclude.` : `No file in the coverage reports matches ${glob}, so its ${NOUN[metric]} coverage cannot reach ${min}%; check the glob or make the tests load those files.` : `The coverage reports do not measure ${NOUN[metric]} coverage${scope}, so the minimum of ${min}% cannot be checked; use a report format that records it.`;
  } else {
    const counter = measured.reduce((a, c) => ({ total: a.total + c.total, covered: a.covered + c.covered }), { total: 0, covered: 0 });
    actual = percent(counter);
    if (actual >= min) return { name, passed: true, message: `${fmt(actual)}% ${NOUN[metric]}s covered${scope} (min ${min}%)` };
    const worst = worstFiles(files, metric);
    message = `${NOUN[metric][0]?.toUpperCase()}${NOUN[metric].slice(1)} coverage${scope} is ${fmt(actual)}% (${counter.covered}/${counter.total}), below the minimum of ${min}%; add tests${worst ? `, starting with ${worst}` : ""}.`;
  }
  const properties = { metric, min };
  if (actual !== void 0) properties.actual = floor2(actual);
  if (glob !== void 0) properties.glob = glob;
  const finding = makeFinding({ ruleId, gate: "coverage", severity: "high", message, key: `${glob ?? "overall"}:${metric}`, properties });
  findings.push(finding);
  return { name, passed: false, message, fingerprint: finding.fingerprint };
}
async function changedLinesCoverage(ctx, files, findings, notes) {
  const config = ctx.options["changed-lines"];
  if (!config) return { metrics: {} };
  const name = `changed lines >= ${config.lines}%`;
  if (!await isGitRepo(ctx.root)) {
    notes.push("changed-lines coverage not measured: the directory is not a git repository");
    return { metrics: {}, threshold: { name, passed: true, message: "not measured: not a git repository" } };
  }
  let changed;
  let base;
  try {
    base = ctx.base ?? await defaultBase(ctx.root);
    if (base === void 0) {
      notes.push("changed-lines coverage not measured: no base commit (a repository with a single commit and no main branch); pass --base");
      return { metrics: {}, threshold: { name, passed: true, message: "not measured: no base commit" } };
    }
    changed = await changedLines(ctx.root, base);
  } catch (error) {
    const message2 = `Changed-lines coverage cannot be measured: ${errorMessage(error)}; pass an existing --base.`;
    const finding2 = makeFinding({ ruleId: "coverage/changed-lines-below-threshold", gate: "coverage", severity: "high", message: message2, key: "changed-lines:base" });
    findings.push(finding2);
    return { metrics: {}, threshold: { name, passed: false, message: message2, fingerprint: finding2.fingerprint } };
  }
  let total = 0;
  let covered = 0;
  let noData = 0;
  const absent = [];
  const coveredExtensions = new Set([...files.keys()].map(extension));
  const uncoveredByFile = [];
  for (const [path, lines] of [...changed].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    const file = files.get(path);
    if (!file) {
      if (coveredExtensions.has(extension(path)) && !TEST_FILE.test(path)) absent.push(path);
      continue;
    }
    if (!file.lines) {
      noData++;
      continue;
    }
    const uncovered = [];
    for (const line of [...lines].sort((a, b) => a - b)) {
      const hits2 = file.lines.get(line);
      if (hits2 === void 0) continue;
      total++;
      if (hits2 > 0) covered++;
      else uncovered.push(line);
    }
    if (uncovered.length > 0) uncoveredByFile.push([path, uncovered]);
  }
  if (absent.length > 0) {
    const shown = absent.slice(0, 5).join(", ");
    notes.push(`${plural(absent.length, "changed source file")} not in the coverage reports (not loaded by any test?): ${shown}${absent.length > 5 ? ", \u2026" : ""}`);
  }
  if (noData > 0) notes.push(`${plural(noData, "changed file")} only have summary coverage (no per-line data) and are not in changed-lines coverage`);
  const pct = total === 0 ? 100 : covered / total * 100;
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
        properties: { lines, base }
      })
    );
  }
  const summary = total === 0 ? "no coverable changed lines" : `${fmt(pct)}% of ${plural(total, "changed line")} covered (min ${config.lines}%)`;
  if (passed) return { metrics, summary, threshold: { name, passed: true, message: summary } };
  const severity = few ? "low" : "high";
  const message = few ? `Only ${fmt(pct)}% of the ${plural(total, "coverable changed line")} are covered (min ${config.lines}%); fewer than ${config["min-changed"]} lines changed, so this only warns.` : `Only ${fmt(pct)}% of the ${plural(total, "coverable changed line")} are covered, below the minimum of ${config.lines}%; add tests for the lines listed per file.`;
  const finding = makeFinding({
    ruleId: "coverage/changed-lines-below-threshold",
    gate: "coverage",
    severity,
    message,
    key: "changed-lines",
    properties: { actual: floor2(pct), min: config.lines, total, covered, base, "min-changed": config["min-changed"] }
  });
  findings.push(finding);
  return { metrics, summary, threshold: { name, passed: few, message, fingerprint: finding.fingerprint } };
}
var TEST_FILE = /(^|\/)(__tests__|tests?|spec)\/|\.(test|spec)\.[^/]+$|_test\.go$|(^|\/)test_[^/]+\.py$/;
function extension(path) {
  const dot = path.lastIndexOf(".");
  return dot > path.lastIndexOf("/") ? path.slice(dot) : "";
}
function compactRanges(lines) {
  const parts = [];
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
async function scan(ctx) {
  const options = ctx.options;
  const explicit = options.reports !== void 0 && options.reports.length > 0;
  const found = await findReports(ctx.root, explicit ? options.reports ?? [] : AUTO_REPORTS, { signal: ctx.signal });
  const findings = [];
  const notes = [];
  if (explicit) {
    for (const pattern of found.unmatched) {
      findings.push(
        makeFinding({
          ruleId: "coverage/report-missing",
          gate: "coverage",
          severity: "high",
          message: `No coverage report matches "${pattern}"; run the tests with coverage first or fix coverage.reports.`,
          key: `pattern:${pattern}`,
          properties: { pattern }
        })
      );
    }
  }
  if (found.reports.length === 0) {
    if (!explicit) {
      return {
        findings: [],
        metrics: {},
        skipped: "no coverage report found (looked for coverage/lcov.info, coverage/cobertura-coverage.xml, coverage/coverage-final.json, jacoco.xml, clover.xml, coverage.out...); run the tests with coverage or set coverage.reports"
      };
    }
    const thresholds2 = [{ name: "reports-readable", passed: false, message: findings.map((f) => f.message).join(" "), rules: REPORT_RULES }];
    return { findings, metrics: {}, data: { thresholds: thresholds2, summary: "no coverage report found" }, checks: thresholds2.map(toCheck) };
  }
  const paths = await RepoPaths.load(ctx.root, ctx.signal);
  const collected = await collectCoverage({ reports: found.reports, paths, include: options.include, exclude: options.exclude }, ctx);
  findings.push(...collected.findings);
  notes.push(...collected.notes);
  const files = [...collected.files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  const overall = totals(collected.files.values());
  const metrics = { ...totalsMetrics(overall), files: files.length, reports: collected.readable.length };
  const thresholds = [];
  for (const metric of METRICS) {
    const min = options.min[metric];
    if (min !== void 0) thresholds.push(checkThreshold({ files, metric, min }, findings));
  }
  for (const rule of options.paths) {
    const matches = (0, import_picomatch.default)(rule.glob, { dot: true });
    const selected = files.filter(([path]) => matches(path));
    for (const metric of METRICS) {
      const min = rule.min[metric];
      if (min !== void 0) thresholds.push(checkThreshold({ files: selected, metric, min, glob: rule.glob }, findings));
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
    message: problems.length === 0 ? `${plural(collected.readable.length, "report")} read (${collected.formats.join(", ")})` : problems.map((f) => f.message).join(" ")
  });
  const parts = [`${fmt(percent(overall.lines))}% lines covered${options.min.lines !== void 0 ? ` (min ${options.min.lines}%)` : ""}`];
  if (overall.branches && options.min.branches !== void 0) parts.push(`${fmt(percent(overall.branches))}% branches (min ${options.min.branches}%)`);
  if (overall.functions && options.min.functions !== void 0) parts.push(`${fmt(percent(overall.functions))}% functions (min ${options.min.functions}%)`);
  if (changed.summary) parts.push(changed.summary);
  const data = { thresholds, summary: parts.join(", ") };
  const result = { findings, metrics, notes, data };
  result.checks = evaluate(result, options).checks ?? [];
  return result;
}
function toCheck(t) {
  return { name: t.name, passed: t.passed, message: t.message };
}
function thresholdsOf(scan2) {
  const raw = scan2.data?.thresholds;
  return Array.isArray(raw) ? raw : [];
}
function evaluate(scan2, options) {
  const active = scan2.findings.filter(isActive);
  const suppressed = new Set(scan2.findings.filter((f) => !isActive(f)).map((f) => f.fingerprint));
  const checks = thresholdsOf(scan2).map((t) => {
    const passed = t.rules ? !active.some((f) => t.rules?.includes(f.ruleId)) : t.passed || t.fingerprint !== void 0 && suppressed.has(t.fingerprint);
    return toCheck({ ...t, passed });
  });
  let summary = typeof scan2.data?.summary === "string" ? scan2.data.summary : `${scan2.metrics.lines_pct ?? 0}% lines covered`;
  if (suppressed.size > 0) summary += `, ${suppressed.size} suppressed`;
  if (active.some((f) => atLeast(f.severity, options["fail-on"]))) return { status: "failed", summary, checks };
  if (active.some((f) => f.severity !== "info")) return { status: "warned", summary, checks };
  return { status: "passed", summary, checks };
}
var gate = {
  id: "coverage",
  title: "Coverage",
  description: "Line, branch and function coverage from lcov, Cobertura, JaCoCo, Clover, Istanbul and Go reports: minimums overall, per path glob and for the lines a change touches.",
  schema,
  rules: () => [...RULES],
  scan,
  evaluate
};
export {
  AUTO_REPORTS,
  compactRanges,
  evaluate,
  gate
};
