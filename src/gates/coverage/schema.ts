// Options of the coverage gate (composed into the policy schema; keep this file free of heavy imports).
import { z } from "zod";

const pct = z.number().min(0).max(100);

const minimums = z
  .object({
    lines: pct.optional().describe("minimum % of lines covered"),
    branches: pct.optional().describe("minimum % of branches covered"),
    functions: pct.optional().describe("minimum % of functions covered"),
  })
  .strict();

export const schema = z.object({
  reports: z
    .array(z.string())
    .optional()
    .describe(
      "globs of coverage reports (lcov, Cobertura, JaCoCo, Clover, Istanbul JSON, Go cover profiles), relative to the repository root; when absent, the usual places are searched (coverage/lcov.info, coverage/cobertura-coverage.xml, coverage/coverage-final.json, coverage/coverage-summary.json, **/target/site/**/jacoco.xml, **/build/reports/jacoco/**/*.xml, clover.xml, coverage.xml, coverage.out, cover.out) and finding none skips the gate",
    ),
  min: minimums.default({}).describe("overall minimum coverage"),
  paths: z
    .array(z.object({ glob: z.string().describe("files this minimum applies to, e.g. src/core/**"), min: minimums }).strict())
    .default([])
    .describe("minimum coverage for the files matching a glob, taken together"),
  "changed-lines": z
    .object({
      lines: pct.describe("minimum % of the coverable lines the change adds or edits that tests cover"),
      "min-changed": z
        .number()
        .int()
        .min(0)
        .default(5)
        .describe("below this many coverable changed lines, missing the minimum only warns"),
    })
    .strict()
    .optional()
    .describe("coverage of the lines changed against the base commit (--base, else the merge-base with the default branch)"),
});

export type CoverageOptions = z.infer<typeof schema>;
