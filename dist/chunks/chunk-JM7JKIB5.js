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

// src/gates/dependencies/schema.ts
var duration = (fallback, what) => external_exports.string().default(fallback).refine((v) => parseDuration(v) !== void 0, { message: 'a duration such as "30s", "10m" or "6h"' }).describe(what);
var schema = external_exports.object({
  lockfiles: external_exports.array(external_exports.string()).default([]).describe("lockfiles (paths or globs, relative to the repository root) to check; default: every supported lockfile found"),
  advisories: external_exports.array(external_exports.enum(["osv"])).default(["osv"]).describe('advisory sources; ["osv"] queries the OSV API (or osv-database when set), [] checks licences only'),
  "osv-url": external_exports.string().url().default("https://api.osv.dev").describe("base URL of the OSV API"),
  "osv-database": external_exports.string().optional().describe("offline OSV database: a directory or .zip of OSV JSON records (per-ecosystem all.zip files work); no network is used"),
  "cache-ttl": duration("6h", "how long OSV API answers are reused from the cache"),
  "osv-timeout": duration("30s", "time limit of one OSV API request (each is retried up to 3 times)"),
  "on-unavailable": external_exports.enum(["error", "warn"]).default("error").describe("when advisories cannot be fetched: error fails the gate, warn only reports it"),
  licenses: external_exports.object({
    allow: external_exports.array(external_exports.string()).optional().describe('SPDX licence ids (or globs such as "BSD-*") packages may use'),
    deny: external_exports.array(external_exports.string()).optional().describe('SPDX licence ids (or globs such as "GPL-*") packages may not use'),
    unknown: external_exports.enum(["report", "ignore"]).default("report").describe("report packages whose licence is not known (low severity)")
  }).optional().describe("licence policy, evaluated on SPDX expressions: MIT OR GPL-3.0-only passes a deny list of GPL-3.0-only"),
  dev: external_exports.boolean().default(true).describe("also check development-only dependencies"),
  sbom: external_exports.string().optional().describe("write a CycloneDX 1.6 JSON SBOM of every package found to this path (relative to the repository root)")
});

export {
  schema
};
