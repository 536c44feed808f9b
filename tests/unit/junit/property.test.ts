import { afterAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseJunitFile, parseJunitString, ReportFileError } from "../../../src/scanners/junit/index.js";
import { removeDir, tempDir } from "../../helpers/tmp.js";

/** Either a result or a ReportFileError: anything else (a TypeError, a hang) is a bug. */
function resultOrReported(run: () => unknown): void {
  try {
    const report = run() as { cases: unknown[] };
    expect(Array.isArray(report.cases)).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportFileError);
  }
}

const TAGS = ["testsuites", "testsuite", "testcase", "failure", "error", "skipped", "system-out", "properties", "property", "flakyFailure", "rerunFailure", "stackTrace"];

/** XML-shaped noise: plausible tags and attributes, nested or not, sometimes unbalanced. */
const xmlish = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...TAGS), fc.dictionary(fc.constantFrom("name", "classname", "file", "line", "message", "time", "type"), fc.string({ maxLength: 12 }), { maxKeys: 3 })).map(
        ([tag, attrs]) => `<${tag}${Object.entries(attrs).map(([k, v]) => ` ${k}="${v.replace(/[<&"]/g, "")}"`).join("")}>`,
      ),
      fc.constantFrom(...TAGS).map((tag) => `</${tag}>`),
      fc.constantFrom(...TAGS).map((tag) => `<${tag}/>`),
      fc.string({ maxLength: 20 }),
      fc.constantFrom("<![CDATA[x]]>", "&amp;", "&lt;", "&#10;", "&bogus;", "<!DOCTYPE x>", "<!-- c -->", "<?pi x?>", '<?xml version="1.0"?>'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("JUnit reader on arbitrary input", () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  it("gives a result or a reported error for any string", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => resultOrReported(() => parseJunitString(text))), { numRuns: 500 });
  });

  it("gives a result or a reported error for XML-shaped noise", () => {
    fc.assert(fc.property(xmlish, (text) => resultOrReported(() => parseJunitString(text))), { numRuns: 1000 });
  });

  it("gives a result or a reported error for arbitrary bytes on disk", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), xmlish.map((s) => new TextEncoder().encode(s))), async (bytes) => {
        const path = join(dir, `f${n++}.xml`);
        writeFileSync(path, bytes);
        try {
          const report = await parseJunitFile(path);
          expect(Array.isArray(report.cases)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ReportFileError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
