#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/gates/lint/schema.ts
import { z } from "zod";
var lintCommandSchema = z.object({
  name: z.string().min(1).describe("tool name used in rule ids: lint/<name>/<rule>"),
  run: z.string().min(1).describe("shell command that runs the linter from the repository root"),
  format: z.enum(["sarif", "eslint-json", "checkstyle", "parsable"]).describe("what the command writes: SARIF, ESLint JSON, Checkstyle XML or `path:line:col: [level] message (rule)` lines"),
  output: z.string().optional().describe("file the command writes its report to (default: its standard output)"),
  timeout: z.string().optional().describe("how long the command may run, e.g. 2m (default 10m)")
});
var schema = z.object({
  eslint: z.union([z.boolean(), z.object({ config: z.string().optional().describe("ESLint flat config file to use instead of the one ESLint finds") })]).default(true).describe("run ESLint in-process with the project's flat config (or a built-in recommended set when it has none)"),
  sarif: z.array(z.string()).default([]).describe("globs of SARIF files written by other linters"),
  "eslint-json": z.array(z.string()).default([]).describe("globs of `eslint --format json` outputs"),
  checkstyle: z.array(z.string()).default([]).describe("globs of Checkstyle XML reports"),
  commands: z.array(lintCommandSchema).default([]).describe("linters to run, whose output is imported"),
  "new-only": z.boolean().default(false).describe("fail only on findings that were not present at the base commit")
});

export {
  schema
};
