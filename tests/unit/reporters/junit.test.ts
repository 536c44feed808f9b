import { describe, expect, it } from "@jest/globals";
import { renderJunit, xmlEscape } from "../../../src/reporters/junit/index.js";
import { sampleReport } from "../../helpers/report.js";
import { junitErrors } from "../../helpers/validate.js";

describe("JUnit reporter", () => {
  const xml = renderJunit(sampleReport());

  it("is valid against the Ant JUnit schema (xmllint)", () => {
    expect(junitErrors(xml)).toBe("");
  });

  it("has one testsuite per gate with the counts of its testcases", () => {
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)"[^>]* tests="(\d+)" failures="(\d+)" errors="(\d+)"/g)].map((m) => m.slice(1).join(" "));
    expect(suites).toEqual([
      "tollgate.tests 2 0 0",
      "tollgate.coverage 1 0 0",
      "tollgate.lint 1 0 0",
      "tollgate.secrets 2 1 0",
      "tollgate.iac 1 0 0",
      "tollgate.tls 1 1 0",
      "tollgate.container 1 0 1",
    ]);
  });

  it("lists a failing rule's findings in its <failure>, and marks skipped gates", () => {
    expect(xml).toContain('<testcase name="secrets/aws-access-key-id" classname="tollgate.secrets" time="0">');
    expect(xml).toContain("HIGH secrets/aws-access-key-id src/config &amp; &lt;settings&gt;.ts:12:7: AWS access key id AKIA…(20 chars)");
    expect(xml).toContain('<skipped message="no coverage report found"/>');
  });

  it("escapes XML and drops characters XML cannot hold", () => {
    expect(xmlEscape(`a<b>&"c'\u0001d`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;d");
    const report = sampleReport();
    const f = report.gates[3]?.findings[0];
    if (!f) throw new Error("fixture changed");
    f.message = "bad \u0000 bytes \u001b[31m and ]]> end";
    expect(junitErrors(renderJunit(report))).toBe("");
  });
});
