// The sast gate end to end: built-in rules on real files, the semgrep adapter against a stand-in
// semgrep CLI on PATH, missing/required semgrep, and new-only against a real git history.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "@jest/globals";
import { gate } from "../../../src/gates/sast/index.js";
import { runGateDirect } from "../../helpers/gate-context.js";
import { commitAll, git, gitRepo, removeDir, tempDir, writeTree } from "../../helpers/tmp.js";

const fakeSemgrep = resolve(import.meta.dirname, "../../fixtures/sast/fake-semgrep.mjs");

/** A PATH holding only a `semgrep` that runs the stand-in script (plus git for the gate's own use). */
function pathWithFakeSemgrep(): { dir: string; path: string; log: string } {
  const dir = tempDir("tollgate-fake-semgrep-");
  mkdirSync(join(dir, "bin"));
  const bin = join(dir, "bin/semgrep");
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${fakeSemgrep}" "$@"\n`);
  chmodSync(bin, 0o755);
  return { dir, path: join(dir, "bin"), log: join(dir, "args.jsonl") };
}

function emptyPath(): string {
  const dir = tempDir("tollgate-empty-path-");
  return dir;
}

const APP = [
  "import { exec } from 'node:child_process';", // 1
  "export function run(req, res) {", // 2
  "  exec(`convert ${req.query.file} out.png`);", // 3
  "  const value = eval(req.body.expr);", // 4
  "  res.redirect(req.query.next);", // 5
  "}", // 6
  "",
].join("\n");

const TLS_LINE = "export const agent = new https.Agent({ rejectUnauthorized: false });";
const MD5_LINE = "h = hashlib.md5(data)";

describe("sast gate", () => {
  test("built-in rules report JS, TS and Python problems at the right place, with no semgrep installed", async () => {
    const root = gitRepo({
      "src/app.js": APP,
      "src/tls.ts": `import https from 'node:https';\n${TLS_LINE}\n`,
      "tools/fetch.py": "import requests\n\nrequests.get(url, verify=False)\n",
      "docs/readme.md": "eval(x) in prose is not code\n",
      "dist/app.js": APP,
      "src/view.ts": "// text, never dangerouslySetInnerHTML or innerHTML\nexport const html = (el: HTMLElement, v: string) => { el.textContent = v; };\n",
    });
    const noSemgrep = emptyPath();
    try {
      const { scan, verdict } = await runGateDirect(gate, { root, env: { PATH: noSemgrep } });
      const got = scan.findings.map((f) => `${f.location?.path}:${f.location?.startLine}:${f.location?.startColumn} ${f.ruleId} ${f.severity}`);
      expect(got.sort()).toEqual(
        [
          "src/app.js:3:3 sast/js-child-process-interpolation high",
          "src/app.js:4:17 sast/js-eval-dynamic high",
          "src/app.js:5:3 sast/js-open-redirect medium",
          `src/tls.ts:2:${TLS_LINE.indexOf("rejectUnauthorized") + 1} sast/js-tls-reject-unauthorized high`,
          "tools/fetch.py:3:1 sast/py-tls-verify-false high",
        ].sort(),
      );
      expect(verdict?.status).toBe("failed");
      expect(scan.notes?.some((n) => n.includes("semgrep is not installed") && n.includes("pipx install semgrep"))).toBe(true);
      // dist/ is generated (skipped); view.ts is scanned cleanly, JSX-only rules included.
      expect(scan.metrics.files).toBe(4);
      expect(scan.notes?.filter((n) => !n.includes("semgrep"))).toEqual([]);
      const rules = await gate.rules();
      expect(rules.filter((r) => r.id.startsWith("sast/js-")).length).toBeGreaterThanOrEqual(40);
    } finally {
      removeDir(root);
      removeDir(noSemgrep);
    }
  });

  test("semgrep missing: skipped with install instructions, or failed when the policy requires it", async () => {
    const root = gitRepo({ "a.js": "export const a = 1;\n" });
    const noSemgrep = emptyPath();
    try {
      const skipped = await runGateDirect(gate, { root, env: { PATH: noSemgrep }, options: { builtin: false } });
      expect(skipped.scan.skipped).toMatch(/semgrep is not installed: install it with `pipx install semgrep` \(or `brew install semgrep`/);

      const required = await runGateDirect(gate, { root, env: { PATH: noSemgrep }, options: { "fail-on": "critical", semgrep: { required: true } } });
      expect(required.scan.findings.map((f) => f.ruleId)).toEqual(["sast/semgrep-missing"]);
      expect(required.verdict?.status).toBe("failed");
    } finally {
      removeDir(root);
      removeDir(noSemgrep);
    }
  });

  test("semgrep adapter with a stand-in semgrep CLI on PATH: arguments, SARIF on stdout, locations", async () => {
    const root = gitRepo({ "src/app.js": "const a = 1;\nconst b = eval(input);\n", "lib/hash.py": `import hashlib\n${MD5_LINE}\n` });
    const fake = pathWithFakeSemgrep();
    try {
      const { scan, verdict } = await runGateDirect(gate, {
        root,
        env: { PATH: fake.path, FAKE_SEMGREP_LOG: fake.log },
        options: { builtin: false, semgrep: { config: "p/default", "max-memory": 2048 } },
      });
      const got = scan.findings.map((f) => `${f.location?.path}:${f.location?.startLine}:${f.location?.startColumn} ${f.ruleId} ${f.severity}`).sort();
      expect(got).toEqual([`lib/hash.py:2:${MD5_LINE.indexOf("md5") + 1} sast/semgrep/fake.md5-used medium`, "src/app.js:2:11 sast/semgrep/fake.eval-detected high"]);
      expect(verdict?.status).toBe("failed");
      expect(scan.metrics.semgrep).toBe(1);
      expect(scan.rules?.find((r) => r.id === "sast/semgrep/fake.eval-detected")?.tags).toContain("security");
      const call = JSON.parse(readFileSync(fake.log, "utf8").trim().split("\n")[0] ?? "{}") as { argv: string[]; cwd: string };
      expect(call.argv.slice(0, 3)).toEqual(["scan", "--sarif", "--metrics=off"]);
      expect(call.argv.join(" ")).toMatch(/--max-memory 2048 .*--config p\/default .*-- \.$/);
    } finally {
      removeDir(root);
      removeDir(fake.dir);
    }
  });

  test("stand-in semgrep failing (exit 7) or running past its timeout fails the gate whatever fail-on says", async () => {
    const root = gitRepo({ "a.js": "export const a = 1;\n" });
    const fake = pathWithFakeSemgrep();
    try {
      const broken = await runGateDirect(gate, { root, env: { PATH: fake.path }, options: { "fail-on": "critical", semgrep: { config: "p/broken" } } });
      expect(broken.scan.findings.map((f) => f.ruleId)).toEqual(["sast/semgrep-failed"]);
      expect(broken.scan.findings[0]?.message).toMatch(/exit 7: \[ERROR\] Invalid configuration file found/);
      expect(broken.verdict?.status).toBe("failed");

      const started = Date.now();
      const slow = await runGateDirect(gate, { root, env: { PATH: fake.path }, options: { semgrep: { config: "p/slow", timeout: "700ms" } } });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(slow.scan.findings[0]?.message).toMatch(/semgrep timed out after 1s/);
      expect(slow.verdict?.status).toBe("failed");
    } finally {
      removeDir(root);
      removeDir(fake.dir);
    }
  });

  test("--changed scans only changed files, in the built-in rules and in semgrep's targets; a repo .semgrep.yml is used", async () => {
    const root = gitRepo({ "a.js": "eval(x);\n", "b.js": "eval(y);\n", ".semgrep.yml": "rules: []\n" });
    const fake = pathWithFakeSemgrep();
    try {
      const { scan } = await runGateDirect(gate, { root, env: { PATH: fake.path, FAKE_SEMGREP_LOG: fake.log }, changedFiles: ["b.js"] });
      expect([...new Set(scan.findings.map((f) => f.location?.path))]).toEqual(["b.js"]);
      expect(scan.findings.map((f) => f.ruleId).sort()).toEqual(["sast/js-eval-dynamic", "sast/semgrep/fake.eval-detected"]);
      const call = JSON.parse(readFileSync(fake.log, "utf8").trim()) as { argv: string[] };
      expect(call.argv.slice(-2)).toEqual(["--", "b.js"]);
      expect(call.argv[call.argv.indexOf("--config") + 1]).toBe(join(root, ".semgrep.yml"));
    } finally {
      removeDir(root);
      removeDir(fake.dir);
    }
  });

  test("new-only against a real git history, for built-in rules and semgrep alike", async () => {
    const root = gitRepo({ "src/old.js": "export const f = (s) => eval(s);\n", "src/app.js": "export function a(x) {\n  return eval(x);\n}\n" });
    const fake = pathWithFakeSemgrep();
    try {
      const base = git(root, "rev-parse", "HEAD").trim();
      writeTree(root, { "src/app.js": "// moved down\n\nexport function a(x) {\n  return eval(x);\n}\nexport const t = (y) => eval(y);\n" });
      commitAll(root, "change");
      const { scan, verdict } = await runGateDirect(gate, { root, base, env: { PATH: fake.path }, options: { "new-only": true } });
      const state = scan.findings.map((f) => `${f.location?.path}:${f.location?.startLine} ${f.ruleId} ${String(f.properties?.baselineState)}`).sort();
      expect(state).toEqual(
        [
          "src/app.js:4 sast/js-eval-dynamic unchanged",
          "src/app.js:4 sast/semgrep/fake.eval-detected unchanged",
          "src/app.js:6 sast/js-eval-dynamic new",
          "src/app.js:6 sast/semgrep/fake.eval-detected new",
          "src/old.js:1 sast/js-eval-dynamic unchanged",
          "src/old.js:1 sast/semgrep/fake.eval-detected unchanged",
        ].sort(),
      );
      expect(scan.findings.filter((f) => f.suppression?.kind === "baseline")).toHaveLength(4);
      expect(verdict?.status).toBe("failed");

      // The same history with the new eval removed again: nothing new, the gate passes.
      writeTree(root, { "src/app.js": "// moved down\n\nexport function a(x) {\n  return eval(x);\n}\n" });
      commitAll(root, "revert the new eval");
      const clean = await runGateDirect(gate, { root, base, env: { PATH: fake.path }, options: { "new-only": true } });
      expect(clean.verdict?.status).toBe("passed");
    } finally {
      removeDir(root);
      removeDir(fake.dir);
    }
  });
});
