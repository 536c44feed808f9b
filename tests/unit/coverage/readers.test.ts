import { afterAll, describe, expect, it } from "@jest/globals";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lineCounter, readCoverageReport, ReportFileErrorForTests, type CoverageReport } from "./helpers.js";
import { removeDir, tempDir, writeTree } from "../../helpers/tmp.js";

const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "../../fixtures/coverage");

/** candidate → [lines total, covered, branches total, covered, functions total, covered]; -1 when not measured. */
function summary(report: CoverageReport): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const file of report.files) {
    const lines = lineCounter(file);
    out[file.candidates[0] ?? ""] = [
      lines?.total ?? -1,
      lines?.covered ?? -1,
      file.branches?.total ?? -1,
      file.branches?.covered ?? -1,
      file.functions?.total ?? -1,
      file.functions?.covered ?? -1,
    ];
  }
  return out;
}

describe("coverage readers", () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  it("reads lcov: DA, FN/FNDA, BRDA with '-' for never-evaluated branches", async () => {
    const report = await readCoverageReport(join(fixtures, "lcov.input.info"));
    expect(report.format).toBe("lcov");
    expect(summary(report)).toEqual({
      "src/math.ts": [5, 2, 2, 0, 2, 1],
      "/home/runner/_work/app/app/src/format.ts": [4, 3, 2, 1, 1, 1],
    });
    expect([...(report.files[0]?.lines ?? new Map())]).toEqual([[1, 3], [2, 3], [5, 0], [6, 0], [7, 0]]);
  });

  it("reads Cobertura: <source> folders joined to filenames, method lines not double counted, condition-coverage", async () => {
    const report = await readCoverageReport(join(fixtures, "cobertura.input.xml"));
    expect(report.format).toBe("cobertura");
    expect(summary(report)).toEqual({
      "/home/ci/app/src/math.ts": [5, 2, 2, 0, 2, 1],
      "/home/ci/app/src/format.ts": [4, 3, 2, 1, 1, 1],
    });
    expect(report.files[0]?.candidates).toEqual(["/home/ci/app/src/math.ts", "src/math.ts"]);
  });

  it("reads JaCoCo: package/sourcefile paths, ci/mi lines, mb/cb branches, METHOD counters", async () => {
    const report = await readCoverageReport(join(fixtures, "jacoco.input.xml"));
    expect(report.format).toBe("jacoco");
    expect(summary(report)).toEqual({ "com/example/shop/Cart.java": [6, 3, 2, 0, 3, 2] });
  });

  it("reads Clover: stmt and cond lines, true/false counts as two branches", async () => {
    const report = await readCoverageReport(join(fixtures, "clover.input.xml"));
    expect(report.format).toBe("clover");
    expect(summary(report)).toEqual({
      "/home/runner/_work/app/app/src/math.ts": [5, 2, 2, 0, 2, 1],
      "/home/runner/_work/app/app/src/format.ts": [4, 3, 2, 1, 1, 1],
    });
  });

  it("reads Istanbul coverage-final.json: line hits from statements (max per line), f and b maps", async () => {
    const report = await readCoverageReport(join(fixtures, "coverage-final.input.json"));
    expect(report.format).toBe("istanbul-final");
    expect(summary(report)).toEqual({
      "/home/runner/_work/app/app/src/math.ts": [5, 2, 2, 0, 2, 1],
      "/home/runner/_work/app/app/src/format.ts": [4, 3, 2, 1, 1, 1],
    });
  });

  it("reads Istanbul coverage-summary.json as counters without per-line data", async () => {
    const report = await readCoverageReport(join(fixtures, "coverage-summary.input.json"));
    expect(report.format).toBe("istanbul-summary");
    expect(report.files.every((f) => f.lines === undefined)).toBe(true);
    expect(summary(report)).toEqual({
      "/home/runner/_work/app/app/src/math.ts": [5, 2, 2, 0, 2, 1],
      "/home/runner/_work/app/app/src/format.ts": [4, 3, 2, 1, 1, 1],
    });
  });

  it("reads Go cover profiles: block ranges to lines, a line shared by blocks is covered if any ran", async () => {
    const report = await readCoverageReport(join(fixtures, "go.input.out"));
    expect(report.format).toBe("go");
    expect(summary(report)).toEqual({
      "example.com/shop/cart/cart.go": [8, 6, -1, -1, -1, -1],
      "example.com/shop/pay/pay.go": [3, 0, -1, -1, -1, -1],
    });
    expect(report.files[0]?.lines?.get(13)).toBe(1);
    expect(report.files[0]?.lines?.get(14)).toBe(0);
  });

  it("reads lcov 2.x function records (FNL/FNA) and CRLF line ends", async () => {
    writeTree(dir, { "v2.info": "SF:a.c\r\nFNL:0,3,9\r\nFNA:0,2,main\r\nFNL:1,11,12\r\nFNA:1,0,unused\r\nDA:3,2\r\nDA:11,0\r\nend_of_record\r\n" });
    expect(summary(await readCoverageReport(join(dir, "v2.info")))).toEqual({ "a.c": [2, 1, -1, -1, 2, 1] });
  });
});

describe("bad coverage files", () => {
  const dir = tempDir();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    res.end("");
  });
  afterAll(async () => {
    removeDir(dir);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function reason(content: string | Uint8Array, name = "report"): Promise<string> {
    writeTree(dir, { [name]: content });
    try {
      await readCoverageReport(join(dir, name));
    } catch (error) {
      if (error instanceof ReportFileErrorForTests) return `${error.kind}: ${error.message}`;
      throw error;
    }
    return "parsed";
  }

  it("reports each kind of bad file with a reason", async () => {
    expect(await reason("")).toBe("empty: the file is empty");
    expect(await reason("   \n")).toBe("empty: the file is empty");
    expect(await reason("SF:a.ts\nDA:x,1\nend_of_record\n")).toBe('malformed: line 2: DA line is not a number ("x")');
    expect(await reason("DA:1,1\n")).toBe("malformed: line 1: DA record outside an SF: record");
    expect(await reason("hello world\nthis is text\n")).toBe("not-a-report: no SF: records: this is not an lcov tracefile");
    expect(await reason(Buffer.from([0x53, 0x46, 0x3a, 0xc3, 0x28, 0x0a]))).toMatch(/^encoding: the file is not valid UTF-8/);
    expect(await reason(Buffer.from([0x53, 0x46, 0x00, 0x01]))).toMatch(/^malformed: the file holds NUL bytes/);
    expect(await reason(Buffer.from([0xff, 0xfe, 0x53, 0x00]))).toMatch(/UTF-16/);
    expect(await reason('{"a": 1')).toMatch(/^malformed: the file is not valid JSON/);
    expect(await reason('{"src/a.ts": {"lines": 3}}')).toMatch(/^not-a-report: not an Istanbul coverage report/);
    expect(await reason("[1,2]")).toMatch(/^not-a-report|^malformed/);
    expect(await reason("mode: set\nnot a block\n")).toBe('malformed: line 2: not a cover profile block ("not a block")');
    expect(await reason('<?xml version="1.0"?>\n<coverage line-rate="1"><packages><package>')).toMatch(/^truncated: /);
    expect(await reason('<?xml version="1.0"?>\n<html><body/></html>')).toMatch(/^not-a-report: not a coverage report: the root element is <html>/);
  });

  it("stays linear when one file is repeated in many records", async () => {
    const records = Array.from({ length: 30_000 }, (_, i) => `SF:a.ts\nFN:${i + 1},f${i}\nFNDA:${i % 2},f${i}\nDA:${i + 1},${i % 2}\nend_of_record\n`).join("");
    const started = Date.now();
    writeTree(dir, { "many.info": records });
    const report = await readCoverageReport(join(dir, "many.info"));
    expect(report.files[0]?.functions).toEqual({ total: 30_000, covered: 15_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses entity declarations and never fetches a DTD", async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await reason(`<?xml version="1.0"?>\n<!DOCTYPE coverage [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n<coverage line-rate="1"><sources><source>&b;</source></sources></coverage>`)).toMatch(/^hostile: /);
    expect(await reason(`<?xml version="1.0"?>\n<!DOCTYPE coverage [<!ENTITY x SYSTEM "${url}/x">]>\n<coverage line-rate="1"/>`)).toMatch(/^hostile: /);
    expect(await reason(`<?xml version="1.0"?>\n<!DOCTYPE report SYSTEM "${url}/report.dtd">\n<report name="r"/>`)).toBe("parsed");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests).toEqual([]);
  });
});
