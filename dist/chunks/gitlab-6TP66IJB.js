#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import "./chunk-2GVBCIT7.js";

// src/reporters/gitlab/index.ts
import { createHash } from "node:crypto";
var SCHEMA_VERSION = "15.1.0";
var REPORT_FILES = {
  sast: "gl-sast-report.json",
  secret_detection: "gl-secret-detection-report.json",
  dependency_scanning: "gl-dependency-scanning-report.json",
  container_scanning: "gl-container-scanning-report.json"
};
var CODE_QUALITY_FILE = "gl-code-quality-report.json";
var GATE_REPORT = {
  sast: "sast",
  iac: "sast",
  secrets: "secret_detection",
  dependencies: "dependency_scanning",
  container: "container_scanning"
};
var SCHEMA_FILE = {
  sast: "sast-report-format.json",
  secret_detection: "secret-detection-report-format.json",
  dependency_scanning: "dependency-scanning-report-format.json",
  container_scanning: "container-scanning-report-format.json"
};
var CODE_QUALITY_SEVERITY = {
  critical: "blocker",
  high: "critical",
  medium: "major",
  low: "minor",
  info: "info"
};
var SECURITY_SEVERITY = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Info"
};
function vulnerabilityId(fingerprint, reportType) {
  const h = createHash("sha256").update(`${reportType}\0${fingerprint}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${(Number.parseInt(h.slice(16, 18), 16) & 63 | 128).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
function gitlabTime(iso) {
  const d = new Date(iso);
  const valid = Number.isNaN(d.getTime()) ? /* @__PURE__ */ new Date(0) : d;
  return valid.toISOString().slice(0, 19);
}
function str(value) {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number") return String(value);
  return void 0;
}
function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function ruleFor(outcome, ruleId) {
  return outcome.rules.find((r) => r.id === ruleId);
}
function identifiers(f, rule) {
  const primary = { type: "tollgate_rule_id", name: f.ruleId, value: f.ruleId };
  const help = f.helpUri ?? rule?.helpUri;
  if (help && /^(https?|ftp):\/\/.+/.test(help)) primary.url = help;
  const ids = [primary];
  const p = f.properties ?? {};
  const cves = [p.cve, p.aliases, p.advisory].flat().map(str).filter((s) => Boolean(s));
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
function packageName(f) {
  const p = f.properties ?? {};
  return str(p.package) ?? str(p.packageName);
}
function dependencyOf(f) {
  const p = f.properties ?? {};
  const dependency = {
    package: { name: packageName(f) ?? f.ruleId },
    version: str(p.version) ?? str(p.installedVersion) ?? "unknown"
  };
  if (typeof p.direct === "boolean") dependency.direct = p.direct;
  return dependency;
}
function belongsIn(type, f) {
  if (type === "dependency_scanning" || type === "container_scanning") return packageName(f) !== void 0;
  return true;
}
function locationFor(type, f, report) {
  const lines = {};
  if (f.location?.startLine !== void 0) lines.start_line = f.location.startLine;
  if (f.location?.endLine !== void 0) lines.end_line = f.location.endLine;
  const p = f.properties ?? {};
  switch (type) {
    case "sast":
      return f.location ? { file: f.location.path, ...lines } : {};
    case "secret_detection":
      return {
        ...f.location ? { file: f.location.path, ...lines } : {},
        // A secret found in history carries its own commit; otherwise it is in the scanned checkout.
        commit: { sha: str(p.commit) ?? report.ci?.commit ?? "HEAD" }
      };
    case "dependency_scanning":
      return { file: f.location?.path ?? str(p.manifest) ?? str(p.lockfile) ?? "unknown", dependency: dependencyOf(f) };
    case "container_scanning":
      return {
        dependency: dependencyOf(f),
        operating_system: str(p.os) ?? str(p.operatingSystem) ?? str(p.distro) ?? "unknown",
        image: str(p.image) ?? f.location?.path ?? "unknown"
      };
  }
}
function vulnerability(type, f, outcome, report) {
  const rule = ruleFor(outcome, f.ruleId);
  const v = {
    id: vulnerabilityId(f.fingerprint, type),
    name: truncate(rule?.title ?? f.ruleId, 255),
    description: truncate(rule?.description ? `${f.message}

${rule.description}` : f.message, 1048576),
    severity: SECURITY_SEVERITY[f.severity]
  };
  if (rule?.remediation) v.solution = truncate(rule.remediation, 7e3);
  v.identifiers = identifiers(f, rule);
  const help = f.helpUri ?? rule?.helpUri;
  if (help && /^(https?|ftp):\/\/.+/.test(help)) v.links = [{ url: help }];
  if (f.suppression && f.suppression.kind !== "baseline") {
    v.flags = [
      {
        type: "flagged-as-likely-false-positive",
        origin: "tollgate",
        description: `${f.suppression.kind}: ${f.suppression.reason || "no reason given"}`
      }
    ];
  }
  v.location = locationFor(type, f, report);
  return v;
}
function securityReport(report, type) {
  const outcomes = report.gates.filter((g) => GATE_REPORT[g.gate] === type);
  const vulnerabilities = outcomes.flatMap((g) => g.findings.filter((f) => belongsIn(type, f)).map((f) => vulnerability(type, f, g, report)));
  const errored = outcomes.filter((g) => g.status === "errored");
  const scan = {
    analyzer: { id: "tollgate", name: "tollgate", url: report.tool.informationUri, vendor: { name: "tollgate" }, version: report.tool.version },
    scanner: {
      id: `tollgate-${type.replaceAll("_", "-")}`,
      name: `tollgate ${outcomes.map((g) => g.gate).join(", ") || type}`,
      url: report.tool.informationUri,
      vendor: { name: "tollgate" },
      version: report.tool.version
    },
    type,
    start_time: gitlabTime(report.startedAt),
    end_time: gitlabTime(report.finishedAt),
    status: errored.length > 0 ? "failure" : "success"
  };
  const messages = [
    ...errored.map((g) => ({ level: "fatal", value: `${g.gate}: ${g.reason ?? g.summary}` })),
    ...outcomes.filter((g) => g.status === "skipped").map((g) => ({ level: "info", value: `${g.gate} skipped: ${g.reason ?? g.summary}` }))
  ].filter((m) => m.value.trim() !== "");
  if (messages.length > 0) scan.messages = messages;
  return {
    version: SCHEMA_VERSION,
    schema: `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${SCHEMA_VERSION}/dist/${SCHEMA_FILE[type]}`,
    scan,
    vulnerabilities
  };
}
var CATEGORY = {
  secrets: "Security",
  sast: "Security",
  iac: "Security",
  dependencies: "Security",
  container: "Security",
  tls: "Security",
  lint: "Style",
  coverage: "Bug Risk",
  tests: "Bug Risk"
};
function codeQuality(report) {
  const issues = [];
  for (const g of report.gates) {
    for (const f of g.findings) {
      if (f.suppression || !f.location) continue;
      const begin = f.location.startLine ?? 1;
      const lines = { begin };
      if (f.location.endLine !== void 0 && f.location.endLine >= begin) lines.end = f.location.endLine;
      issues.push({
        type: "issue",
        check_name: f.ruleId,
        description: f.message,
        categories: [CATEGORY[g.gate] ?? "Bug Risk"],
        severity: CODE_QUALITY_SEVERITY[f.severity],
        fingerprint: f.fingerprint,
        location: { path: f.location.path, lines }
      });
    }
  }
  return issues;
}
function renderGitlab(report) {
  const files = {
    [CODE_QUALITY_FILE]: `${JSON.stringify(codeQuality(report), null, 2)}
`
  };
  for (const type of Object.keys(REPORT_FILES)) {
    files[REPORT_FILES[type]] = `${JSON.stringify(securityReport(report, type), null, 2)}
`;
  }
  return { files };
}
var reporter = {
  id: "gitlab",
  description: "GitLab Code Quality plus SAST, secret detection, dependency and container scanning reports (schema 15.1.0)",
  defaultFile: ".",
  render: renderGitlab
};
export {
  CODE_QUALITY_FILE,
  CODE_QUALITY_SEVERITY,
  GATE_REPORT,
  REPORT_FILES,
  SCHEMA_VERSION,
  codeQuality,
  gitlabTime,
  renderGitlab,
  reporter,
  securityReport,
  vulnerabilityId
};
