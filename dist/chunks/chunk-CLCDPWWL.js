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

// src/gates/lint/schema.ts
var lintCommandSchema = external_exports.object({
  name: external_exports.string().min(1).describe("tool name used in rule ids: lint/<name>/<rule>"),
  run: external_exports.string().min(1).describe("shell command that runs the linter from the repository root"),
  format: external_exports.enum(["sarif", "eslint-json", "checkstyle", "parsable"]).describe("what the command writes: SARIF, ESLint JSON, Checkstyle XML or `path:line:col: [level] message (rule)` lines"),
  output: external_exports.string().optional().describe("file the command writes its report to (default: its standard output)"),
  timeout: external_exports.string().optional().describe("how long the command may run, e.g. 2m (default 10m)")
});
var schema = external_exports.object({
  eslint: external_exports.union([external_exports.boolean(), external_exports.object({ config: external_exports.string().optional().describe("ESLint flat config file to use instead of the one ESLint finds") })]).default(true).describe("run ESLint in-process with the project's flat config (or a built-in recommended set when it has none)"),
  sarif: external_exports.array(external_exports.string()).default([]).describe("globs of SARIF files written by other linters"),
  "eslint-json": external_exports.array(external_exports.string()).default([]).describe("globs of `eslint --format json` outputs"),
  checkstyle: external_exports.array(external_exports.string()).default([]).describe("globs of Checkstyle XML reports"),
  commands: external_exports.array(lintCommandSchema).default([]).describe("linters to run, whose output is imported"),
  "new-only": external_exports.boolean().default(false).describe("fail only on findings that were not present at the base commit")
});

export {
  schema
};
