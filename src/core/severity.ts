// Severity ordering and the common "fail-on" verdict most gates use.
import { SEVERITIES, type Finding, type GateScan, type Severity, type Verdict } from "./types.js";

/** 4 for critical … 0 for info. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

export function isActive(finding: Finding): boolean {
  return finding.suppression === undefined;
}

/** Counts of active findings per severity, as metrics. */
export function severityMetrics(findings: readonly Finding[]): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const s of SEVERITIES) metrics[s] = 0;
  let suppressed = 0;
  for (const f of findings) {
    if (isActive(f)) metrics[f.severity] = (metrics[f.severity] ?? 0) + 1;
    else suppressed++;
  }
  metrics.suppressed = suppressed;
  return metrics;
}

/**
 * The usual verdict: failed when an active finding is at or above fail-on,
 * warned when there are active findings below it, else passed.
 */
export function evaluateBySeverity(scan: GateScan, options: { "fail-on": Severity }, noun = "finding"): Verdict {
  const active = scan.findings.filter(isActive);
  const failing = active.filter((f) => atLeast(f.severity, options["fail-on"]));
  const suppressed = scan.findings.length - active.length;
  const tail = suppressed > 0 ? `, ${suppressed} suppressed` : "";
  if (failing.length > 0) {
    return { status: "failed", summary: `${plural(failing.length, noun)} at or above ${options["fail-on"]}${tail}` };
  }
  if (active.length > 0) {
    return { status: "warned", summary: `${plural(active.length, noun)} below ${options["fail-on"]}${tail}` };
  }
  return { status: "passed", summary: `no ${noun}s${tail}` };
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
