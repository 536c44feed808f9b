// The lint gate's ESLint half against real ESLint: same findings as the CLI, built-in config
// when a project has none, --changed and include/exclude, parse and config errors.
import { execFileSync } from "node:child_process";
import { join, relative, resolve } from "node:path";
import { describe, expect, test } from "@jest/globals";
import { gate } from "../../../src/gates/lint/index.js";
import { runGateDirect } from "../../helpers/gate-context.js";
import { gitRepo, removeDir, tempDir, writeTree } from "../../helpers/tmp.js";

const repoRoot = resolve(import.meta.dirname, "../../..");
const fixture = join(repoRoot, "tests/fixtures/lint/eslint-project");
const eslintBin = join(repoRoot, "node_modules/eslint/bin/eslint.js");

interface CliMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

function eslintCli(cwd: string): { filePath: string; messages: CliMessage[]; suppressedMessages: CliMessage[] }[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [eslintBin, "--format", "json", "."], { cwd, encoding: "utf8", env: { ...process.env, ESLINT_USE_FLAT_CONFIG: "false" } });
  } catch (error) {
    out = String((error as { stdout?: string }).stdout ?? "");
  }
  return JSON.parse(out) as ReturnType<typeof eslintCli>;
}

describe("lint gate: ESLint in-process", () => {
  test("findings match `eslint --format json` on the same project and config", async () => {
    const cli = eslintCli(fixture);
    const expected = cli
      .flatMap((r) =>
        [...r.messages, ...r.suppressedMessages].map((m) => ({
          path: relative(fixture, r.filePath),
          rule: m.ruleId ?? "parse-error",
          line: m.line,
          column: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
          message: m.message,
          severity: m.severity === 2 ? "high" : "medium",
        })),
      )
      .sort((a, b) => `${a.path}:${a.line}:${a.column}:${a.rule}`.localeCompare(`${b.path}:${b.line}:${b.column}:${b.rule}`));
    expect(expected.length).toBeGreaterThanOrEqual(8);

    const { scan, verdict } = await runGateDirect(gate, { root: fixture, options: { "fail-on": "high" } });
    const actual = scan.findings
      .map((f) => ({
        path: f.location?.path,
        rule: String(f.properties?.rule),
        line: f.location?.startLine,
        column: f.location?.startColumn,
        endLine: f.location?.endLine,
        endColumn: f.location?.endColumn,
        message: f.message,
        severity: f.severity,
      }))
      .sort((a, b) => `${a.path}:${a.line}:${a.column}:${a.rule}`.localeCompare(`${b.path}:${b.line}:${b.column}:${b.rule}`));
    expect(actual).toEqual(expected);
    expect(scan.findings.every((f) => f.ruleId === `lint/eslint/${String(f.properties?.rule)}`)).toBe(true);
    expect(scan.notes).toContain("ESLint config: eslint.config.js");
    expect(verdict?.status).toBe("failed");

    // eslint-disable is kept and marked, never dropped.
    const debuggerFinding = scan.findings.find((f) => f.ruleId === "lint/eslint/no-debugger");
    expect(debuggerFinding?.suppression).toEqual({ kind: "inline", reason: "kept for the fixture" });
    // A syntax error is reported on its file and the other files are still linted.
    expect(scan.findings.find((f) => f.ruleId === "lint/eslint/parse-error")?.location?.path).toBe("src/broken.js");
    expect(scan.rules?.find((r) => r.id === "lint/eslint/eqeqeq")?.helpUri).toBe("https://eslint.org/docs/latest/rules/eqeqeq");
  });

  test("a project without an ESLint config gets the built-in JS and TS recommended rules", async () => {
    const root = gitRepo({
      "lib/a.js": "const unused = 1;\nif (typeof x === 'strng') { console.log(process.cwd()); }\n",
      "lib/b.ts": "export function f(v: any): void {\n  const n: number = v;\n}\n",
      "lib/c.tsx": "export const C = () => <div>{1}</div>;\n",
      "README.md": "# not linted\n",
    });
    try {
      const { scan, verdict } = await runGateDirect(gate, { root });
      const got = scan.findings.map((f) => `${f.location?.path}:${f.location?.startLine} ${f.ruleId}`).sort();
      expect(got).toEqual([
        "lib/a.js:1 lint/eslint/no-unused-vars",
        "lib/a.js:2 lint/eslint/valid-typeof",
        "lib/b.ts:1 lint/eslint/@typescript-eslint/no-explicit-any",
        "lib/b.ts:2 lint/eslint/@typescript-eslint/no-unused-vars",
      ]);
      expect(scan.notes).toContain("ESLint config: built-in recommended");
      expect(verdict?.status).toBe("failed");
      expect(scan.metrics.eslintFiles).toBe(3);
    } finally {
      removeDir(root);
    }
  });

  test("a lone .eslintrc (ignored by ESLint 10) and ESLINT_USE_FLAT_CONFIG=false do not break the run", async () => {
    const root = gitRepo({ ".eslintrc.json": '{ "rules": { "semi": "error" } }', "a.js": "var a = 1\nexport default a\n" });
    const saved = process.env.ESLINT_USE_FLAT_CONFIG;
    process.env.ESLINT_USE_FLAT_CONFIG = "false";
    try {
      const { scan, verdict } = await runGateDirect(gate, { root });
      expect(scan.findings).toEqual([]);
      expect(scan.notes?.some((n) => n.includes(".eslintrc.json is ignored by ESLint 10"))).toBe(true);
      expect(verdict?.status).toBe("passed");
    } finally {
      if (saved === undefined) delete process.env.ESLINT_USE_FLAT_CONFIG;
      else process.env.ESLINT_USE_FLAT_CONFIG = saved;
      removeDir(root);
    }
  });

  test("--changed lints only the changed files, and include/exclude narrow the files", async () => {
    const root = gitRepo({
      "src/one.js": "const a = 1;\n",
      "src/two.js": "const b = 2;\n",
      "test/three.js": "const c = 3;\n",
      "src/gen/four.js": "const d = 4;\n",
    });
    try {
      const changed = await runGateDirect(gate, { root, changedFiles: ["src/two.js", "docs/readme.md", "deleted.js"] });
      expect(changed.scan.findings.map((f) => f.location?.path)).toEqual(["src/two.js"]);

      const narrowed = await runGateDirect(gate, { root, options: { include: ["src/**"], exclude: ["src/gen/**"] } });
      expect(narrowed.scan.findings.map((f) => f.location?.path).sort()).toEqual(["src/one.js", "src/two.js"]);

      const none = await runGateDirect(gate, { root, changedFiles: ["docs/readme.md"] });
      expect(none.scan.skipped).toMatch(/none of the 1 changed files is linted by ESLint/);
    } finally {
      removeDir(root);
    }
  });

  test("--changed stays a subset of the full run: a folder the root config ignores is not linted through its own nested config", async () => {
    const root = gitRepo({
      "eslint.config.js": 'export default [{ ignores: ["fixtures/**"] }, { rules: { "no-unused-vars": "error" } }];\n',
      "a.js": "const a = 1;\n",
      "fixtures/project/eslint.config.js": 'export default [{ rules: { "no-unused-vars": "error" } }];\n',
      "fixtures/project/b.js": "const b = 1;\n",
    });
    try {
      const full = await runGateDirect(gate, { root });
      expect(full.scan.findings.map((f) => f.location?.path)).toEqual(["a.js"]);
      const changed = await runGateDirect(gate, { root, changedFiles: ["a.js", "fixtures/project/b.js"] });
      expect(changed.scan.findings.map((f) => f.location?.path)).toEqual(["a.js"]);
    } finally {
      removeDir(root);
    }
  });

  test("eslint.config names a config file to use instead of the one ESLint would find", async () => {
    const root = gitRepo({
      "eslint.config.js": 'export default [{ rules: { "no-unused-vars": "error" } }];\n',
      "tools/strict.config.js": 'export default [{ rules: { "no-var": "error" } }];\n',
      "a.js": "var a = 1;\n",
    });
    try {
      const own = await runGateDirect(gate, { root });
      expect(own.scan.findings.map((f) => f.ruleId)).toEqual(["lint/eslint/no-unused-vars"]);
      const strict = await runGateDirect(gate, { root, options: { eslint: { config: "tools/strict.config.js" } } });
      expect(strict.scan.findings.map((f) => f.ruleId)).toEqual(["lint/eslint/no-var"]);
      expect(strict.scan.notes).toContain("ESLint config: tools/strict.config.js");
    } finally {
      removeDir(root);
    }
  });

  test("a repository with nothing to lint is skipped with a reason", async () => {
    const root = tempDir();
    try {
      writeTree(root, { "notes.txt": "hello\n" });
      const { scan } = await runGateDirect(gate, { root });
      expect(scan.skipped).toMatch(/no JavaScript or TypeScript files/);
    } finally {
      removeDir(root);
    }
  });

  test("a broken config or a missing plugin fails the gate with the reason, even with fail-on critical", async () => {
    const root = gitRepo({
      "eslint.config.js": 'import plugin from "eslint-plugin-does-not-exist";\nexport default [plugin.configs.recommended];\n',
      "a.js": "export const a = 1;\n",
    });
    try {
      const { scan, verdict } = await runGateDirect(gate, { root, options: { "fail-on": "critical" } });
      const finding = scan.findings.find((f) => f.ruleId === "lint/eslint/config-error");
      expect(finding?.message).toMatch(/eslint-plugin-does-not-exist/);
      expect(verdict?.status).toBe("failed");
    } finally {
      removeDir(root);
    }
  });

  test("fingerprints ignore line numbers but tell identical lines apart", async () => {
    const root = gitRepo({ "a.js": "const x = 1;\nconst x2 = 2;\n" });
    const moved = gitRepo({ "a.js": "// a comment moves everything down\n\nconst x = 1;\nconst x2 = 2;\n" });
    try {
      const first = (await runGateDirect(gate, { root })).scan.findings.map((f) => f.fingerprint).sort();
      const second = (await runGateDirect(gate, { root: moved })).scan.findings.map((f) => f.fingerprint).sort();
      expect(first).toHaveLength(2);
      expect(second).toEqual(first);
      expect(new Set(first).size).toBe(2);
    } finally {
      removeDir(root);
      removeDir(moved);
    }
  });
});
