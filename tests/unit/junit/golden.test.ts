// Golden files: each dialect fixture beside what the reader makes of it. Regenerate on purpose
// only: UPDATE_GOLDEN=1 npm test -- tests/unit/junit/golden
import { describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseJunitFile } from "../../../src/scanners/junit/index.js";

const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "../../fixtures/junit");
const DIALECTS = ["jest-junit", "vitest", "pytest", "go-junit-report", "surefire", "mocha-junit-reporter", "nested-suites", "latin1"];

describe("JUnit golden files", () => {
  for (const name of DIALECTS) {
    it(`${name}.input.xml reads as ${name}.expected.json`, async () => {
      const actual = `${JSON.stringify(await parseJunitFile(join(fixtures, `${name}.input.xml`)), null, 2)}\n`;
      const expectedPath = join(fixtures, `${name}.expected.json`);
      if (process.env.UPDATE_GOLDEN === "1" || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, "utf8"));
    });
  }
});
