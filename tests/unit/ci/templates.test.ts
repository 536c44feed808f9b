// The integration files users copy must agree with the code: action inputs and outputs, the GitLab
// report file names, the hook entry. A rename on one side fails here instead of in users' CI.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { readInputs } from "../../../src/ci/github/run-action.js";
import { CODE_QUALITY_FILE, REPORT_FILES } from "../../../src/reporters/gitlab/index.js";

const ROOT = join(import.meta.dirname, "../../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
}

describe("integration files", () => {
  it("action.yml runs the bundle on node24 and declares the inputs the action reads", () => {
    const action = parse(read("action.yml")) as ActionYml;
    expect(action.runs).toEqual({ using: "node24", main: "dist/action.js" });
    expect(Object.keys(action.inputs).sort()).toEqual(
      ["annotations", "changed", "comment", "github-token", "junit-file", "only", "policy", "sarif-file", "skip", "working-directory"].sort(),
    );
    expect(Object.keys(action.outputs).sort()).toEqual(["failed-gates", "findings", "junit-file", "passed", "sarif-file"]);
    // the defaults, passed as the runner passes them, give the documented behaviour
    const env: Record<string, string> = {};
    for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = name === "github-token" ? "t" : (spec.default ?? "");
    expect(readInputs(env)).toEqual({ changed: false, comment: true, annotations: true, workingDirectory: ".", sarifFile: "tollgate.sarif", token: "t" });
  });

  it("the GitLab template publishes every report the gitlab reporter writes, even on failure", () => {
    const template = parse(read("templates/tollgate.gitlab-ci.yml")) as { tollgate: { artifacts: { when: string; reports: Record<string, string> }; script: string[] } };
    const { artifacts, script } = template.tollgate;
    expect(artifacts.when).toBe("always");
    expect(artifacts.reports).toEqual({
      junit: "tollgate-reports/junit.xml",
      codequality: `tollgate-reports/${CODE_QUALITY_FILE}`,
      sast: `tollgate-reports/${REPORT_FILES.sast}`,
      secret_detection: `tollgate-reports/${REPORT_FILES.secret_detection}`,
      dependency_scanning: `tollgate-reports/${REPORT_FILES.dependency_scanning}`,
      container_scanning: `tollgate-reports/${REPORT_FILES.container_scanning}`,
    });
    const command = script.join("\n");
    expect(command).toContain("--gitlab-dir tollgate-reports");
    expect(command).toContain("--junit tollgate-reports/junit.xml");
  });

  it("this project's .gitlab-ci.yml runs tollgate on itself through the template", () => {
    const ci = parse(read(".gitlab-ci.yml")) as { include: Array<{ local: string }>; tollgate: { variables: Record<string, string> } };
    expect(ci.include).toContainEqual({ local: "templates/tollgate.gitlab-ci.yml" });
    expect(ci.tollgate.variables.TOLLGATE_COMMAND).toBe("node dist/cli.js");
  });

  it("the Jenkinsfile publishes JUnit, SARIF through warnings-ng and archives the HTML report", () => {
    const jenkinsfile = read("templates/Jenkinsfile");
    expect(jenkinsfile).toMatch(/junit [^\n]*testResults: "\$\{TOLLGATE_REPORTS\}\/junit.xml"/);
    expect(jenkinsfile).toMatch(/recordIssues\([\s\S]*tools: \[sarif\(pattern: "\$\{TOLLGATE_REPORTS\}\/tollgate.sarif"/);
    expect(jenkinsfile).toMatch(/archiveArtifacts artifacts: "\$\{TOLLGATE_REPORTS\}\/\*\*"/);
    expect(jenkinsfile).toContain('--html "${TOLLGATE_REPORTS}/tollgate.html"');
  });

  it("the pre-commit hook runs on pre-push without file names", () => {
    const hooks = parse(read(".pre-commit-hooks.yaml")) as Array<Record<string, unknown>>;
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: "tollgate", entry: "tollgate hook run pre-push", language: "node", pass_filenames: false, stages: ["pre-push"] });
  });
});
