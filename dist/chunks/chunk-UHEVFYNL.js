#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  severityRank
} from "./chunk-CXJQTCH4.js";
import {
  SourceLines,
  lineKeys
} from "./chunk-N2N7XB5A.js";
import {
  parseReport
} from "./chunk-T5PJZVCR.js";
import {
  makeFinding
} from "./chunk-NQDPYFAW.js";
import {
  errorMessage
} from "./chunk-5XKQ73XO.js";

// src/scanners/sarif-import/index.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
function issueRuleId(gate, issue) {
  return `${gate}/${issue.tool}/${issue.rule}`;
}
async function issuesToFindings(options) {
  const lines = options.sources ?? new SourceLines(options.root);
  await lines.load(options.issues.flatMap((i) => i.path !== void 0 ? [i.path] : []));
  const keys = lineKeys(
    options.issues.map((i) => ({
      ruleId: issueRuleId(options.gate, i),
      path: i.path ?? "",
      ...i.startLine !== void 0 ? { line: i.startLine } : {},
      ...i.startColumn !== void 0 ? { column: i.startColumn } : {},
      message: i.message
    })),
    (p, l) => lines.line(p, l)
  );
  const findings = [];
  const rules = /* @__PURE__ */ new Map();
  options.issues.forEach((issue, index) => {
    const ruleId = issueRuleId(options.gate, issue);
    const location = issue.path !== void 0 ? {
      path: issue.path,
      ...issue.startLine !== void 0 ? { startLine: issue.startLine } : {},
      ...issue.startColumn !== void 0 ? { startColumn: issue.startColumn } : {},
      ...issue.endLine !== void 0 ? { endLine: issue.endLine } : {},
      ...issue.endColumn !== void 0 ? { endColumn: issue.endColumn } : {}
    } : void 0;
    const finding = makeFinding({
      ruleId,
      gate: options.gate,
      severity: issue.severity,
      message: issue.message,
      ...location ? { location } : {},
      key: keys[index] ?? "",
      ...issue.helpUri ? { helpUri: issue.helpUri } : {},
      properties: { tool: issue.tool, rule: issue.rule, toolSeverity: issue.toolSeverity }
    });
    if (issue.suppressedBy) finding.suppression = { kind: "inline", reason: issue.suppressedBy };
    findings.push(finding);
    const known = rules.get(ruleId);
    if (!known || severityRank(issue.severity) > severityRank(known.severity)) {
      const tags = issue.tags ?? [];
      rules.set(ruleId, {
        id: ruleId,
        severity: issue.severity,
        title: issue.ruleTitle ?? `${issue.tool} ${issue.rule}`,
        description: issue.ruleDescription ?? `Rule ${issue.rule} of ${issue.tool}, imported from its report.`,
        ...issue.helpUri ? { helpUri: issue.helpUri } : {},
        ...tags.length > 0 ? { tags } : {}
      });
    }
  });
  return { findings, rules: [...rules.values()] };
}
async function importReports(input, root) {
  const gate = input.gate ?? "lint";
  const issues = [];
  const problems = [];
  for (const file of input.files) {
    let text;
    try {
      text = await readFile(join(root, file), "utf8");
    } catch (error) {
      problems.push({ file, problem: `cannot be read: ${errorMessage(error)}` });
      continue;
    }
    const parsed = parseReport(input.format, text, { root, ...input.tool ? { tool: input.tool } : {} });
    issues.push(...parsed.issues);
    for (const problem of parsed.problems) problems.push({ file, problem });
  }
  const { findings, rules } = await issuesToFindings({ root, gate, issues });
  return { findings, rules, problems, metrics: { reports: input.files.length, imported: findings.length } };
}
var scanner = {
  id: "sarif-import",
  description: "imports SARIF, ESLint JSON, Checkstyle XML and yamllint-style parsable reports from any linter",
  async scan(input, ctx) {
    const result = await importReports(input, ctx.root);
    return { findings: result.findings, metrics: result.metrics, notes: result.problems.map((p) => `${p.file}: ${p.problem}`) };
  }
};

export {
  issueRuleId,
  issuesToFindings,
  importReports,
  scanner
};
