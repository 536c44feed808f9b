// Other linters through their reports: real shellcheck (Checkstyle), yamllint (parsable lines) and
// ESLint's SARIF formatter, plus hand-written edge cases of each format.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { gate } from "../../../src/gates/lint/index.js";
import { parseCheckstyle, parseEslintJson, parseParsable, parseSarif } from "../../../src/scanners/sarif-import/index.js";
import { runGateDirect } from "../../helpers/gate-context.js";
import { gitRepo, removeDir, writeTree } from "../../helpers/tmp.js";

const repoRoot = resolve(import.meta.dirname, "../../..");
const fixtures = join(repoRoot, "tests/fixtures/lint");
const eslintBin = join(repoRoot, "node_modules/eslint/bin/eslint.js");

function repoWithReports(): string {
  const root = gitRepo({ "README.md": "# fixture\n" });
  mkdirSync(join(root, "scripts"));
  copyFileSync(join(fixtures, "reports/deploy.sh"), join(root, "scripts/deploy.sh"));
  copyFileSync(join(fixtures, "reports/config.yml"), join(root, "config.yml"));
  return root;
}

describe("lint gate: importing other linters", () => {
  test("shellcheck -f checkstyle through a command keeps shellcheck's rules and locations", async () => {
    const root = repoWithReports();
    try {
      const { scan, verdict } = await runGateDirect(gate, {
        root,
        options: { eslint: false, "fail-on": "medium", commands: [{ name: "shellcheck", run: "shellcheck -f checkstyle scripts/deploy.sh", format: "checkstyle" }] },
      });
      // shellcheck's own JSON is the independent reference for where each comment is.
      let json1: string;
      try {
        json1 = execFileSync("shellcheck", ["-f", "json1", "scripts/deploy.sh"], { cwd: root, encoding: "utf8" });
      } catch (error) {
        json1 = String((error as { stdout?: string }).stdout);
      }
      const comments = (JSON.parse(json1) as { comments: { file: string; line: number; column: number; code: number; level: string }[] }).comments;
      const expected = comments.map((c) => `${c.file}:${c.line}:${c.column} lint/shellcheck/SC${c.code}`).sort();
      const actual = scan.findings.map((f) => `${f.location?.path}:${f.location?.startLine}:${f.location?.startColumn} ${f.ruleId}`).sort();
      expect(actual).toEqual(expected);
      expect(actual.length).toBeGreaterThanOrEqual(3);
      const sc2046 = scan.findings.find((f) => f.ruleId === "lint/shellcheck/SC2046");
      expect(sc2046?.severity).toBe("medium");
      expect(scan.findings.find((f) => f.ruleId === "lint/shellcheck/SC2086")?.severity).toBe("low");
      expect(verdict?.status).toBe("failed");
    } finally {
      removeDir(root);
    }
  });

  test("yamllint -f parsable through a command (exit 1 with problems is not a failure of the command)", async () => {
    const root = repoWithReports();
    try {
      const { scan } = await runGateDirect(gate, {
        root,
        options: { eslint: false, commands: [{ name: "yamllint", run: "yamllint -f parsable config.yml", format: "parsable" }] },
      });
      const lines = readFileSync(join(root, "config.yml"), "utf8").split("\n");
      const trailing = lines.findIndex((l) => / $/.test(l)) + 1;
      const truthy = lines.findIndex((l) => /: yes$/.test(l)) + 1;
      const got = scan.findings.map((f) => `${f.location?.path}:${f.location?.startLine} ${f.ruleId} ${f.severity}`).sort();
      expect(got).toEqual(
        [`config.yml:${trailing} lint/yamllint/trailing-spaces high`, `config.yml:${truthy} lint/yamllint/truthy medium`, "config.yml:6 lint/yamllint/hyphens high"].sort(),
      );
      // yamllint points at the first trailing space.
      expect(scan.findings.find((f) => f.ruleId === "lint/yamllint/trailing-spaces")?.location?.startColumn).toBe((lines[trailing - 1] ?? "").trimEnd().length + 1);
    } finally {
      removeDir(root);
    }
  });

  test("ESLint's SARIF formatter (@microsoft/eslint-formatter-sarif) imports with the locations ESLint reports", async () => {
    const project = join(fixtures, "eslint-project");
    const { scan } = await runGateDirect(gate, {
      root: project,
      options: { eslint: false, commands: [{ name: "eslint", run: `"${process.execPath}" "${eslintBin}" --format @microsoft/eslint-formatter-sarif .`, format: "sarif" }] },
    });
    let out: string;
    try {
      out = execFileSync(process.execPath, [eslintBin, "--format", "json", "."], { cwd: project, encoding: "utf8" });
    } catch (error) {
      out = String((error as { stdout?: string }).stdout);
    }
    const cli = JSON.parse(out) as { filePath: string; messages: { ruleId: string | null; line: number; column: number }[] }[];
    const expected = cli.flatMap((r) => r.messages.filter((m) => m.ruleId).map((m) => `${relative(project, r.filePath)}:${m.line}:${m.column} lint/eslint/${m.ruleId}`)).sort();
    const actual = scan.findings.filter((f) => f.ruleId !== "lint/eslint/unknown" && !f.suppression && !f.ruleId.includes("parse")).map((f) => `${f.location?.path}:${f.location?.startLine}:${f.location?.startColumn} ${f.ruleId}`).sort();
    expect(actual).toEqual(expected);
    expect(scan.rules?.find((r) => r.id === "lint/eslint/no-undef")?.helpUri).toBe("https://eslint.org/docs/latest/rules/no-undef");
  });

  test("htmlhint's own SARIF and Checkstyle formatters both import with the locations of its JSON output", async () => {
    const root = gitRepo({ "README.md": "# fixture\n" });
    copyFileSync(join(fixtures, "reports/page.html"), join(root, "page.html"));
    const htmlhint = join(repoRoot, "node_modules/.bin/htmlhint");
    try {
      let json: string;
      try {
        json = execFileSync(htmlhint, ["--format", "json", "page.html"], { cwd: root, encoding: "utf8" });
      } catch (error) {
        json = String((error as { stdout?: string }).stdout);
      }
      const reference = (JSON.parse(json) as { messages: { line: number; col: number; rule: { id: string } }[] }[])
        .flatMap((r) => r.messages.map((m) => `page.html:${m.line}:${m.col} lint/htmlhint/${m.rule.id}`))
        .sort();
      expect(reference.length).toBeGreaterThanOrEqual(3);
      for (const format of ["sarif", "checkstyle"] as const) {
        const { scan } = await runGateDirect(gate, {
          root,
          options: { eslint: false, commands: [{ name: "htmlhint", run: `"${htmlhint}" --format ${format} page.html`, format }] },
        });
        const got = scan.findings.map((f) => `${f.location?.path}:${f.location?.startLine}:${f.location?.startColumn} ${f.ruleId}`).sort();
        expect({ format, got }).toEqual({ format, got: reference });
        expect(scan.findings.every((f) => f.severity === "high")).toBe(true);
      }
    } finally {
      removeDir(root);
    }
  });

  test("report files: SARIF with uriBaseId, artifacts, ruleIndex and security-severity; ESLint JSON; Checkstyle", async () => {
    const root = gitRepo({ "src/app.py": "import os\nos.system(cmd)\n", "src/Main.java": "class Main {\n\tint x;\n}\n" });
    try {
      const sarif = {
        version: "2.1.0",
        runs: [
          {
            tool: { driver: { name: "Ruff", rules: [{ id: "S605", shortDescription: { text: "Shell injection" }, helpUri: "https://docs.astral.sh/ruff/rules/S605", properties: { "security-severity": "8.1" } }, { id: "F401" }] } },
            originalUriBaseIds: { SRC: { uri: "src/" } },
            artifacts: [{ location: { uri: "app.py", uriBaseId: "SRC" } }],
            results: [
              { ruleIndex: 0, level: "error", message: { text: "Starting a process with a shell" }, locations: [{ physicalLocation: { artifactLocation: { index: 0 }, region: { startLine: 2, startColumn: 1, endColumn: 15 } } }] },
              { ruleId: "F401", level: "note", message: { text: "`os` imported but unused" }, locations: [{ physicalLocation: { artifactLocation: { uri: "src/app.py" }, region: { startLine: 1 } } }], suppressions: [{ kind: "inSource", justification: "used by a plugin" }] },
              { ruleId: "broken", locations: "not an array" },
            ],
          },
        ],
      };
      const eslintJson = [{ filePath: join(root, "web/x.js"), messages: [{ ruleId: "semi", severity: 1, message: "Missing semicolon.", line: 3, column: 9 }] }];
      const checkstyle = `<?xml version="1.0"?>\n<checkstyle version="10.0">\n<file name="${join(root, "src/Main.java")}">\n<error line="2" column="1" severity="warning" message="Line has tab." source="com.puppycrawl.tools.checkstyle.checks.whitespace.FileTabCharacterCheck"/>\n</file>\n</checkstyle>\n`;
      writeTree(root, { "reports/ruff.sarif": JSON.stringify(sarif), "reports/eslint.json": JSON.stringify(eslintJson), "reports/checkstyle-result.xml": checkstyle });
      const { scan } = await runGateDirect(gate, {
        root,
        options: { eslint: false, sarif: ["reports/*.sarif"], "eslint-json": ["reports/eslint.json"], checkstyle: ["reports/**/*.xml"] },
      });
      const got = scan.findings.map((f) => `${f.ruleId} ${f.severity} ${f.location?.path}:${f.location?.startLine ?? "-"}:${f.location?.startColumn ?? "-"}${f.suppression ? ` (${f.suppression.reason})` : ""}`).sort();
      expect(got).toEqual(
        [
          "lint/checkstyle/FileTabCharacter medium src/Main.java:2:1",
          "lint/eslint/semi medium web/x.js:3:9",
          "lint/report-error high reports/ruff.sarif:-:- ",
          "lint/ruff/F401 low src/app.py:1:- (used by a plugin)",
          "lint/ruff/S605 high src/app.py:2:1",
        ].map((s) => s.trimEnd()),
      );
      expect(scan.rules?.find((r) => r.id === "lint/ruff/S605")).toMatchObject({ title: "Shell injection", helpUri: "https://docs.astral.sh/ruff/rules/S605" });
    } finally {
      removeDir(root);
    }
  });

  test("named reports that are missing or malformed fail the gate whatever fail-on says; the rest is still imported", async () => {
    const root = gitRepo({ "a.sh": "echo $1\n" });
    try {
      writeTree(root, {
        "reports/good.xml": "<checkstyle><file name='a.sh'><error line='1' column='6' severity='info' message='Double quote.' source='ShellCheck.SC2086'/></file></checkstyle>",
        "reports/xxe.xml": '<?xml version="1.0"?>\n<!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<checkstyle><file name="a.sh"><error line="1" message="&x;" source="x.y"/></file></checkstyle>',
        "reports/torn.xml": "<checkstyle><file name='a.sh'><error line='1'",
      });
      const { scan, verdict } = await runGateDirect(gate, {
        root,
        options: { eslint: false, "fail-on": "critical", checkstyle: ["reports/*.xml"], sarif: ["out/none-*.sarif"] },
      });
      const got = scan.findings.map((f) => `${f.ruleId} ${f.location?.path ?? "-"}`).sort();
      expect(got).toEqual(["lint/missing-report -", "lint/report-error reports/torn.xml", "lint/report-error reports/xxe.xml", "lint/shellcheck/SC2086 a.sh"]);
      expect(JSON.stringify(scan.findings)).not.toContain("root:");
      expect(verdict?.status).toBe("failed");
    } finally {
      removeDir(root);
    }
  });

  test("commands that cannot start, time out, write nothing or write a file are handled", async () => {
    const root = gitRepo({ "a.txt": "x\n" });
    try {
      const { scan, verdict } = await runGateDirect(gate, {
        root,
        options: {
          eslint: false,
          commands: [
            { name: "ghost", run: "tollgate-no-such-linter --sarif", format: "sarif" },
            { name: "slow", run: "sleep 5", format: "sarif", timeout: "300ms" },
            { name: "silent", run: "exit 3", format: "checkstyle" },
            { name: "filer", run: "mkdir -p out && printf 'a.txt:1:1: [warning] odd (odd-rule)\\n' > out/r.txt", format: "parsable", output: "out/r.txt" },
          ],
        },
      });
      const failed = scan.findings.filter((f) => f.ruleId === "lint/command-failed").map((f) => f.message);
      expect(failed).toHaveLength(3);
      expect(failed[0]).toMatch(/ghost.*(no output|exit 127|not found)/);
      expect(failed[1]).toMatch(/slow.*timed out/);
      expect(failed[2]).toMatch(/silent.*no checkstyle output \(exit 3/);
      expect(scan.findings.find((f) => f.ruleId === "lint/filer/odd-rule")?.location).toEqual({ path: "a.txt", startLine: 1, startColumn: 1, endLine: 1 });
      expect(verdict?.status).toBe("failed");
    } finally {
      removeDir(root);
    }
  });

  test("parsers return issues or problems for any input, never throw", () => {
    const root = "/repo";
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const parse of [parseSarif, parseEslintJson, parseCheckstyle, parseParsable]) {
          const out = parse(text, { root });
          expect(Array.isArray(out.issues) && Array.isArray(out.problems)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(() => parseSarif(text, { root })).not.toThrow();
        expect(() => parseEslintJson(text, { root })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
