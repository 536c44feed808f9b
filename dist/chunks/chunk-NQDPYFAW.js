#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/core/finding.ts
import { createHash } from "node:crypto";
function fingerprint(ruleId, path, key) {
  return createHash("sha256").update(`${ruleId}\0${path}\0${key}`).digest("hex").slice(0, 32);
}
function makeFinding(input) {
  const finding = {
    ruleId: input.ruleId,
    gate: input.gate,
    severity: input.severity,
    message: input.message,
    fingerprint: fingerprint(input.ruleId, input.location?.path ?? "", input.key)
  };
  if (input.location) finding.location = normalizeLocation(input.location);
  if (input.helpUri) finding.helpUri = input.helpUri;
  if (input.properties) finding.properties = input.properties;
  return finding;
}
function normalizeLocation(location) {
  return { ...location, path: toPosix(location.path).replace(/^\.\//, "") };
}
function toPosix(path) {
  return path.replaceAll("\\", "/");
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareFindings(a, b) {
  return compareStrings(a.gate, b.gate) || compareStrings(a.location?.path ?? "", b.location?.path ?? "") || (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) || (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fingerprint, b.fingerprint);
}
function sortFindings(findings) {
  return findings.sort(compareFindings);
}

export {
  fingerprint,
  makeFinding,
  normalizeLocation,
  toPosix,
  compareFindings,
  sortFindings
};
