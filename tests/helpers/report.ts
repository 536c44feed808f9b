// A small but complete run report for reporter tests: every status, suppressions, rules.
import { makeFinding } from "../../src/core/finding.js";
import type { RunReport } from "../../src/core/types.js";

export function sampleReport(): RunReport {
  const leak = makeFinding({
    ruleId: "secrets/aws-access-key-id",
    gate: "secrets",
    severity: "high",
    message: "AWS access key id AKIA…(20 chars) committed in source; revoke it and rotate.",
    key: "hash-1",
    location: { path: "src/config & <settings>.ts", startLine: 12, startColumn: 7, endLine: 12, endColumn: 27 },
  });
  const waived = makeFinding({
    ruleId: "secrets/generic-api-key",
    gate: "secrets",
    severity: "medium",
    message: "Generic API key in a test fixture.",
    key: "hash-2",
    location: { path: "tests/fixtures/keys.json", startLine: 3 },
  });
  waived.suppression = { kind: "waiver", reason: "fake keys used by tests", expires: "2999-01-01" };
  const baselined = makeFinding({
    ruleId: "iac/k8s-privileged-container",
    gate: "iac",
    severity: "high",
    message: "Container runs privileged.",
    key: "Deployment/web/containers/app",
    location: { path: "deploy/web.yaml", startLine: 20 },
  });
  baselined.suppression = { kind: "baseline", reason: "recorded in the baseline .tollgate/baseline.json" };
  const lint = makeFinding({
    ruleId: "lint/eslint/no-unused-vars",
    gate: "lint",
    severity: "low",
    message: "'x' is assigned a value but never used.",
    key: "no-unused-vars:const x = 1",
    location: { path: "src/a.ts", startLine: 1, startColumn: 7 },
  });
  const noLocation = makeFinding({
    ruleId: "tls/endpoint-unreachable",
    gate: "tls",
    severity: "high",
    message: "api.example.com:443 could not be reached: connection refused.",
    key: "api.example.com:443",
  });
  return {
    tool: { name: "tollgate", version: "0.1.0", informationUri: "https://github.com/tollgate-dev/tollgate" },
    startedAt: "2026-11-25T10:00:00.000Z",
    finishedAt: "2026-11-25T10:00:03.500Z",
    durationMs: 3500,
    status: "failed",
    policy: ".tollgate.yml",
    gates: [
      {
        gate: "tests",
        status: "passed",
        summary: "120 tests, 0 failures",
        findings: [],
        metrics: { tests: 120, failures: 0 },
        durationMs: 40,
        rules: [],
        checks: [
          { name: "max-failures: 0", passed: true },
          { name: "min-tests: 1", passed: true },
        ],
      },
      { gate: "coverage", status: "skipped", summary: "skipped", reason: "no coverage report found", findings: [], metrics: {}, durationMs: 2, rules: [] },
      {
        gate: "lint",
        status: "warned",
        summary: "1 finding below high",
        findings: [lint],
        metrics: { low: 1 },
        durationMs: 900,
        rules: [{ id: "lint/eslint/no-unused-vars", severity: "low", title: "no-unused-vars", description: "Disallow unused variables." }],
      },
      {
        gate: "secrets",
        status: "failed",
        summary: "1 finding at or above low, 1 suppressed",
        findings: [leak, waived],
        metrics: { files: 10, high: 1, suppressed: 1 },
        durationMs: 120,
        rules: [
          { id: "secrets/aws-access-key-id", severity: "high", title: "AWS access key id", description: "An AWS access key id.", remediation: "Deactivate the key in IAM and rotate it." },
          { id: "secrets/generic-api-key", severity: "medium", title: "Generic API key", description: "A generic API key." },
        ],
      },
      {
        gate: "iac",
        status: "passed",
        summary: "no findings, 1 suppressed",
        findings: [baselined],
        metrics: { suppressed: 1 },
        durationMs: 300,
        rules: [{ id: "iac/k8s-privileged-container", severity: "high", title: "Container runs privileged", description: "Privileged containers can take over the node.", helpUri: "https://kubernetes.io/docs/concepts/security/pod-security-standards/" }],
      },
      { gate: "tls", status: "failed", summary: "1 finding at or above high", findings: [noLocation], metrics: { high: 1 }, durationMs: 50, rules: [] },
      { gate: "container", status: "errored", summary: "errored", reason: "registry.example.com: connection refused", findings: [], metrics: {}, durationMs: 10, rules: [] },
    ],
    warnings: ["waiver for secrets/* expires on 2026-12-01 (.tollgate.yml:12): renew it or fix the findings"],
  };
}
