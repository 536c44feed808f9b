// Golden files: each format fixture beside what the reader makes of it. Regenerate on purpose
// only: UPDATE_GOLDEN=1 npm test -- tests/unit/coverage/golden
import { describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCoverageReport } from "../../../src/scanners/coverage/index.js";

const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "../../fixtures/coverage");
const FORMATS = ["lcov.input.info", "cobertura.input.xml", "jacoco.input.xml", "clover.input.xml", "coverage-final.input.json", "coverage-summary.input.json", "go.input.out"];

describe("coverage golden files", () => {
  for (const name of FORMATS) {
    const expectedName = name.replace(/\.input\.[a-z]+$/, ".expected.json");
    it(`${name} reads as ${expectedName}`, async () => {
      const report = await readCoverageReport(join(fixtures, name));
      const plain = {
        format: report.format,
        files: report.files.map((f) => ({ ...f, lines: f.lines ? [...f.lines] : undefined })),
      };
      const actual = `${JSON.stringify(plain, null, 2)}\n`;
      const expectedPath = join(fixtures, expectedName);
      if (process.env.UPDATE_GOLDEN === "1" || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, "utf8"));
    });
  }
});
