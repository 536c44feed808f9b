#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/reporters/shared.ts
var SECURITY_GATES = /* @__PURE__ */ new Set(["sast", "secrets", "dependencies", "iac", "tls", "container"]);
var SECURITY_SEVERITY = { critical: "9.5", high: "8.0", medium: "5.5", low: "2.0", info: "0.0" };
function isSecurityRule(gate, rule) {
  return SECURITY_GATES.has(gate) || (rule?.tags ?? []).includes("security");
}
function activeFindings(outcome) {
  return outcome.findings.filter((f) => !f.suppression);
}
function locationText(f) {
  if (!f.location) return "";
  const { path, startLine, startColumn } = f.location;
  return `${path}${startLine ? `:${startLine}` : ""}${startLine && startColumn ? `:${startColumn}` : ""}`;
}

export {
  SECURITY_SEVERITY,
  isSecurityRule,
  activeFindings,
  locationText
};
