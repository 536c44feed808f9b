import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import type { AnySchema } from "ajv";
import { makeFinding } from "../../../../src/core/finding.js";
import { CODE_QUALITY_FILE, REPORT_FILES, gitlabTime, reporter, vulnerabilityId } from "../../../../src/reporters/gitlab/index.js";
import { passingReport, sampleReport } from "../../ci/sample-report.js";

const SCHEMAS = join(import.meta.dirname, "../../../fixtures/gitlab-schemas/15.1.0");
const schemaFile: Record<string, string> = {
  [REPORT_FILES.sast]: "sast-report-format.json",
  [REPORT_FILES.secret_detection]: "secret-detection-report-format.json",
  [REPORT_FILES.dependency_scanning]: "dependency-scanning-report-format.json",
  [REPORT_FILES.container_scanning]: "container-scanning-report-format.json",
};

function validator(file: string) {
  // GitLab's schemas are draft-07; strict mode would reject their `self` keyword, which GitLab uses itself.
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), "utf8")) as AnySchema);
}

function files(report = sampleReport()): Record<string, string> {
  const out = reporter.render(report);
  if (typeof out === "string") throw new Error("expected files");
  return out.files;
}

describe("gitlab reporter", () => {
  it("writes the five GitLab report files", () => {
    expect(Object.keys(files()).sort()).toEqual(
      [CODE_QUALITY_FILE, ...Object.values(REPORT_FILES)].sort(),
    );
  });

  for (const [name, schema] of Object.entries(schemaFile)) {
    it(`${name} is valid against GitLab's 15.1.0 schema (with findings and empty)`, () => {
      const validate = validator(schema);
      for (const report of [sampleReport(), passingReport()]) {
        const doc: unknown = JSON.parse(files(report)[name] ?? "null");
        const ok = validate(doc);
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
      }
    });
  }

  it("the validator does reject a report that breaks the schema", () => {
    const validate = validator("secret-detection-report-format.json");
    const doc = JSON.parse(files()[REPORT_FILES.secret_detection] ?? "{}") as { vulnerabilities: Array<{ location: Record<string, unknown> }> };
    const first = doc.vulnerabilities[0];
    if (first) delete first.location.commit;
    expect(validate(doc)).toBe(false);
  });

  it("routes findings to the right report and keeps waived ones flagged", () => {
    const f = files();
    const secrets = JSON.parse(f[REPORT_FILES.secret_detection] ?? "{}") as { vulnerabilities: Array<Record<string, unknown>> };
    expect(secrets.vulnerabilities).toHaveLength(2);
    const [live, waived] = secrets.vulnerabilities;
    expect(live?.severity).toBe("Critical");
    expect(live?.location).toEqual({ file: "src/config.ts", start_line: 12, commit: { sha: "0123456789abcdef0123456789abcdef01234567" } });
    expect(live?.identifiers).toContainEqual({ type: "cwe", name: "CWE-798", value: "798", url: "https://cwe.mitre.org/data/definitions/798.html" });
    expect(waived?.flags).toEqual([{ type: "flagged-as-likely-false-positive", origin: "tollgate", description: "waiver: fake keys used by tests" }]);
    const deps = JSON.parse(f[REPORT_FILES.dependency_scanning] ?? "{}") as { vulnerabilities: Array<Record<string, unknown>> };
    expect(deps.vulnerabilities[0]?.location).toEqual({ file: "package-lock.json", dependency: { package: { name: "lodash" }, version: "4.17.20" } });
    expect(deps.vulnerabilities[0]?.identifiers).toContainEqual({ type: "cve", name: "CVE-2021-23337", value: "CVE-2021-23337", url: "https://nvd.nist.gov/vuln/detail/CVE-2021-23337" });
    const container = JSON.parse(f[REPORT_FILES.container_scanning] ?? "{}") as { vulnerabilities: Array<Record<string, unknown>> };
    expect(container.vulnerabilities[0]?.location).toEqual({
      dependency: { package: { name: "openssl" }, version: "3.0.11" },
      operating_system: "debian 12",
      image: "registry.example.com/team/app:1.4.2",
    });
    const sast = JSON.parse(f[REPORT_FILES.sast] ?? "{}") as { scan: { status: string; messages: unknown[] }; vulnerabilities: unknown[] };
    // the iac finding is SAST-like; the errored sast gate makes the scan a failure with a fatal message
    expect(sast.vulnerabilities).toHaveLength(1);
    expect(sast.scan.status).toBe("failure");
    expect(sast.scan.messages).toContainEqual({ level: "fatal", value: "sast: semgrep was not found on PATH; install it or set gates.sast.semgrep: false" });
  });

  it("keeps findings that describe no package out of the dependency and container reports", () => {
    const report = sampleReport();
    const container = report.gates.find((g) => g.gate === "container");
    container?.findings.push(
      makeFinding({ ruleId: "container/runs-as-root", gate: "container", severity: "medium", message: "Image app runs as root.", location: { path: "Dockerfile", startLine: 1 }, key: "root", properties: { image: "app:1" } }),
    );
    const f = files(report);
    const cs = JSON.parse(f[REPORT_FILES.container_scanning] ?? "{}") as { vulnerabilities: Array<{ name: string }> };
    expect(cs.vulnerabilities).toHaveLength(1);
    const cq = JSON.parse(f[CODE_QUALITY_FILE] ?? "[]") as Array<{ check_name: string }>;
    expect(cq.map((i) => i.check_name)).toContain("container/runs-as-root");
    expect(validator("container-scanning-report-format.json")(cs)).toBe(true);
  });

  it("writes Code Quality with GitLab's severities and the findings' stable fingerprints", () => {
    const report = sampleReport();
    const cq = JSON.parse(files(report)[CODE_QUALITY_FILE] ?? "[]") as Array<{ check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }>;
    const bySeverity = Object.fromEntries(cq.map((i) => [i.check_name, i.severity]));
    expect(bySeverity).toEqual({
      "secrets/aws-access-key-id": "blocker",
      "dependencies/vulnerable-package": "critical",
      "iac/k8s-privileged-container": "major",
      "lint/no-unused-vars": "info",
    });
    expect(cq.map((i) => i.fingerprint)).toEqual(
      report.gates.flatMap((g) => g.findings).filter((x) => !x.suppression && x.location).map((x) => x.fingerprint),
    );
    expect(new Set(cq.map((i) => i.fingerprint)).size).toBe(cq.length);
    for (const issue of cq) {
      expect(Object.keys(issue).sort()).toEqual(["categories", "check_name", "description", "fingerprint", "location", "severity", "type"]);
      expect(["info", "minor", "major", "critical", "blocker"]).toContain(issue.severity);
      expect(issue.location.lines.begin).toBeGreaterThan(0);
    }
  });

  it("is deterministic and ids survive a line move", () => {
    expect(files()).toEqual(files());
    const moved = sampleReport();
    const f = moved.gates[1]?.findings[0];
    if (f?.location) f.location.startLine = 99;
    const before = JSON.parse(files()[REPORT_FILES.secret_detection] ?? "{}") as { vulnerabilities: Array<{ id: string }> };
    const after = JSON.parse(files(moved)[REPORT_FILES.secret_detection] ?? "{}") as { vulnerabilities: Array<{ id: string }> };
    expect(after.vulnerabilities[0]?.id).toBe(before.vulnerabilities[0]?.id);
    expect(vulnerabilityId("abc", "sast")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(gitlabTime("2026-03-01T10:00:03.250Z")).toBe("2026-03-01T10:00:03");
  });
});
