#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/core/types.ts
var SEVERITIES = ["critical", "high", "medium", "low", "info"];

// src/core/severity.ts
function severityRank(severity) {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}
function atLeast(severity, threshold) {
  return severityRank(severity) >= severityRank(threshold);
}
function isActive(finding) {
  return finding.suppression === void 0;
}
function severityMetrics(findings) {
  const metrics = {};
  for (const s of SEVERITIES) metrics[s] = 0;
  let suppressed = 0;
  for (const f of findings) {
    if (isActive(f)) metrics[f.severity] = (metrics[f.severity] ?? 0) + 1;
    else suppressed++;
  }
  metrics.suppressed = suppressed;
  return metrics;
}
function evaluateBySeverity(scan, options, noun = "finding") {
  const active = scan.findings.filter(isActive);
  const failing = active.filter((f) => atLeast(f.severity, options["fail-on"]));
  const suppressed = scan.findings.length - active.length;
  const tail = suppressed > 0 ? `, ${suppressed} suppressed` : "";
  if (failing.length > 0) {
    return { status: "failed", summary: `${plural(failing.length, noun)} at or above ${options["fail-on"]}${tail}` };
  }
  if (active.length > 0) {
    return { status: "warned", summary: `${plural(active.length, noun)} below ${options["fail-on"]}${tail}` };
  }
  return { status: "passed", summary: `no ${noun}s${tail}` };
}
function plural(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export {
  SEVERITIES,
  severityRank,
  atLeast,
  isActive,
  severityMetrics,
  evaluateBySeverity,
  plural
};
