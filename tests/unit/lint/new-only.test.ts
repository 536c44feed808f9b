// "new-only" against a real git history: old problems are kept but marked, new ones fail,
// even when the new one sits on an untouched line and an old one on an edited line.
import { describe, expect, test } from "@jest/globals";
import { gate } from "../../../src/gates/lint/index.js";
import { runGateDirect } from "../../helpers/gate-context.js";
import { commitAll, git, gitRepo, removeDir, writeTree } from "../../helpers/tmp.js";

const BASE_A = [
  "const unused = 1;", // old no-unused-vars, its line gets edited by the change
  "export function total(items) {",
  "  let sum = 0;",
  "  for (const item of items) sum += helper(item);",
  "  return sum;",
  "}",
  "function helper(item) {",
  "  return item.price;",
  "}",
  "",
].join("\n");

// The change: lines added on top (everything moves), the old line edited elsewhere, helper deleted
// (so an untouched line now calls an undefined function), and a new unused variable.
const HEAD_A = [
  "// Totals for the basket page.",
  "",
  "const unused = 1; // still here",
  "export function total(items) {",
  "  let sum = 0;",
  "  for (const item of items) sum += helper(item);",
  "  return sum;",
  "}",
  "const forgotten = 2;",
  "",
].join("\n");

describe("lint gate: new-only", () => {
  test("only findings absent at the base commit fail the gate; the others are kept and marked", async () => {
    const root = gitRepo({ "src/a.js": BASE_A, "src/old.js": "var old = 1;\n", "src/b.js": "export const b = 1;\n" });
    try {
      const base = git(root, "rev-parse", "HEAD").trim();
      git(root, "checkout", "-q", "-b", "feature");
      writeTree(root, { "src/a.js": HEAD_A, "src/new.js": "export const n = () => { const wasted = 1; };\n" });
      commitAll(root, "feature work");

      const { scan, verdict } = await runGateDirect(gate, { root, options: { "new-only": true } });
      const state = (id: string, path: string) =>
        scan.findings.filter((f) => f.ruleId === id && f.location?.path === path).map((f) => [f.location?.startLine, f.properties?.baselineState, f.suppression?.kind ?? "active"]);

      expect(state("lint/eslint/no-unused-vars", "src/a.js")).toEqual([
        [3, "unchanged", "baseline"],
        [9, "new", "active"],
      ]);
      // Untouched line 6 ("... helper(item)") is newly broken because helper was deleted.
      expect(state("lint/eslint/no-undef", "src/a.js")).toEqual([[6, "new", "active"]]);
      // A file the change did not touch: its problem existed at base.
      expect(state("lint/eslint/no-unused-vars", "src/old.js")).toEqual([[1, "unchanged", "baseline"]]);
      // A file the change added: everything in it is new.
      expect(state("lint/eslint/no-unused-vars", "src/new.js")).toEqual([[1, "new", "active"]]);

      const baseline = scan.findings.find((f) => f.suppression?.kind === "baseline");
      expect(baseline?.suppression?.reason).toBe(`present at base ${base.slice(0, 12)}`);
      expect(scan.metrics.new).toBe(3);
      expect(scan.metrics.unchanged).toBe(2);
      expect(verdict?.status).toBe("failed");

      // Without new-only every finding counts.
      const all = await runGateDirect(gate, { root });
      expect(all.scan.findings.filter((f) => !f.suppression)).toHaveLength(5);
    } finally {
      removeDir(root);
    }
  });

  test("a change that only moves old problems passes; --base and --changed are honoured", async () => {
    const root = gitRepo({ "src/a.js": "const old = 1;\nexport const x = 2;\n" });
    try {
      const base = git(root, "rev-parse", "HEAD").trim();
      writeTree(root, { "src/a.js": "export const y = 3;\n\n\nconst old = 1;\nexport const x = 2;\n" });
      commitAll(root, "move");
      writeTree(root, { "src/c.js": "const fresh = 1;\n" });
      commitAll(root, "add c");

      const moved = await runGateDirect(gate, { root, base, changedFiles: ["src/a.js"], options: { "new-only": true } });
      expect(moved.scan.findings.map((f) => [f.location?.startLine, f.properties?.baselineState])).toEqual([[4, "unchanged"]]);
      expect(moved.verdict?.status).toBe("passed");

      const withNew = await runGateDirect(gate, { root, base, options: { "new-only": true } });
      expect(withNew.verdict?.status).toBe("failed");
      expect(withNew.scan.findings.filter((f) => f.properties?.baselineState === "new").map((f) => f.location?.path)).toEqual(["src/c.js"]);
    } finally {
      removeDir(root);
    }
  });

  test("imported reports: a finding counts as new when its line was added or edited by the change", async () => {
    const root = gitRepo({ "run.sh": "#!/bin/sh\necho $1\n" });
    try {
      writeTree(root, { "run.sh": "#!/bin/sh\necho $1\nrm -rf $2\n" });
      commitAll(root, "more script");
      const { scan, verdict } = await runGateDirect(gate, {
        root,
        options: { eslint: false, "new-only": true, "fail-on": "low", commands: [{ name: "shellcheck", run: "shellcheck -f checkstyle run.sh", format: "checkstyle" }] },
      });
      expect(scan.findings.map((f) => [f.location?.startLine, f.properties?.baselineState])).toEqual([
        [2, "unchanged"],
        [3, "new"],
      ]);
      expect(verdict?.status).toBe("failed");
    } finally {
      removeDir(root);
    }
  });
});
