#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  external_exports
} from "./chunk-C5CGFLPB.js";

// src/gates/coverage/schema.ts
var pct = external_exports.number().min(0).max(100);
var minimums = external_exports.object({
  lines: pct.optional().describe("minimum % of lines covered"),
  branches: pct.optional().describe("minimum % of branches covered"),
  functions: pct.optional().describe("minimum % of functions covered")
}).strict();
var schema = external_exports.object({
  reports: external_exports.array(external_exports.string()).optional().describe(
    "globs of coverage reports (lcov, Cobertura, JaCoCo, Clover, Istanbul JSON, Go cover profiles), relative to the repository root; when absent, the usual places are searched (coverage/lcov.info, coverage/cobertura-coverage.xml, coverage/coverage-final.json, coverage/coverage-summary.json, **/target/site/**/jacoco.xml, **/build/reports/jacoco/**/*.xml, clover.xml, coverage.xml, coverage.out, cover.out) and finding none skips the gate"
  ),
  min: minimums.default({}).describe("overall minimum coverage"),
  paths: external_exports.array(external_exports.object({ glob: external_exports.string().describe("files this minimum applies to, e.g. src/core/**"), min: minimums }).strict()).default([]).describe("minimum coverage for the files matching a glob, taken together"),
  "changed-lines": external_exports.object({
    lines: pct.describe("minimum % of the coverable lines the change adds or edits that tests cover"),
    "min-changed": external_exports.number().int().min(0).default(5).describe("below this many coverable changed lines, missing the minimum only warns")
  }).strict().optional().describe("coverage of the lines changed against the base commit (--base, else the merge-base with the default branch)")
});

export {
  schema
};
