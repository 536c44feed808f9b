#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  parseDuration
} from "./chunk-RSC3HFTQ.js";
import {
  external_exports
} from "./chunk-C5CGFLPB.js";

// src/gates/tests/schema.ts
var schema = external_exports.object({
  reports: external_exports.array(external_exports.string()).optional().describe(
    "globs of JUnit XML reports, relative to the repository root; when absent, common locations are searched (junit*.xml, **/TEST-*.xml, reports/junit/**/*.xml, test-results/**/*.xml) and finding none skips the gate"
  ),
  command: external_exports.string().optional().describe("shell command that runs the test suite first, e.g. `npm test`; its exit code alone does not decide, the reports it writes do"),
  "command-timeout": external_exports.string().refine((v) => parseDuration(v) !== void 0, { message: "use a duration such as 90s, 10m or 1h30m" }).optional().describe("stop the command after this long (e.g. 10m); the gate timeout applies in any case"),
  "max-failures": external_exports.number().int().min(0).default(0).describe("failed plus errored tests allowed before the gate fails"),
  "min-tests": external_exports.number().int().min(0).optional().describe("fewest tests that must have run, skipped ones not counted (default 1 when reports or command are given, else 0)")
});

export {
  schema
};
