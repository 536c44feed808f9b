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
import "./chunk-2GVBCIT7.js";

// src/reporters/junit/index.ts
var INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF](?![\uDC00-\uDFFF])/g;
function xmlEscape(text) {
  return text.replace(INVALID_XML, "").replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;");
}
function token(text) {
  return xmlEscape(text.replace(/\s+/g, " ").trim()) || "-";
}
function timestamp(iso) {
  return iso.slice(0, 19);
}
function seconds(ms) {
  return (ms / 1e3).toFixed(3);
}
function findingLine(f) {
  const where = locationText(f);
  const tail = f.suppression ? ` [suppressed: ${f.suppression.kind}: ${f.suppression.reason}]` : "";
  return `${f.severity.toUpperCase()} ${f.ruleId}${where ? ` ${where}` : ""}: ${f.message}${tail}`;
}
function cases(outcome) {
  const classname = `tollgate.${outcome.gate}`;
  const make = (name, inner = "", failed = false, errored = false) => ({
    name,
    failed,
    errored,
    body: `      <testcase name="${token(name)}" classname="${token(classname)}" time="0"${inner ? `>
${inner}
      </testcase>` : "/>"}`
  });
  if (outcome.status === "skipped") {
    return [make(outcome.gate, `        <skipped message="${xmlEscape(outcome.reason ?? "skipped")}"/>`)];
  }
  if (outcome.status === "errored") {
    const reason = outcome.reason ?? outcome.summary;
    return [make(outcome.gate, `        <error message="${xmlEscape(reason)}" type="errored">${xmlEscape(reason)}</error>`, false, true)];
  }
  const out = [];
  for (const check of outcome.checks ?? []) {
    out.push(
      check.passed ? make(check.name) : make(check.name, `        <failure message="${xmlEscape(check.message ?? "check failed")}" type="threshold">${xmlEscape(check.message ?? "")}</failure>`, true)
    );
  }
  const byRule = /* @__PURE__ */ new Map();
  for (const f of outcome.findings) byRule.set(f.ruleId, [...byRule.get(f.ruleId) ?? [], f]);
  for (const [ruleId, findings] of [...byRule.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    const active = findings.filter((f) => !f.suppression);
    if (active.length > 0 && outcome.status === "failed") {
      const message = `${active.length} finding${active.length === 1 ? "" : "s"}`;
      const worst = active[0]?.severity ?? "high";
      out.push(make(ruleId, `        <failure message="${xmlEscape(message)}" type="${worst}">${xmlEscape(findings.map(findingLine).join("\n"))}</failure>`, true));
    } else {
      out.push(make(ruleId));
    }
  }
  if (out.length === 0) out.push(make(outcome.gate));
  return out;
}
function suite(outcome, index, report) {
  const list = cases(outcome);
  const props = [
    ["status", outcome.status],
    ["summary", outcome.summary],
    ...outcome.reason ? [["reason", outcome.reason]] : [],
    ...Object.entries(outcome.metrics).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([k, v]) => [`metric.${k}`, String(v)])
  ];
  const active = activeFindings(outcome);
  const out = [
    `${outcome.gate}: ${outcome.status} \u2014 ${outcome.summary}`,
    ...outcome.reason ? [outcome.reason] : [],
    ...outcome.notes ?? [],
    ...outcome.status !== "failed" ? active.map(findingLine) : []
  ].join("\n");
  return [
    `  <testsuite name="${token(`tollgate.${outcome.gate}`)}" package="tollgate" id="${index}" timestamp="${timestamp(report.startedAt)}" hostname="localhost" tests="${list.length}" failures="${list.filter((c) => c.failed).length}" errors="${list.filter((c) => c.errored).length}" time="${seconds(outcome.durationMs)}">`,
    "    <properties>",
    ...props.map(([name, value]) => `      <property name="${token(name)}" value="${xmlEscape(value)}"/>`),
    "    </properties>",
    ...list.map((c) => c.body),
    `    <system-out>${xmlEscape(out)}</system-out>`,
    "    <system-err></system-err>",
    "  </testsuite>"
  ].join("\n");
}
function renderJunit(report) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<testsuites>",
    ...report.gates.map((g, i) => suite(g, i, report)),
    "</testsuites>",
    ""
  ].join("\n");
}
var reporter = {
  id: "junit",
  description: "JUnit XML (Ant schema) for any CI test report viewer",
  defaultFile: "tollgate-junit.xml",
  render: renderJunit
};
export {
  renderJunit,
  reporter,
  xmlEscape
};
