import { describe, expect, it } from "@jest/globals";
import { renderSarif, reporter } from "../../../src/reporters/sarif/index.js";
import { sampleReport } from "../../helpers/report.js";
import { sarifErrors } from "../../helpers/validate.js";

describe("SARIF reporter", () => {
  const log = renderSarif(sampleReport());

  it("is valid against the SARIF 2.1.0 schema", () => {
    expect(sarifErrors(JSON.parse(reporter.render(sampleReport()) as string))).toEqual([]);
  });

  it("has one run per gate that ran, each with its own category", () => {
    expect(log.runs.map((r) => r.automationDetails?.id)).toEqual([
      "tollgate/tests/",
      "tollgate/lint/",
      "tollgate/secrets/",
      "tollgate/iac/",
      "tollgate/tls/",
      "tollgate/container/",
    ]);
  });

  it("gives security rules a security-severity and help", () => {
    const secrets = log.runs[2];
    const rule = secrets?.tool.driver.rules?.find((r) => r.id === "secrets/aws-access-key-id");
    expect(rule?.properties?.["security-severity"]).toBe("8.0");
    expect(rule?.properties?.tags).toContain("security");
    expect(rule?.help?.text).toBe("Deactivate the key in IAM and rotate it.");
    const lintRule = log.runs[1]?.tool.driver.rules?.[0];
    expect(lintRule?.properties?.["security-severity"]).toBeUndefined();
  });

  it("uses relative, encoded URIs under %SRCROOT% and stable fingerprints", () => {
    const result = log.runs[2]?.results?.[0];
    const loc = result?.locations?.[0]?.physicalLocation;
    expect(loc?.artifactLocation).toEqual({ uri: "src/config%20%26%20%3Csettings%3E.ts", uriBaseId: "%SRCROOT%" });
    expect(loc?.region).toEqual({ startLine: 12, startColumn: 7, endLine: 12, endColumn: 27 });
    expect(result?.partialFingerprints?.["tollgate/v1"]).toMatch(/^[0-9a-f]{32}$/);
    expect(result?.ruleIndex).toBe(0);
  });

  it("keeps suppressed findings, marked", () => {
    const waived = log.runs[2]?.results?.[1];
    expect(waived?.suppressions).toEqual([{ kind: "external", status: "accepted", justification: "waiver: fake keys used by tests (until 2999-01-01)" }]);
    const baselined = log.runs[3]?.results?.[0];
    expect(baselined?.baselineState).toBe("unchanged");
    expect(log.runs[2]?.results?.[0]?.baselineState).toBe("new");
  });

  it("points findings without a location at the policy file", () => {
    expect(log.runs[4]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(".tollgate.yml");
  });

  it("marks an errored gate's invocation as unsuccessful with the reason", () => {
    const inv = log.runs[5]?.invocations?.[0];
    expect(inv?.executionSuccessful).toBe(false);
    expect(inv?.toolExecutionNotifications?.[0]?.message.text).toBe("registry.example.com: connection refused");
  });

  it("stays within GitHub's 25,000 results per run, keeping the most severe", async () => {
    const { makeFinding } = await import("../../../src/core/finding.js");
    const report = sampleReport();
    const gate = report.gates[3];
    if (!gate) throw new Error("fixture changed");
    gate.findings = Array.from({ length: 25_010 }, (_, i) =>
      makeFinding({ ruleId: "secrets/x", gate: "secrets", severity: i < 10 ? "critical" : "low", message: "m", key: String(i), location: { path: `f${i}.ts` } }),
    );
    const run = renderSarif(report).runs[2];
    expect(run?.results).toHaveLength(25_000);
    expect(run?.results?.filter((r) => r.properties?.severity === "critical")).toHaveLength(10);
    expect(run?.invocations?.[0]?.toolExecutionNotifications?.some((n) => n.message.text?.includes("10 lower-severity results left out"))).toBe(true);
  });
});
