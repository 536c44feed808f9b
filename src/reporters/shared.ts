// Small helpers the reporters share: which gates are security gates, counting, escaping.
import type { Finding, GateOutcome, RuleMeta, Severity } from "../core/types.js";

/** Gates whose every rule is a security rule (SARIF security-severity, GitLab security reports). */
export const SECURITY_GATES = new Set(["sast", "secrets", "dependencies", "iac", "tls", "container"]);

export const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "2.0", info: "0.0" };

export function isSecurityRule(gate: string, rule: RuleMeta | undefined): boolean {
  return SECURITY_GATES.has(gate) || (rule?.tags ?? []).includes("security");
}

export function activeFindings(outcome: GateOutcome): Finding[] {
  return outcome.findings.filter((f) => !f.suppression);
}

export function locationText(f: Finding): string {
  if (!f.location) return "";
  const { path, startLine, startColumn } = f.location;
  return `${path}${startLine ? `:${startLine}` : ""}${startLine && startColumn ? `:${startColumn}` : ""}`;
}
