// The ast-sast scanner's file handling: disabled rules, generated/oversized files, fingerprints
// that survive moved code, and no source text in findings.
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { scanFiles, scanText } from "../../../src/scanners/ast-sast/index.js";
import { gate } from "../../../src/gates/sast/index.js";
import { runGateDirect } from "../../helpers/gate-context.js";
import { gitRepo, removeDir, tempDir } from "../../helpers/tmp.js";

const signal = new AbortController().signal;

describe("ast-sast scanner", () => {
  test("disabled rules, files over 1 MiB and unsupported files are left out", async () => {
    const root = gitRepo({
      "a.js": "eval(x);\nconst r = require(name);\n",
      "big.js": `eval(y);\n${"// padding\n".repeat(110_000)}`,
      "notes.txt": "eval(z)\n",
    });
    try {
      const result = await scanFiles({ files: ["a.js", "big.js", "notes.txt"], disabled: ["sast/js-non-literal-require"] }, { root, signal });
      expect(result.findings.map((f) => `${f.location?.path}:${f.location?.startLine} ${f.ruleId}`)).toEqual(["a.js:1 sast/js-eval-dynamic"]);
      expect(result.notes).toContain("1 file(s) over 1 MiB skipped (minified or generated code)");
      expect(result.metrics.files).toBe(1);
    } finally {
      removeDir(root);
    }
  });

  test("fingerprints do not change when code moves, and findings never carry the matched code", async () => {
    const secret = "jwt.sign(payload, 'hunter2-very-secret');";
    const one = gitRepo({ "a.js": `${secret}\n` });
    const two = gitRepo({ "a.js": `// header\n\nfunction unrelated() {}\n${secret}\n` });
    const empty = tempDir();
    try {
      const first = (await runGateDirect(gate, { root: one, env: { PATH: empty } })).scan.findings;
      const second = (await runGateDirect(gate, { root: two, env: { PATH: empty } })).scan.findings;
      expect(first.map((f) => f.ruleId)).toEqual(["sast/js-jwt-hardcoded-secret"]);
      expect(second.map((f) => f.fingerprint)).toEqual(first.map((f) => f.fingerprint));
      expect(second[0]?.location?.startLine).toBe(4);
      expect(JSON.stringify([first, second])).not.toContain("hunter2");
    } finally {
      removeDir(one);
      removeDir(two);
      removeDir(empty);
    }
  });
});

describe("ast-sast on arbitrary input", () => {
  test("any text in any supported language gives matches or nothing, never a crash", () => {
    const fragments = fc.constantFrom("eval(", "x", "`${", "}", "'", "\"", "(", ")", "{", "rejectUnauthorized: false", "\n", "shell=True", "f'{", "<div ", "/>", " ");
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 40 }), fc.constantFrom("a.js", "a.ts", "a.tsx", "a.py"), (parts, file) => {
        const matches = scanText(file, parts.join(""));
        expect(Array.isArray(matches)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
