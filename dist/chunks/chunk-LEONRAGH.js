#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  activeFindings,
  locationText
} from "./chunk-PNF2J3SG.js";
import {
  formatDuration
} from "./chunk-RSC3HFTQ.js";

// src/reporters/console/index.ts
var ICON = { passed: "\u2714", warned: "!", failed: "\u2716", skipped: "\u25CB", errored: "\u2716" };
var COLOR = { passed: 32, warned: 33, failed: 31, skipped: 90, errored: 35 };
function paint(text, code, color) {
  return color ? `\x1B[${code}m${text}\x1B[0m` : text;
}
function statusLine(outcome, color) {
  const icon = paint(ICON[outcome.status], COLOR[outcome.status], color);
  const status = paint(outcome.status.padEnd(7), COLOR[outcome.status], color);
  const detail = outcome.status === "skipped" || outcome.status === "errored" ? outcome.reason ?? outcome.summary : outcome.summary;
  return `${icon} ${outcome.gate.padEnd(12)} ${status}  ${detail}  ${paint(formatDuration(outcome.durationMs), 90, color)}`;
}
function renderConsole(report, options) {
  const { color } = options;
  const max = options.maxFindings ?? 20;
  const lines = [];
  for (const outcome of report.gates) {
    lines.push(statusLine(outcome, color));
    const active = activeFindings(outcome);
    for (const f of active.slice(0, max)) {
      const where = locationText(f);
      lines.push(`    ${f.severity.padEnd(8)} ${f.ruleId}${where ? `  ${where}` : ""}`);
      lines.push(`             ${f.message}`);
    }
    if (active.length > max) lines.push(`    \u2026 and ${active.length - max} more (see the SARIF or JSON report)`);
    const suppressed = outcome.findings.length - active.length;
    if (suppressed > 0) {
      const kinds = /* @__PURE__ */ new Map();
      for (const f of outcome.findings) if (f.suppression) kinds.set(f.suppression.kind, (kinds.get(f.suppression.kind) ?? 0) + 1);
      lines.push(`    ${suppressed} suppressed (${[...kinds.entries()].map(([k, n]) => `${n} ${k}`).join(", ")})`);
    }
    for (const note of outcome.notes ?? []) lines.push(`    note: ${note}`);
  }
  for (const w of report.warnings) lines.push(paint(`warning: ${w}`, 33, color));
  const failed = report.gates.filter((g) => g.status === "failed" || g.status === "errored");
  const ran = report.gates.filter((g) => g.status !== "skipped").length;
  const verdict = report.status === "passed" ? paint(`PASSED`, 32, color) + ` \u2014 ${ran} gate${ran === 1 ? "" : "s"} ran, none failed` : paint(`FAILED`, 31, color) + ` \u2014 ${failed.map((g) => `${g.gate} ${g.status}`).join(", ")}`;
  lines.push("", `tollgate ${verdict} (policy ${report.policy}, ${formatDuration(report.durationMs)})`);
  return `${lines.join("\n")}
`;
}
var reporter = {
  id: "console",
  description: "plain-text verdict for terminals and CI logs",
  defaultFile: "tollgate.txt",
  render: (report) => renderConsole(report, { color: false })
};

export {
  paint,
  statusLine,
  renderConsole,
  reporter
};
