// From a real run to files on disk: run() on a repository, writeReports(gitlabDir), then the
// files GitLab would read are validated against GitLab's 15.1.0 schemas.
import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import type { AnySchema } from "ajv";
import { run } from "../../../../src/core/run.js";
import { writeReports } from "../../../../src/core/write-reports.js";
import { CODE_QUALITY_FILE, REPORT_FILES } from "../../../../src/reporters/gitlab/index.js";
import { gitRepo, removeDir, tempDir } from "../../../helpers/tmp.js";

const SCHEMAS = join(import.meta.dirname, "../../../fixtures/gitlab-schemas/15.1.0");

describe("gitlab reports from a real run", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  it("writes valid files for GitLab in a merge-request pipeline", async () => {
    const sarif = {
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "fakelint" } },
          results: [
            { ruleId: "no-eval", level: "error", message: { text: "eval is evil" }, locations: [{ physicalLocation: { artifactLocation: { uri: "src/a.js" }, region: { startLine: 3 } } }] },
            { ruleId: "semi", level: "note", message: { text: "missing semicolon" }, locations: [{ physicalLocation: { artifactLocation: { uri: "src/a.js" }, region: { startLine: 1 } } }] },
          ],
        },
      ],
    };
    const root = gitRepo({
      "src/a.js": "let a = 1\nlet b = 2;\neval(a);\n",
      "reports/lint.sarif": JSON.stringify(sarif),
      ".tollgate.yml": "version: 1\nextends: none\ngates:\n  lint: { eslint: false, sarif: [\"reports/*.sarif\"], fail-on: high }\n",
    });
    const cache = tempDir();
    dirs.push(root, cache);
    const env = { GITLAB_CI: "true", CI_COMMIT_SHA: "abc123", CI_PROJECT_PATH: "acme/app", CI_MERGE_REQUEST_IID: "3", TOLLGATE_CACHE_DIR: cache, PATH: process.env.PATH };
    const report = await run({ cwd: root, env });
    expect(report.status).toBe("failed");
    expect(report.ci).toMatchObject({ provider: "gitlab", commit: "abc123", pullRequest: "3" });
    await writeReports(report, { gitlabDir: "gl" }, root);
    const out = join(root, "gl");
    expect(readdirSync(out).sort()).toEqual([CODE_QUALITY_FILE, ...Object.values(REPORT_FILES)].sort());
    const cq = JSON.parse(readFileSync(join(out, CODE_QUALITY_FILE), "utf8")) as Array<{ check_name: string; severity: string; location: { path: string; lines: { begin: number } } }>;
    expect(cq.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ["lint/fakelint/semi", "minor", "src/a.js", 1],
      ["lint/fakelint/no-eval", "critical", "src/a.js", 3],
    ]);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const schemaFor: Record<string, string> = {
      [REPORT_FILES.sast]: "sast-report-format.json",
      [REPORT_FILES.secret_detection]: "secret-detection-report-format.json",
      [REPORT_FILES.dependency_scanning]: "dependency-scanning-report-format.json",
      [REPORT_FILES.container_scanning]: "container-scanning-report-format.json",
    };
    for (const [file, schema] of Object.entries(schemaFor)) {
      const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, schema), "utf8")) as AnySchema);
      const doc: unknown = JSON.parse(readFileSync(join(out, file), "utf8"));
      expect({ file, valid: validate(doc), errors: validate.errors ?? [] }).toEqual({ file, valid: true, errors: [] });
    }
  });
});
