#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  formatDuration
} from "./chunk-RSC3HFTQ.js";
import {
  severityRank
} from "./chunk-CXJQTCH4.js";

// src/reporters/markdown/summary.ts
var STATUS_ICON = {
  passed: "\u2705",
  warned: "\u26A0\uFE0F",
  failed: "\u274C",
  skipped: "\u23ED\uFE0F",
  errored: "\u{1F4A5}"
};
function cell(text) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("|", "\\|").replace(/\r?\n/g, " ");
}
function code(text) {
  const clean = text.replace(/\r?\n/g, " ").replaceAll("|", "\\|");
  const fence = clean.includes("`") ? "``" : "`";
  return `${fence}${fence === "``" ? " " : ""}${clean}${fence === "``" ? " " : ""}${fence}`;
}
function isActive(f) {
  return f.suppression === void 0;
}
function inDiff(f, changed) {
  if (!changed || !f.location) return false;
  const lines = changed.get(f.location.path);
  if (!lines) return false;
  const line = f.location.startLine;
  return line === void 0 || lines.has(line);
}
function prioritized(report, changed) {
  const all = report.gates.flatMap((g) => g.findings).filter(isActive);
  return all.map((f, index) => ({ f, index })).sort(
    (a, b) => Number(inDiff(b.f, changed)) - Number(inDiff(a.f, changed)) || severityRank(b.f.severity) - severityRank(a.f.severity) || a.index - b.index
  ).map((x) => x.f);
}
function findingCounts(outcome) {
  const active = outcome.findings.filter(isActive);
  const suppressed = outcome.findings.length - active.length;
  if (outcome.findings.length === 0) return "0";
  const bySeverity = /* @__PURE__ */ new Map();
  for (const f of active) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  const parts = [...bySeverity.entries()].sort((a, b) => severityRank(b[0]) - severityRank(a[0])).map(([s, n]) => `${n} ${s}`);
  const text = `${active.length}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
  return suppressed > 0 ? `${text}, ${suppressed} suppressed` : text;
}
function locationText(f) {
  if (!f.location) return "";
  const line = f.location.startLine !== void 0 ? `:${f.location.startLine}` : "";
  return `${f.location.path}${line}`;
}
function locationCell(f, linkBase) {
  const text = locationText(f);
  if (!text || !f.location) return "";
  if (!linkBase) return code(text);
  const anchor = f.location.startLine !== void 0 ? `#L${f.location.startLine}` : "";
  const href = `${linkBase}${f.location.path.split("/").map(encodeURIComponent).join("/")}${anchor}`;
  return `[${code(text)}](${href})`;
}
function renderMarkdownSummary(report, options = {}) {
  const h = "#".repeat(options.headingLevel ?? 2);
  const max = options.maxFindings ?? 10;
  const lines = [];
  const failed = report.gates.filter((g) => g.status === "failed" || g.status === "errored");
  const verdict = report.status === "passed" ? `${STATUS_ICON.passed} tollgate passed` : `${STATUS_ICON.failed} tollgate failed: ${failed.map((g) => g.gate).join(", ") || "see below"}`;
  lines.push(`${h} ${verdict}`, "");
  const facts = [`policy ${code(report.policy)}`];
  if (report.changed) facts.push(`changed files only (${report.changed.files} against ${code(report.changed.base.slice(0, 12))})`);
  if (report.ci?.commit) facts.push(`commit ${code(report.ci.commit.slice(0, 12))}`);
  facts.push(`${formatDuration(report.durationMs)} in total`, `tollgate ${report.tool.version}`);
  lines.push(facts.join(" \xB7 "), "");
  lines.push("| Gate | Status | Result | Findings | Duration |", "| --- | --- | --- | --- | ---: |");
  for (const g of report.gates) {
    const result = g.reason && (g.status === "skipped" || g.status === "errored") ? g.reason : g.summary;
    lines.push(
      `| ${cell(g.gate)} | ${STATUS_ICON[g.status]} ${g.status} | ${cell(result)} | ${findingCounts(g)} | ${formatDuration(g.durationMs)} |`
    );
  }
  lines.push("");
  const ordered = prioritized(report, options.changedLines);
  if (ordered.length > 0) {
    lines.push(`${h}# Top findings`, "");
    lines.push("| Severity | Rule | Location | Message |", "| --- | --- | --- | --- |");
    for (const f of ordered.slice(0, max)) {
      const mark = inDiff(f, options.changedLines) ? " \u{1F195}" : "";
      lines.push(`| ${f.severity}${mark} | ${code(f.ruleId)} | ${locationCell(f, options.linkBase)} | ${cell(f.message)} |`);
    }
    lines.push("");
    if (ordered.length > max) lines.push(`\u2026and ${ordered.length - max} more finding${ordered.length - max === 1 ? "" : "s"}.`, "");
  }
  const suppressed = report.gates.flatMap((g) => g.findings).filter((f) => !isActive(f));
  if (suppressed.length > 0) {
    const kinds = /* @__PURE__ */ new Map();
    for (const f of suppressed) kinds.set(f.suppression?.kind ?? "", (kinds.get(f.suppression?.kind ?? "") ?? 0) + 1);
    const text = [...kinds.entries()].map(([k, n]) => `${n} ${k}`).join(", ");
    lines.push(`${suppressed.length} finding${suppressed.length === 1 ? " is" : "s are"} suppressed (${text}).`, "");
  }
  if (options.notAnnotated !== void 0 && options.notAnnotated > 0) {
    lines.push(
      `${options.notAnnotated} finding${options.notAnnotated === 1 ? " was" : "s were"} not annotated inline (GitHub shows at most 10 errors and 10 warnings per step); see the SARIF report or the table above.`,
      ""
    );
  }
  for (const w of report.warnings) lines.push(`> \u26A0\uFE0F ${cell(w)}`, "");
  return `${lines.join("\n").trimEnd()}
`;
}

export {
  findingCounts,
  locationText,
  renderMarkdownSummary
};
