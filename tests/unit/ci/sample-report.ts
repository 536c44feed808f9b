// A run report with one gate in every status and findings of every kind, built with makeFinding,
// shared by the CI and reporter tests (reporters are pure: they only need a report).
import { makeFinding } from "../../../src/core/finding.js";
import type { GateOutcome, RunReport } from "../../../src/core/types.js";

export function sampleReport(overrides: Partial<RunReport> = {}): RunReport {
  const secret = makeFinding({
    ruleId: "secrets/aws-access-key-id",
    gate: "secrets",
    severity: "critical",
    message: "AWS access key id AKIA…(20 chars) is committed; revoke it and load it from the environment.",
    location: { path: "src/config.ts", startLine: 12, startColumn: 7 },
    key: "sha256:aaaa",
  });
  const waived = makeFinding({
    ruleId: "secrets/generic-api-key",
    gate: "secrets",
    severity: "high",
    message: "Generic API key test…(32 chars) in a test fixture.",
    location: { path: "tests/fixtures/keys.txt", startLine: 3 },
    key: "sha256:bbbb",
  });
  waived.suppression = { kind: "waiver", reason: "fake keys used by tests", expires: "2027-03-31" };
  const vuln = makeFinding({
    ruleId: "dependencies/vulnerable-package",
    gate: "dependencies",
    severity: "high",
    message: "lodash 4.17.20 has CVE-2021-23337 (command injection); upgrade to 4.17.21.",
    location: { path: "package-lock.json", startLine: 40 },
    key: "lodash@4.17.20:CVE-2021-23337",
    helpUri: "https://osv.dev/vulnerability/GHSA-35jh-r3h4-6jhm",
    properties: { package: "lodash", version: "4.17.20", fixedIn: "4.17.21", cve: "CVE-2021-23337", aliases: ["GHSA-35jh-r3h4-6jhm"] },
  });
  const iac = makeFinding({
    ruleId: "iac/k8s-privileged-container",
    gate: "iac",
    severity: "medium",
    message: "Container `app` runs privileged | remove securityContext.privileged.",
    location: { path: "deploy/k8s/app.yaml", startLine: 21 },
    key: "Deployment/app/app",
  });
  const image = makeFinding({
    ruleId: "container/vulnerable-os-package",
    gate: "container",
    severity: "low",
    message: "openssl 3.0.11 in registry.example.com/team/app:1.4.2 has CVE-2023-5678.",
    key: "openssl@3.0.11",
    properties: { image: "registry.example.com/team/app:1.4.2", package: "openssl", version: "3.0.11", os: "debian 12", cve: "CVE-2023-5678" },
  });
  const lint = makeFinding({
    ruleId: "lint/no-unused-vars",
    gate: "lint",
    severity: "info",
    message: "'x' is assigned a value but never used <script>alert(1)</script>.",
    location: { path: "src/util.ts", startLine: 5 },
    key: "no-unused-vars:x",
  });
  const gates: GateOutcome[] = [
    {
      gate: "coverage",
      status: "passed",
      summary: "84.2% lines covered (min 80%)",
      findings: [],
      metrics: { lines_pct: 84.2, branches_pct: 71.5, lines_total: 500, lines_covered: 421, files: 12 },
      durationMs: 120,
      rules: [],
    },
    {
      gate: "secrets",
      status: "failed",
      summary: "1 finding at or above low, 1 suppressed",
      findings: [secret, waived],
      metrics: { critical: 1, high: 0, suppressed: 1, files: 40 },
      durationMs: 310,
      rules: [
        {
          id: "secrets/aws-access-key-id",
          severity: "critical",
          title: "AWS access key id",
          description: "An AWS access key id gives access to an AWS account.",
          remediation: "Revoke the key in IAM and read it from the environment.",
          tags: ["security", "CWE-798"],
        },
        { id: "secrets/generic-api-key", severity: "high", title: "Generic API key", description: "A long random token assigned to a key-like name." },
      ],
    },
    {
      gate: "dependencies",
      status: "failed",
      summary: "1 finding at or above high",
      findings: [vuln],
      metrics: { high: 1, packages: 210 },
      durationMs: 1500,
      rules: [{ id: "dependencies/vulnerable-package", severity: "high", title: "Vulnerable package", description: "A dependency has a known vulnerability.", tags: ["security"] }],
    },
    { gate: "iac", status: "warned", summary: "1 finding below high", findings: [iac], metrics: { medium: 1 }, durationMs: 90, rules: [] },
    { gate: "container", status: "warned", summary: "1 finding below high", findings: [image], metrics: { low: 1 }, durationMs: 800, rules: [] },
    { gate: "lint", status: "warned", summary: "1 finding below high", findings: [lint], metrics: { info: 1 }, durationMs: 2400, rules: [] },
    { gate: "tls", status: "skipped", summary: "skipped", reason: "no endpoints or certificates configured; add gates.tls.endpoints", findings: [], metrics: {}, durationMs: 0, rules: [] },
    { gate: "sast", status: "errored", summary: "errored", reason: "semgrep was not found on PATH; install it or set gates.sast.semgrep: false", findings: [], metrics: {}, durationMs: 5, rules: [] },
  ];
  return {
    tool: { name: "tollgate", version: "0.1.0", informationUri: "https://github.com/tollgate-dev/tollgate" },
    startedAt: "2026-03-01T10:00:00.000Z",
    finishedAt: "2026-03-01T10:00:03.250Z",
    durationMs: 3250,
    status: "failed",
    policy: ".tollgate.yml",
    ci: { provider: "github", repository: "acme/app", commit: "0123456789abcdef0123456789abcdef01234567", pullRequest: "7" },
    gates,
    warnings: ["waiver for secrets/generic-api-key expires in 10 days"],
    ...overrides,
  };
}

export function passingReport(): RunReport {
  return sampleReport({
    status: "passed",
    gates: [{ gate: "secrets", status: "passed", summary: "no findings", findings: [], metrics: { files: 3 }, durationMs: 42, rules: [] }],
    warnings: [],
  });
}
