// The human summary of a run in GitHub-flavoured Markdown: a table of gates, then the top findings.
// The Markdown reporter, the GitHub job summary and the pull/merge-request comment all render this.
import { formatDuration } from "../../core/duration.js";
import { severityRank } from "../../core/severity.js";
import type { Finding, GateOutcome, GateStatus, RunReport } from "../../core/types.js";

export interface SummaryOptions {
  /** How many findings the "Top findings" table lists (default 10). */
  maxFindings?: number;
  /** Prefix that turns a finding's path into a link, e.g. "https://github.com/o/r/blob/<sha>/". */
  linkBase?: string;
  /** Lines per path that the change touched: findings there are listed first and marked. */
  changedLines?: Map<string, Set<number>>;
  /** Findings that could not be annotated because of the platform's limits. */
  notAnnotated?: number;
  /** Extra heading level: 2 gives "##" (default). */
  headingLevel?: number;
}

export const STATUS_ICON: Record<GateStatus | "passed" | "failed", string> = {
  passed: "✅",
  warned: "⚠️",
  failed: "❌",
  skipped: "⏭️",
  errored: "💥",
};

/** Escapes text for one cell of a GFM table: pipes, line breaks and raw HTML would break the layout. */
export function cell(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("|", "\\|")
    .replace(/\r?\n/g, " ");
}

/** Inline code that survives backticks inside the text. */
export function code(text: string): string {
  const clean = text.replace(/\r?\n/g, " ").replaceAll("|", "\\|");
  const fence = clean.includes("`") ? "``" : "`";
  return `${fence}${fence === "``" ? " " : ""}${clean}${fence === "``" ? " " : ""}${fence}`;
}

export function isActive(f: Finding): boolean {
  return f.suppression === undefined;
}

export function inDiff(f: Finding, changed: Map<string, Set<number>> | undefined): boolean {
  if (!changed || !f.location) return false;
  const lines = changed.get(f.location.path);
  if (!lines) return false;
  const line = f.location.startLine;
  return line === undefined || lines.has(line);
}

/**
 * Active findings in the order people should read them (and the order annotations are spent):
 * new before baseline-unchanged, inside the diff before outside, then by severity, then canonical order.
 */
export function prioritized(report: RunReport, changed?: Map<string, Set<number>>): Finding[] {
  const all = report.gates.flatMap((g) => g.findings).filter(isActive);
  return all
    .map((f, index) => ({ f, index }))
    .sort(
      (a, b) =>
        Number(inDiff(b.f, changed)) - Number(inDiff(a.f, changed)) ||
        severityRank(b.f.severity) - severityRank(a.f.severity) ||
        a.index - b.index,
    )
    .map((x) => x.f);
}

export function findingCounts(outcome: GateOutcome): string {
  const active = outcome.findings.filter(isActive);
  const suppressed = outcome.findings.length - active.length;
  if (outcome.findings.length === 0) return "0";
  const bySeverity = new Map<string, number>();
  for (const f of active) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  const parts = [...bySeverity.entries()]
    .sort((a, b) => severityRank(b[0] as Finding["severity"]) - severityRank(a[0] as Finding["severity"]))
    .map(([s, n]) => `${n} ${s}`);
  const text = `${active.length}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
  return suppressed > 0 ? `${text}, ${suppressed} suppressed` : text;
}

export function locationText(f: Finding): string {
  if (!f.location) return "";
  const line = f.location.startLine !== undefined ? `:${f.location.startLine}` : "";
  return `${f.location.path}${line}`;
}

function locationCell(f: Finding, linkBase: string | undefined): string {
  const text = locationText(f);
  if (!text || !f.location) return "";
  if (!linkBase) return code(text);
  const anchor = f.location.startLine !== undefined ? `#L${f.location.startLine}` : "";
  const href = `${linkBase}${f.location.path.split("/").map(encodeURIComponent).join("/")}${anchor}`;
  return `[${code(text)}](${href})`;
}

export function renderMarkdownSummary(report: RunReport, options: SummaryOptions = {}): string {
  const h = "#".repeat(options.headingLevel ?? 2);
  const max = options.maxFindings ?? 10;
  const lines: string[] = [];
  const failed = report.gates.filter((g) => g.status === "failed" || g.status === "errored");
  const verdict =
    report.status === "passed"
      ? `${STATUS_ICON.passed} tollgate passed`
      : `${STATUS_ICON.failed} tollgate failed: ${failed.map((g) => g.gate).join(", ") || "see below"}`;
  lines.push(`${h} ${verdict}`, "");
  const facts = [`policy ${code(report.policy)}`];
  if (report.changed) facts.push(`changed files only (${report.changed.files} against ${code(report.changed.base.slice(0, 12))})`);
  if (report.ci?.commit) facts.push(`commit ${code(report.ci.commit.slice(0, 12))}`);
  facts.push(`${formatDuration(report.durationMs)} in total`, `tollgate ${report.tool.version}`);
  lines.push(facts.join(" · "), "");

  lines.push("| Gate | Status | Result | Findings | Duration |", "| --- | --- | --- | --- | ---: |");
  for (const g of report.gates) {
    const result = g.reason && (g.status === "skipped" || g.status === "errored") ? g.reason : g.summary;
    lines.push(
      `| ${cell(g.gate)} | ${STATUS_ICON[g.status]} ${g.status} | ${cell(result)} | ${findingCounts(g)} | ${formatDuration(g.durationMs)} |`,
    );
  }
  lines.push("");

  const ordered = prioritized(report, options.changedLines);
  if (ordered.length > 0) {
    lines.push(`${h}# Top findings`, "");
    lines.push("| Severity | Rule | Location | Message |", "| --- | --- | --- | --- |");
    for (const f of ordered.slice(0, max)) {
      const mark = inDiff(f, options.changedLines) ? " 🆕" : "";
      lines.push(`| ${f.severity}${mark} | ${code(f.ruleId)} | ${locationCell(f, options.linkBase)} | ${cell(f.message)} |`);
    }
    lines.push("");
    if (ordered.length > max) lines.push(`…and ${ordered.length - max} more finding${ordered.length - max === 1 ? "" : "s"}.`, "");
  }

  const suppressed = report.gates.flatMap((g) => g.findings).filter((f) => !isActive(f));
  if (suppressed.length > 0) {
    const kinds = new Map<string, number>();
    for (const f of suppressed) kinds.set(f.suppression?.kind ?? "", (kinds.get(f.suppression?.kind ?? "") ?? 0) + 1);
    const text = [...kinds.entries()].map(([k, n]) => `${n} ${k}`).join(", ");
    lines.push(`${suppressed.length} finding${suppressed.length === 1 ? " is" : "s are"} suppressed (${text}).`, "");
  }
  if (options.notAnnotated !== undefined && options.notAnnotated > 0) {
    lines.push(
      `${options.notAnnotated} finding${options.notAnnotated === 1 ? " was" : "s were"} not annotated inline (GitHub shows at most 10 errors and 10 warnings per step); see the SARIF report or the table above.`,
      "",
    );
  }
  for (const w of report.warnings) lines.push(`> ⚠️ ${cell(w)}`, "");
  return `${lines.join("\n").trimEnd()}\n`;
}
