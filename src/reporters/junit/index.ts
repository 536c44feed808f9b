// JUnit XML valid against the strict Ant schema (shared/schemas/junit.xsd), which every CI
// consumer accepts: one <testsuite> per gate, one <testcase> per rule or threshold checked.
import type { Finding, GateOutcome, Reporter, RunReport } from "../../core/types.js";
import { activeFindings, locationText } from "../shared.js";

/** XML 1.0 forbids most control characters even when escaped: drop them. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF](?![\uDC00-\uDFFF])/g;

export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** The schema's xs:token: no line breaks or tabs, no leading/trailing/double spaces. */
function token(text: string): string {
  return xmlEscape(text.replace(/\s+/g, " ").trim()) || "-";
}

/** The schema wants YYYY-MM-DDTHH:MM:SS with no zone or fraction. */
function timestamp(iso: string): string {
  return iso.slice(0, 19);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function findingLine(f: Finding): string {
  const where = locationText(f);
  const tail = f.suppression ? ` [suppressed: ${f.suppression.kind}: ${f.suppression.reason}]` : "";
  return `${f.severity.toUpperCase()} ${f.ruleId}${where ? ` ${where}` : ""}: ${f.message}${tail}`;
}

interface Case {
  name: string;
  body: string;
  failed: boolean;
  errored: boolean;
}

function cases(outcome: GateOutcome): Case[] {
  const classname = `tollgate.${outcome.gate}`;
  const make = (name: string, inner = "", failed = false, errored = false): Case => ({
    name,
    failed,
    errored,
    body: `      <testcase name="${token(name)}" classname="${token(classname)}" time="0"${inner ? `>\n${inner}\n      </testcase>` : "/>"}`,
  });
  if (outcome.status === "skipped") {
    return [make(outcome.gate, `        <skipped message="${xmlEscape(outcome.reason ?? "skipped")}"/>`)];
  }
  if (outcome.status === "errored") {
    const reason = outcome.reason ?? outcome.summary;
    return [make(outcome.gate, `        <error message="${xmlEscape(reason)}" type="errored">${xmlEscape(reason)}</error>`, false, true)];
  }
  const out: Case[] = [];
  for (const check of outcome.checks ?? []) {
    out.push(
      check.passed
        ? make(check.name)
        : make(check.name, `        <failure message="${xmlEscape(check.message ?? "check failed")}" type="threshold">${xmlEscape(check.message ?? "")}</failure>`, true),
    );
  }
  const byRule = new Map<string, Finding[]>();
  for (const f of outcome.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  for (const [ruleId, findings] of [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const active = findings.filter((f) => !f.suppression);
    // The gate decided; a rule's testcase fails only when its gate failed because of findings.
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

function suite(outcome: GateOutcome, index: number, report: RunReport): string {
  const list = cases(outcome);
  const props: [string, string][] = [
    ["status", outcome.status],
    ["summary", outcome.summary],
    ...(outcome.reason ? ([["reason", outcome.reason]] as [string, string][]) : []),
    ...Object.entries(outcome.metrics)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [`metric.${k}`, String(v)] as [string, string]),
  ];
  const active = activeFindings(outcome);
  const out = [
    `${outcome.gate}: ${outcome.status} — ${outcome.summary}`,
    ...(outcome.reason ? [outcome.reason] : []),
    ...(outcome.notes ?? []),
    ...(outcome.status !== "failed" ? active.map(findingLine) : []),
  ].join("\n");
  return [
    `  <testsuite name="${token(`tollgate.${outcome.gate}`)}" package="tollgate" id="${index}" timestamp="${timestamp(report.startedAt)}" hostname="localhost" tests="${list.length}" failures="${list.filter((c) => c.failed).length}" errors="${list.filter((c) => c.errored).length}" time="${seconds(outcome.durationMs)}">`,
    "    <properties>",
    ...props.map(([name, value]) => `      <property name="${token(name)}" value="${xmlEscape(value)}"/>`),
    "    </properties>",
    ...list.map((c) => c.body),
    `    <system-out>${xmlEscape(out)}</system-out>`,
    "    <system-err></system-err>",
    "  </testsuite>",
  ].join("\n");
}

export function renderJunit(report: RunReport): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<testsuites>",
    ...report.gates.map((g, i) => suite(g, i, report)),
    "</testsuites>",
    "",
  ].join("\n");
}

export const reporter: Reporter = {
  id: "junit",
  description: "JUnit XML (Ant schema) for any CI test report viewer",
  defaultFile: "tollgate-junit.xml",
  render: renderJunit,
};
