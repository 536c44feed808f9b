// Imports other tools' reports (SARIF, ESLint JSON, Checkstyle XML, yamllint-style parsable lines)
// as findings `<gate>/<tool>/<rule>`, keeping each tool's name, rule ids, locations and help links.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { makeFinding } from "../../core/finding.js";
import { errorMessage } from "../../core/errors.js";
import { severityRank } from "../../core/severity.js";
import type { Finding, RuleMeta, ScanResult, Scanner, ScannerContext } from "../../core/types.js";
import { lineKeys, SourceLines } from "./line-key.js";
import { parseReport, type RawIssue, type ReportFormat } from "./parse.js";

export { parseReport, parseSarif, parseCheckstyle, parseEslintJson, parseParsable, REPORT_FORMATS, levelSeverity, securitySeverity } from "./parse.js";
export type { RawIssue, ReportFormat, ParsedReport } from "./parse.js";
export { lineKeys, normalizeLineText, SourceLines } from "./line-key.js";

export interface IssuesToFindingsOptions {
  root: string;
  gate: string;
  issues: readonly RawIssue[];
  /** Text of files as the findings saw them when not on disk (base versions for new-only). */
  sources?: SourceLines;
}

export function issueRuleId(gate: string, issue: Pick<RawIssue, "tool" | "rule">): string {
  return `${gate}/${issue.tool}/${issue.rule}`;
}

/** Raw issues → findings with line-independent fingerprints, plus metadata for their rules. */
export async function issuesToFindings(options: IssuesToFindingsOptions): Promise<{ findings: Finding[]; rules: RuleMeta[] }> {
  const lines = options.sources ?? new SourceLines(options.root);
  await lines.load(options.issues.flatMap((i) => (i.path !== undefined ? [i.path] : [])));
  const keys = lineKeys(
    options.issues.map((i) => ({
      ruleId: issueRuleId(options.gate, i),
      path: i.path ?? "",
      ...(i.startLine !== undefined ? { line: i.startLine } : {}),
      ...(i.startColumn !== undefined ? { column: i.startColumn } : {}),
      message: i.message,
    })),
    (p, l) => lines.line(p, l),
  );
  const findings: Finding[] = [];
  const rules = new Map<string, RuleMeta>();
  options.issues.forEach((issue, index) => {
    const ruleId = issueRuleId(options.gate, issue);
    const location: Finding["location"] | undefined =
      issue.path !== undefined
        ? {
            path: issue.path,
            ...(issue.startLine !== undefined ? { startLine: issue.startLine } : {}),
            ...(issue.startColumn !== undefined ? { startColumn: issue.startColumn } : {}),
            ...(issue.endLine !== undefined ? { endLine: issue.endLine } : {}),
            ...(issue.endColumn !== undefined ? { endColumn: issue.endColumn } : {}),
          }
        : undefined;
    const finding = makeFinding({
      ruleId,
      gate: options.gate,
      severity: issue.severity,
      message: issue.message,
      ...(location ? { location } : {}),
      key: keys[index] ?? "",
      ...(issue.helpUri ? { helpUri: issue.helpUri } : {}),
      properties: { tool: issue.tool, rule: issue.rule, toolSeverity: issue.toolSeverity },
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
        ...(issue.helpUri ? { helpUri: issue.helpUri } : {}),
        ...(tags.length > 0 ? { tags } : {}),
      });
    }
  });
  return { findings, rules: [...rules.values()] };
}

export interface ImportInput {
  format: ReportFormat;
  /** Repository-relative report files. */
  files: string[];
  /** Tool name to use instead of the one in the report. */
  tool?: string;
  gate?: string;
}

export interface ImportResult extends ScanResult {
  rules: RuleMeta[];
  /** Per report file, what could not be read. */
  problems: { file: string; problem: string }[];
}

/** Reads and imports report files; an unreadable or malformed file is reported, the rest go on. */
export async function importReports(input: ImportInput, root: string): Promise<ImportResult> {
  const gate = input.gate ?? "lint";
  const issues: RawIssue[] = [];
  const problems: { file: string; problem: string }[] = [];
  for (const file of input.files) {
    let text: string;
    try {
      text = await readFile(join(root, file), "utf8");
    } catch (error) {
      problems.push({ file, problem: `cannot be read: ${errorMessage(error)}` });
      continue;
    }
    const parsed = parseReport(input.format, text, { root, ...(input.tool ? { tool: input.tool } : {}) });
    issues.push(...parsed.issues);
    for (const problem of parsed.problems) problems.push({ file, problem });
  }
  const { findings, rules } = await issuesToFindings({ root, gate, issues });
  return { findings, rules, problems, metrics: { reports: input.files.length, imported: findings.length } };
}

export const scanner: Scanner<ImportInput> = {
  id: "sarif-import",
  description: "imports SARIF, ESLint JSON, Checkstyle XML and yamllint-style parsable reports from any linter",
  async scan(input: ImportInput, ctx: ScannerContext): Promise<ScanResult> {
    const result = await importReports(input, ctx.root);
    return { findings: result.findings, metrics: result.metrics, notes: result.problems.map((p) => `${p.file}: ${p.problem}`) };
  },
};
