// The verdict a person reads in a terminal or a CI log. Colour only when asked (a TTY without
// NO_COLOR; the CLI decides), so the same report renders the same bytes in logs.
import { formatDuration } from "../../core/duration.js";
import type { GateOutcome, GateStatus, Reporter, RunReport } from "../../core/types.js";
import { activeFindings, locationText } from "../shared.js";

export interface ConsoleOptions {
  color: boolean;
  /** Findings listed per gate (default 20). */
  maxFindings?: number;
}

const ICON: Record<GateStatus, string> = { passed: "✔", warned: "!", failed: "✖", skipped: "○", errored: "✖" };
const COLOR: Record<GateStatus, number> = { passed: 32, warned: 33, failed: 31, skipped: 90, errored: 35 };

export function paint(text: string, code: number, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export function statusLine(outcome: GateOutcome, color: boolean): string {
  const icon = paint(ICON[outcome.status], COLOR[outcome.status], color);
  const status = paint(outcome.status.padEnd(7), COLOR[outcome.status], color);
  const detail = outcome.status === "skipped" || outcome.status === "errored" ? (outcome.reason ?? outcome.summary) : outcome.summary;
  return `${icon} ${outcome.gate.padEnd(12)} ${status}  ${detail}  ${paint(formatDuration(outcome.durationMs), 90, color)}`;
}

export function renderConsole(report: RunReport, options: ConsoleOptions): string {
  const { color } = options;
  const max = options.maxFindings ?? 20;
  const lines: string[] = [];
  for (const outcome of report.gates) {
    lines.push(statusLine(outcome, color));
    const active = activeFindings(outcome);
    for (const f of active.slice(0, max)) {
      const where = locationText(f);
      lines.push(`    ${f.severity.padEnd(8)} ${f.ruleId}${where ? `  ${where}` : ""}`);
      lines.push(`             ${f.message}`);
    }
    if (active.length > max) lines.push(`    … and ${active.length - max} more (see the SARIF or JSON report)`);
    const suppressed = outcome.findings.length - active.length;
    if (suppressed > 0) {
      const kinds = new Map<string, number>();
      for (const f of outcome.findings) if (f.suppression) kinds.set(f.suppression.kind, (kinds.get(f.suppression.kind) ?? 0) + 1);
      lines.push(`    ${suppressed} suppressed (${[...kinds.entries()].map(([k, n]) => `${n} ${k}`).join(", ")})`);
    }
    for (const note of outcome.notes ?? []) lines.push(`    note: ${note}`);
  }
  for (const w of report.warnings) lines.push(paint(`warning: ${w}`, 33, color));
  const failed = report.gates.filter((g) => g.status === "failed" || g.status === "errored");
  const ran = report.gates.filter((g) => g.status !== "skipped").length;
  const verdict =
    report.status === "passed"
      ? paint(`PASSED`, 32, color) + ` — ${ran} gate${ran === 1 ? "" : "s"} ran, none failed`
      : paint(`FAILED`, 31, color) + ` — ${failed.map((g) => `${g.gate} ${g.status}`).join(", ")}`;
  lines.push("", `tollgate ${verdict} (policy ${report.policy}, ${formatDuration(report.durationMs)})`);
  return `${lines.join("\n")}\n`;
}

export const reporter: Reporter = {
  id: "console",
  description: "plain-text verdict for terminals and CI logs",
  defaultFile: "tollgate.txt",
  render: (report) => renderConsole(report, { color: false }),
};
