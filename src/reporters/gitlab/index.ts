// `--gitlab-dir DIR`: GitLab's native reports — Code Quality JSON plus the SAST, secret detection,
// dependency scanning and container scanning security reports (schema 15.1.0).
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
// https://gitlab.com/gitlab-org/security-products/security-report-schemas (tag v15.1.0)
import { createHash } from "node:crypto";
import type { Finding, GateOutcome, Reporter, RuleMeta, RunReport, Severity } from "../../core/types.js";

export const SCHEMA_VERSION = "15.1.0";

export type SecurityReportType = "sast" | "secret_detection" | "dependency_scanning" | "container_scanning";

export const REPORT_FILES: Record<SecurityReportType, string> = {
  sast: "gl-sast-report.json",
  secret_detection: "gl-secret-detection-report.json",
  dependency_scanning: "gl-dependency-scanning-report.json",
  container_scanning: "gl-container-scanning-report.json",
};
export const CODE_QUALITY_FILE = "gl-code-quality-report.json";

/** Which security report a gate's findings belong in; gates not listed appear in Code Quality only. */
export const GATE_REPORT: Record<string, SecurityReportType> = {
  sast: "sast",
  iac: "sast",
  secrets: "secret_detection",
  dependencies: "dependency_scanning",
  container: "container_scanning",
};

const SCHEMA_FILE: Record<SecurityReportType, string> = {
  sast: "sast-report-format.json",
  secret_detection: "secret-detection-report-format.json",
  dependency_scanning: "dependency-scanning-report-format.json",
  container_scanning: "container-scanning-report-format.json",
};

/** GitLab Code Quality knows info, minor, major, critical, blocker. */
export const CODE_QUALITY_SEVERITY: Record<Severity, string> = {
  critical: "blocker",
  high: "critical",
  medium: "major",
  low: "minor",
  info: "info",
};

const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Info",
};

/** A stable UUID-shaped id derived from the finding's fingerprint (same finding, same id, every run). */
export function vulnerabilityId(fingerprint: string, reportType: string): string {
  const h = createHash("sha256").update(`${reportType}\0${fingerprint}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** GitLab wants "yyyy-mm-ddThh:mm:ss" in UTC, without milliseconds or zone. */
export function gitlabTime(iso: string): string {
  const d = new Date(iso);
  const valid = Number.isNaN(d.getTime()) ? new Date(0) : d;
  return valid.toISOString().slice(0, 19);
}

function str(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function ruleFor(outcome: GateOutcome, ruleId: string): RuleMeta | undefined {
  return outcome.rules.find((r) => r.id === ruleId);
}

interface Identifier {
  type: string;
  name: string;
  value: string;
  url?: string;
}

function identifiers(f: Finding, rule: RuleMeta | undefined): Identifier[] {
  const primary: Identifier = { type: "tollgate_rule_id", name: f.ruleId, value: f.ruleId };
  const help = f.helpUri ?? rule?.helpUri;
  if (help && /^(https?|ftp):\/\/.+/.test(help)) primary.url = help;
  const ids: Identifier[] = [primary];
  const p = f.properties ?? {};
  const cves = [p.cve, p.aliases, p.advisory].flat().map(str).filter((s): s is string => Boolean(s));
  for (const cve of new Set(cves.filter((s) => /^CVE-\d{4}-\d+$/.test(s)))) {
    ids.push({ type: "cve", name: cve, value: cve, url: `https://nvd.nist.gov/vuln/detail/${cve}` });
  }
  const ghsa = cves.find((s) => /^GHSA-/.test(s));
  if (ghsa) ids.push({ type: "ghsa", name: ghsa, value: ghsa, url: `https://github.com/advisories/${ghsa}` });
  for (const tag of rule?.tags ?? []) {
    const m = /^CWE-(\d+)$/i.exec(tag);
    if (m?.[1]) ids.push({ type: "cwe", name: `CWE-${m[1]}`, value: m[1], url: `https://cwe.mitre.org/data/definitions/${m[1]}.html` });
  }
  return ids;
}

function packageName(f: Finding): string | undefined {
  const p = f.properties ?? {};
  return str(p.package) ?? str(p.packageName);
}

function dependencyOf(f: Finding): { package: { name: string }; version: string; direct?: boolean } {
  const p = f.properties ?? {};
  const dependency: { package: { name: string }; version: string; direct?: boolean } = {
    package: { name: packageName(f) ?? f.ruleId },
    version: str(p.version) ?? str(p.installedVersion) ?? "unknown",
  };
  if (typeof p.direct === "boolean") dependency.direct = p.direct;
  return dependency;
}

/**
 * Dependency and container scanning describe packages: findings without one (a lockfile that
 * does not parse, an image running as root) stay in Code Quality and the other reports.
 */
function belongsIn(type: SecurityReportType, f: Finding): boolean {
  if (type === "dependency_scanning" || type === "container_scanning") return packageName(f) !== undefined;
  return true;
}

function locationFor(type: SecurityReportType, f: Finding, report: RunReport): Record<string, unknown> {
  const lines: Record<string, unknown> = {};
  if (f.location?.startLine !== undefined) lines.start_line = f.location.startLine;
  if (f.location?.endLine !== undefined) lines.end_line = f.location.endLine;
  const p = f.properties ?? {};
  switch (type) {
    case "sast":
      return f.location ? { file: f.location.path, ...lines } : {};
    case "secret_detection":
      return {
        ...(f.location ? { file: f.location.path, ...lines } : {}),
        // A secret found in history carries its own commit; otherwise it is in the scanned checkout.
        commit: { sha: str(p.commit) ?? report.ci?.commit ?? "HEAD" },
      };
    case "dependency_scanning":
      return { file: f.location?.path ?? str(p.manifest) ?? str(p.lockfile) ?? "unknown", dependency: dependencyOf(f) };
    case "container_scanning":
      return {
        dependency: dependencyOf(f),
        operating_system: str(p.os) ?? str(p.operatingSystem) ?? str(p.distro) ?? "unknown",
        image: str(p.image) ?? f.location?.path ?? "unknown",
      };
  }
}

function vulnerability(type: SecurityReportType, f: Finding, outcome: GateOutcome, report: RunReport): Record<string, unknown> {
  const rule = ruleFor(outcome, f.ruleId);
  const v: Record<string, unknown> = {
    id: vulnerabilityId(f.fingerprint, type),
    name: truncate(rule?.title ?? f.ruleId, 255),
    description: truncate(rule?.description ? `${f.message}\n\n${rule.description}` : f.message, 1_048_576),
    severity: SECURITY_SEVERITY[f.severity],
  };
  if (rule?.remediation) v.solution = truncate(rule.remediation, 7000);
  v.identifiers = identifiers(f, rule);
  const help = f.helpUri ?? rule?.helpUri;
  if (help && /^(https?|ftp):\/\/.+/.test(help)) v.links = [{ url: help }];
  if (f.suppression && f.suppression.kind !== "baseline") {
    // Waived and inline-ignored findings stay visible in GitLab, flagged, instead of vanishing.
    v.flags = [
      {
        type: "flagged-as-likely-false-positive",
        origin: "tollgate",
        description: `${f.suppression.kind}: ${f.suppression.reason || "no reason given"}`,
      },
    ];
  }
  v.location = locationFor(type, f, report);
  return v;
}

export function securityReport(report: RunReport, type: SecurityReportType): Record<string, unknown> {
  const outcomes = report.gates.filter((g) => GATE_REPORT[g.gate] === type);
  const vulnerabilities = outcomes.flatMap((g) => g.findings.filter((f) => belongsIn(type, f)).map((f) => vulnerability(type, f, g, report)));
  const errored = outcomes.filter((g) => g.status === "errored");
  const scan: Record<string, unknown> = {
    analyzer: { id: "tollgate", name: "tollgate", url: report.tool.informationUri, vendor: { name: "tollgate" }, version: report.tool.version },
    scanner: {
      id: `tollgate-${type.replaceAll("_", "-")}`,
      name: `tollgate ${outcomes.map((g) => g.gate).join(", ") || type}`,
      url: report.tool.informationUri,
      vendor: { name: "tollgate" },
      version: report.tool.version,
    },
    type,
    start_time: gitlabTime(report.startedAt),
    end_time: gitlabTime(report.finishedAt),
    status: errored.length > 0 ? "failure" : "success",
  };
  const messages = [
    ...errored.map((g) => ({ level: "fatal", value: `${g.gate}: ${g.reason ?? g.summary}` })),
    ...outcomes.filter((g) => g.status === "skipped").map((g) => ({ level: "info", value: `${g.gate} skipped: ${g.reason ?? g.summary}` })),
  ].filter((m) => m.value.trim() !== "");
  if (messages.length > 0) scan.messages = messages;
  return {
    version: SCHEMA_VERSION,
    schema: `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${SCHEMA_VERSION}/dist/${SCHEMA_FILE[type]}`,
    scan,
    vulnerabilities,
  };
}

export interface CodeQualityIssue {
  type: "issue";
  check_name: string;
  description: string;
  categories: string[];
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

const CATEGORY: Record<string, string> = {
  secrets: "Security",
  sast: "Security",
  iac: "Security",
  dependencies: "Security",
  container: "Security",
  tls: "Security",
  lint: "Style",
  coverage: "Bug Risk",
  tests: "Bug Risk",
};

/** Active findings with a file location; GitLab cannot place the others in a diff. */
export function codeQuality(report: RunReport): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  for (const g of report.gates) {
    for (const f of g.findings) {
      if (f.suppression || !f.location) continue;
      const begin = f.location.startLine ?? 1;
      const lines: CodeQualityIssue["location"]["lines"] = { begin };
      if (f.location.endLine !== undefined && f.location.endLine >= begin) lines.end = f.location.endLine;
      issues.push({
        type: "issue",
        check_name: f.ruleId,
        description: f.message,
        categories: [CATEGORY[g.gate] ?? "Bug Risk"],
        severity: CODE_QUALITY_SEVERITY[f.severity],
        fingerprint: f.fingerprint,
        location: { path: f.location.path, lines },
      });
    }
  }
  return issues;
}

export function renderGitlab(report: RunReport): { files: Record<string, string> } {
  const files: Record<string, string> = {
    [CODE_QUALITY_FILE]: `${JSON.stringify(codeQuality(report), null, 2)}\n`,
  };
  for (const type of Object.keys(REPORT_FILES) as SecurityReportType[]) {
    files[REPORT_FILES[type]] = `${JSON.stringify(securityReport(report, type), null, 2)}\n`;
  }
  return { files };
}

export const reporter: Reporter = {
  id: "gitlab",
  description: "GitLab Code Quality plus SAST, secret detection, dependency and container scanning reports (schema 15.1.0)",
  defaultFile: ".",
  render: renderGitlab,
};
