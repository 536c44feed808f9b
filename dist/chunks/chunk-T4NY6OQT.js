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

// src/gates/sast/schema.ts
var semgrepOptions = external_exports.object({
  config: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]).optional().describe("semgrep --config values (registry names such as p/default, or rule files); default: .semgrep.yml or .semgrep/ when present, else p/default"),
  required: external_exports.boolean().default(false).describe("fail the gate when semgrep is not installed, instead of skipping it"),
  timeout: external_exports.string().default("10m").describe("wall-clock limit for one semgrep run"),
  "max-memory": external_exports.number().int().positive().default(4096).describe("semgrep --max-memory, in MiB")
});
var schema = external_exports.object({
  builtin: external_exports.boolean().default(true).describe("run tollgate's built-in AST rules for JavaScript, TypeScript and Python (no install needed)"),
  disable: external_exports.array(external_exports.string()).default([]).describe("built-in rule ids to turn off, e.g. sast/js-non-literal-require"),
  semgrep: external_exports.union([external_exports.boolean(), semgrepOptions]).default(true).describe("run semgrep when it is on PATH (true), never (false), or with these options"),
  "new-only": external_exports.boolean().default(false).describe("fail only on findings that were not present at the base commit")
});

export {
  schema
};
