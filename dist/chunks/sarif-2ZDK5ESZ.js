#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  SECURITY_SEVERITY,
  isSecurityRule
} from "./chunk-PNF2J3SG.js";
import "./chunk-2GVBCIT7.js";

// src/reporters/sarif/index.ts
var MAX_RESULTS_PER_RUN = 25e3;
var LEVEL = { critical: "error", high: "error", medium: "warning", low: "note", info: "note" };
var SEVERITY_ORDER = ["critical", "high", "medium", "low", "info"];
function uri(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function result(f, ruleIndex, fallbackPath, hasBaseline) {
  const r = {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: f.message },
    partialFingerprints: { "tollgate/v1": f.fingerprint },
    properties: { severity: f.severity, ...f.properties ?? {} }
  };
  const index = ruleIndex.get(f.ruleId);
  if (index !== void 0) r.ruleIndex = index;
  const path = f.location?.path ?? fallbackPath;
  if (path) {
    const region = {};
    if (f.location?.startLine) region.startLine = f.location.startLine;
    if (f.location?.startLine && f.location.startColumn) region.startColumn = f.location.startColumn;
    if (f.location?.startLine && f.location.endLine) region.endLine = f.location.endLine;
    if (f.location?.startLine && f.location.endColumn) region.endColumn = f.location.endColumn;
    r.locations = [
      {
        physicalLocation: {
          artifactLocation: { uri: uri(path), uriBaseId: "%SRCROOT%" },
          ...Object.keys(region).length ? { region } : {}
        }
      }
    ];
  }
  if (f.suppression) {
    r.suppressions = [
      {
        kind: f.suppression.kind === "inline" ? "inSource" : "external",
        status: "accepted",
        justification: `${f.suppression.kind}: ${f.suppression.reason}${f.suppression.expires ? ` (until ${f.suppression.expires})` : ""}`
      }
    ];
  }
  if (hasBaseline) r.baselineState = f.suppression?.kind === "baseline" ? "unchanged" : "new";
  return r;
}
function gateRun(outcome, report) {
  const rules = outcome.rules.map((rule) => {
    const security = isSecurityRule(outcome.gate, rule);
    const help = rule.remediation ?? rule.description;
    return {
      id: rule.id,
      name: rule.id.split("/").pop()?.replace(/(^|[-_])(\w)/g, (_m, _s, c) => c.toUpperCase()) ?? rule.id,
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.description },
      help: { text: help, markdown: `${rule.description}

**Fix:** ${help}` },
      ...rule.helpUri ? { helpUri: rule.helpUri } : {},
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: {
        tags: [.../* @__PURE__ */ new Set([...security ? ["security"] : [], ...rule.tags ?? []])],
        ...security ? { "security-severity": SECURITY_SEVERITY[rule.severity] } : {}
      }
    };
  });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const fallback = report.policy.startsWith("built-in:") ? void 0 : report.policy;
  const hasBaseline = report.gates.some((g) => g.findings.some((f) => f.suppression?.kind === "baseline"));
  let findings = outcome.findings;
  const notes = [...outcome.reason ? [outcome.reason] : [], ...outcome.notes ?? []];
  if (findings.length > MAX_RESULTS_PER_RUN) {
    findings = [...findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity)).slice(0, MAX_RESULTS_PER_RUN);
    notes.push(`${outcome.findings.length - MAX_RESULTS_PER_RUN} lower-severity results left out to stay within 25,000 results per run`);
  }
  return {
    tool: {
      driver: {
        name: "tollgate",
        fullName: `tollgate ${outcome.gate} gate`,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: report.tool.informationUri,
        rules
      }
    },
    automationDetails: { id: `tollgate/${outcome.gate}/` },
    invocations: [
      {
        executionSuccessful: outcome.status !== "errored",
        startTimeUtc: report.startedAt,
        endTimeUtc: report.finishedAt,
        ...notes.length ? { toolExecutionNotifications: notes.map((text) => ({ message: { text }, level: outcome.status === "errored" ? "error" : "note" })) } : {}
      }
    ],
    results: findings.map((f) => result(f, ruleIndex, fallback, hasBaseline)),
    columnKind: "unicodeCodePoints",
    properties: { status: outcome.status, summary: outcome.summary, metrics: outcome.metrics }
  };
}
function renderSarif(report) {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: report.gates.filter((g) => g.status !== "skipped").map((g) => gateRun(g, report))
  };
}
var reporter = {
  id: "sarif",
  description: "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers",
  defaultFile: "tollgate.sarif",
  render: (report) => `${JSON.stringify(renderSarif(report), null, 2)}
`
};
export {
  MAX_RESULTS_PER_RUN,
  renderSarif,
  reporter
};
