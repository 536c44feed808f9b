// Cobertura, JaCoCo and Clover XML, streamed through the same hardened reader as JUnit (no
// entity is ever expanded or fetched; JaCoCo's DOCTYPE names a DTD that is never loaded).
import { posix } from "node:path";
import type { SaxesTagPlain } from "saxes";
import { parseXmlFile, parseXmlString, ReportFileError, type XmlHandlers } from "../junit/xml-stream.js";
import type { CoverageFormat, CoverageReport, Counter, FileCoverage } from "./model.js";

function num(tag: SaxesTagPlain, name: string): number {
  const n = Number(tag.attributes[name] ?? "");
  return Number.isFinite(n) ? n : 0;
}

function add(counter: Counter | undefined, total: number, covered: number): Counter {
  return { total: (counter?.total ?? 0) + total, covered: (counter?.covered ?? 0) + Math.min(total, covered) };
}

class CoverageXmlCollector implements XmlHandlers {
  format: CoverageFormat | undefined;
  private readonly stack: string[] = [];
  private readonly files = new Map<string, FileCoverage>();
  // Cobertura
  private readonly sources: string[] = [];
  private sourceText: string[] | undefined;
  private coberturaClass: FileCoverage | undefined;
  private method: { hit: boolean; sawLine: boolean; rate: number } | undefined;
  // JaCoCo
  private jacocoPackage = "";
  private jacocoClassFile: string | undefined;
  private jacocoMethods = new Map<string, Counter>();
  private jacocoSource: FileCoverage | undefined;
  private inJacocoMethod = false;
  // Clover
  private cloverFile: FileCoverage | undefined;
  private cloverMetrics: { branches?: Counter; functions?: Counter } | undefined;
  private cloverSawCond = false;
  private cloverSawMethod = false;

  open(tag: SaxesTagPlain): void {
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
    if (this.format === undefined && this.stack.length === 2) {
      if (name === "project") this.format = "clover";
      else if (name === "packages" || name === "sources") this.format = "cobertura";
    }
    if (this.format === "cobertura") this.openCobertura(tag, parent);
    else if (this.format === "jacoco") this.openJacoco(tag, parent);
    else if (this.format === "clover") this.openClover(tag, parent);
  }

  close(name: string): void {
    this.stack.pop();
    if (this.format === "cobertura") {
      if (name === "source" && this.sourceText) {
        const text = this.sourceText.join("").trim();
        if (text) this.sources.push(text);
        this.sourceText = undefined;
      } else if (name === "method" && this.method && this.coberturaClass) {
        const hit = this.method.sawLine ? this.method.hit : this.method.rate > 0;
        this.coberturaClass.functions = add(this.coberturaClass.functions, 1, hit ? 1 : 0);
        this.method = undefined;
      } else if (name === "class") this.coberturaClass = undefined;
    } else if (this.format === "jacoco") {
      if (name === "method") this.inJacocoMethod = false;
      else if (name === "class") this.jacocoClassFile = undefined;
      else if (name === "sourcefile") this.jacocoSource = undefined;
      else if (name === "package") this.jacocoPackage = "";
    } else if (this.format === "clover" && name === "file" && this.cloverFile) {
      const file = this.cloverFile;
      // Prefer counts from the line elements; fall back to the file's <metrics>.
      if (!this.cloverSawCond && this.cloverMetrics?.branches) file.branches = this.cloverMetrics.branches;
      if (!this.cloverSawMethod && this.cloverMetrics?.functions) file.functions = this.cloverMetrics.functions;
      file.branches ??= { total: 0, covered: 0 };
      file.functions ??= { total: 0, covered: 0 };
      this.cloverFile = undefined;
    }
  }

  text(text: string): void {
    this.sourceText?.push(text);
  }

  private file(key: string, candidates: () => string[]): FileCoverage {
    let file = this.files.get(key);
    if (!file) {
      file = { candidates: candidates(), lines: new Map() };
      this.files.set(key, file);
    }
    return file;
  }

  private openCobertura(tag: SaxesTagPlain, parent: string | undefined): void {
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
        const hits = Math.max(0, num(tag, "hits"));
        if (this.method) {
          // A method's own <lines> repeat the class's lines: they only tell whether the method ran.
          this.method.sawLine = true;
          if (hits > 0) this.method.hit = true;
          return;
        }
        const line = num(tag, "number");
        if (line < 1) return;
        file.lines?.set(line, (file.lines.get(line) ?? 0) + hits);
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

  private openJacoco(tag: SaxesTagPlain, parent: string | undefined): void {
    switch (tag.name) {
      case "package":
        this.jacocoPackage = tag.attributes.name ?? "";
        return;
      case "class": {
        const source = tag.attributes.sourcefilename;
        this.jacocoClassFile = source === undefined ? undefined : this.jacocoKey(source);
        return;
      }
      case "method":
        this.inJacocoMethod = true;
        return;
      case "counter":
        if (this.inJacocoMethod && parent === "method" && tag.attributes.type === "METHOD" && this.jacocoClassFile !== undefined) {
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

  private jacocoKey(source: string): string {
    return this.jacocoPackage ? `${this.jacocoPackage}/${source}` : source;
  }

  private openClover(tag: SaxesTagPlain, parent: string | undefined): void {
    switch (tag.name) {
      case "file": {
        const path = tag.attributes.path ?? tag.attributes.name ?? "";
        const name = tag.attributes.name ?? path;
        this.cloverFile = this.file(path, () => (path === name ? [path] : [path, name]));
        this.cloverMetrics = undefined;
        this.cloverSawCond = false;
        this.cloverSawMethod = false;
        return;
      }
      case "metrics":
        if (this.cloverFile && parent === "file") {
          this.cloverMetrics = {
            branches: { total: num(tag, "conditionals"), covered: num(tag, "coveredconditionals") },
            functions: { total: num(tag, "methods"), covered: num(tag, "coveredmethods") },
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

  result(): CoverageReport {
    if (this.format === undefined) throw new ReportFileError("not a coverage report: <coverage> without Cobertura or Clover content", "not-a-report");
    if (this.format === "jacoco") {
      for (const [key, counter] of this.jacocoMethods) {
        const file = this.files.get(key);
        if (file) file.functions = counter;
      }
      for (const file of this.files.values()) file.functions ??= { total: 0, covered: 0 };
    }
    return { format: this.format, files: [...this.files.values()] };
  }
}

export async function parseCoverageXmlFile(path: string, signal?: AbortSignal): Promise<CoverageReport> {
  let collector = new CoverageXmlCollector();
  await parseXmlFile(
    path,
    () => {
      collector = new CoverageXmlCollector();
      return collector;
    },
    signal,
  );
  return collector.result();
}

export function parseCoverageXmlString(xml: string): CoverageReport {
  const collector = new CoverageXmlCollector();
  parseXmlString(xml, collector);
  return collector.result();
}
