import { afterAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCoverageXmlString, parseGoProfile, parseIstanbulJson, parseLcovString, readCoverageReport } from "../../../src/scanners/coverage/index.js";
import { ReportFileError } from "../../../src/scanners/junit/xml-stream.js";
import { removeDir, tempDir } from "../../helpers/tmp.js";

function resultOrReported(run: () => { files: unknown[] }): void {
  try {
    expect(Array.isArray(run().files)).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportFileError);
  }
}

const num = fc.oneof(fc.nat({ max: 50 }).map(String), fc.constantFrom("-", "-1", "1e9", "x", "", "1.5", "NaN"));
const lcovish = fc
  .tuple(
    fc.array(
    fc.oneof(
      fc.string({ maxLength: 10 }).map((s) => `SF:${s}`),
      fc.tuple(num, num).map(([a, b]) => `DA:${a},${b}`),
      fc.tuple(num, num, num, num).map(([a, b, c, d]) => `BRDA:${a},${b},${c},${d}`),
      fc.tuple(num, fc.string({ maxLength: 5 })).map(([a, n]) => `FN:${a},${n}`),
      fc.tuple(num, fc.string({ maxLength: 5 })).map(([a, n]) => `FNDA:${a},${n}`),
      fc.tuple(num, num).map(([a, b]) => `FNA:${a},${b},f`),
      fc.tuple(fc.constantFrom("FNF", "FNH", "BRF", "BRH", "LF", "LH", "TN", "VER", "FNL"), num).map(([t, v]) => `${t}:${v}`),
      fc.constantFrom("end_of_record", "", "garbage"),
      fc.string({ maxLength: 15 }),
    ),
    { maxLength: 40 },
    ),
    fc.constantFrom("\n", "\r\n"),
  )
  .map(([lines, eol]) => lines.join(eol));

const TAGS = ["coverage", "report", "sources", "source", "packages", "package", "classes", "class", "methods", "method", "lines", "line", "sourcefile", "counter", "project", "file", "metrics"];
const ATTRS = ["filename", "name", "number", "hits", "branch", "condition-coverage", "nr", "mi", "ci", "mb", "cb", "type", "num", "count", "truecount", "falsecount", "path", "line-rate", "clover", "missed", "covered", "sourcefilename"];
const xmlish = fc
  .array(
    fc.oneof(
      fc
        .tuple(fc.constantFrom(...TAGS), fc.dictionary(fc.constantFrom(...ATTRS), fc.oneof(num, fc.constantFrom("true", "50% (1/2)", "METHOD", "cond", "method")), { maxKeys: 4 }), fc.boolean())
        .map(([tag, attrs, selfClose]) => `<${tag}${Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join("")}${selfClose ? "/" : ""}>`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      fc.string({ maxLength: 10 }),
      fc.constantFrom("<!DOCTYPE report SYSTEM \"report.dtd\">", "&amp;", "&nope;", "<![CDATA[/src]]>"),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

const jsonish = fc.oneof(
  fc.json(),
  fc
    .dictionary(
      fc.string({ maxLength: 8 }),
      fc.record(
        {
          path: fc.string({ maxLength: 8 }),
          statementMap: fc.dictionary(fc.nat({ max: 5 }).map(String), fc.anything()),
          s: fc.dictionary(fc.nat({ max: 5 }).map(String), fc.anything()),
          f: fc.anything(),
          fnMap: fc.anything(),
          b: fc.dictionary(fc.nat({ max: 5 }).map(String), fc.oneof(fc.array(fc.anything()), fc.anything())),
        },
        { requiredKeys: [] },
      ),
      { maxKeys: 3 },
    )
    .map((v) => JSON.stringify(v)),
  fc.record({ total: fc.record({ lines: fc.record({ total: fc.anything(), covered: fc.anything() }) }) }).map((v) => JSON.stringify(v)),
);

const goish = fc
  .array(
    fc.oneof(
      fc.tuple(fc.string({ maxLength: 8 }), fc.nat({ max: 300 }), fc.nat({ max: 300 }), fc.nat({ max: 3 })).map(([f, a, b, c]) => `${f}.go:${a}.1,${b}.2 1 ${c}`),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 20 },
  )
  .map((lines) => `mode: set\n${lines.join("\n")}`);

describe("coverage readers on arbitrary input", () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  it("lcov: a result or a reported error", () => {
    fc.assert(fc.property(fc.oneof(lcovish, fc.string({ maxLength: 200 })), (t) => resultOrReported(() => parseLcovString(t))), { numRuns: 800 });
  });

  it("Cobertura/JaCoCo/Clover XML: a result or a reported error", () => {
    fc.assert(fc.property(fc.oneof(xmlish, fc.string({ maxLength: 200 })), (t) => resultOrReported(() => parseCoverageXmlString(t))), { numRuns: 800 });
  });

  it("Istanbul JSON: a result or a reported error", () => {
    fc.assert(fc.property(jsonish, (t) => resultOrReported(() => parseIstanbulJson(t))), { numRuns: 500 });
  });

  it("Go profiles: a result or a reported error", () => {
    fc.assert(fc.property(fc.oneof(goish, fc.string({ maxLength: 100 })), (t) => resultOrReported(() => parseGoProfile(t))), { numRuns: 500 });
  });

  it("any bytes on disk: a result or a reported error", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.oneof(lcovish, xmlish, jsonish, goish).map((s) => new TextEncoder().encode(s))),
        async (bytes) => {
          const path = join(dir, `r${n++}`);
          writeFileSync(path, bytes);
          try {
            expect(Array.isArray((await readCoverageReport(path)).files)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ReportFileError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
