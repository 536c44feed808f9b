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

// src/gates/secrets/schema.ts
var schema = external_exports.object({
  history: external_exports.boolean().default(false).describe("also scan the lines every commit added (git log -p), not only the current files"),
  "history-range": external_exports.string().min(1).optional().describe("git revision range for history, e.g. main..HEAD or v1.4.0.. (default: the whole current branch; base..HEAD with --changed)"),
  "max-file-size": external_exports.union([external_exports.string().regex(/^\d+(?:\.\d+)?\s*(?:b|kb|kib|mb|mib|gb|gib)?$/i, "a size such as 2MB, 512KB or a number of bytes"), external_exports.number().int().positive()]).default("2MB").describe("files larger than this are skipped and counted (2MB, 512KB or bytes)"),
  "file-timeout": external_exports.union([external_exports.string(), external_exports.number().nonnegative()]).default("10s").describe("time one file may take; a file over it is reported and the rest of it skipped"),
  threads: external_exports.number().int().min(1).max(256).optional().describe("worker threads for large trees (default: the number of CPUs)")
});

export {
  schema
};
