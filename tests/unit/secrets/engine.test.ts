// The engine's contract: positions, redaction and hashes of findSecretsInText, the per-file time
// budget, the worker pool (the real worker module, bundled as a release would), and robustness.
import { afterAll, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import fc from "fast-check";
import { gate } from "../../../src/gates/secrets/index.js";
import { SecretEngine } from "../../../src/scanners/secrets/engine.js";
import { RULES, defaultEngine, findSecretsInText, scanFiles } from "../../../src/scanners/secrets/index.js";
import { isLockfile, isPlaceholder, shannonEntropy } from "../../../src/scanners/secrets/noise.js";
import { runGateDirect } from "../../helpers/gate-context.js";
import { removeDir, tempDir, writeTree } from "../../helpers/tmp.js";
import { fake, randomChars } from "./fake.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe("findSecretsInText", () => {
  it("gives 1-based line and column, end position, redacted value and the sha256 of the secret", () => {
    const pat = fake.githubPat(21);
    const text = `line one\n\tconst a = 1; const tok = '${pat}';\nlast`;
    const hits = findSecretsInText(text, "src/a.ts");
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit).toEqual({
      ruleId: "secrets/github-pat-classic",
      severity: "critical",
      title: "GitHub personal access token (classic)",
      line: 2,
      column: 28,
      endLine: 2,
      endColumn: 28 + pat.length,
      redacted: `ghp_…(${pat.length} chars)`,
      hash: createHash("sha256").update(pat).digest("hex"),
    });
    expect(JSON.stringify(hits)).not.toContain(pat.slice(4));
  });

  it("spans lines for a PEM private key", () => {
    const body = Array.from({ length: 5 }, (_, i) => randomChars(100 + i, 64, "b64")).join("\n");
    const text = `key: |\n  -----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n`;
    const [hit] = findSecretsInText(text);
    expect(hit?.ruleId).toBe("secrets/private-key-rsa");
    expect(hit?.line).toBe(2);
    expect(hit?.column).toBe(3);
    expect(hit?.endLine).toBeGreaterThan(2);
  });

  it("finds nothing in ordinary code and is stable under any input", () => {
    expect(findSecretsInText("export function add(a: number, b: number) { return a + b; }\n")).toEqual([]);
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 60 }), (prefix, suffix) => {
        const text = `${prefix}${fake.npm(31)}${suffix}`;
        const hits = findSecretsInText(text);
        for (const h of hits) {
          expect(h.line).toBeGreaterThanOrEqual(1);
          expect(h.column).toBeGreaterThanOrEqual(1);
          expect(h.redacted).toMatch(/^.{0,4}…\(\d+ chars\)$/su);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps small texts fast (the contract other gates rely on)", () => {
    const env = { PATH: "/usr/bin", HOME: "/home/app", NODE_ENV: "production", API_TOKEN: fake.githubPat(22) };
    const t = performance.now();
    let count = 0;
    for (let i = 0; i < 400; i++) for (const [k, v] of Object.entries(env)) count += findSecretsInText(`${k}=${v}`).length;
    expect(count).toBe(400);
    // A loose bound (a shared CI machine is noisy): it catches a regression to milliseconds per call.
    expect(performance.now() - t).toBeLessThan(8000);
  });
});

describe("noise helpers", () => {
  it("tells placeholders from random values", () => {
    for (const p of ["EXAMPLEKEY123456", "xxxxxxxxxxxxxxxx", "${API_TOKEN}", "<your-key>", "changeme", "aaaaaaaaaaaa", "abcdefghijkl", "{{ .Values.token }}"]) {
      expect(isPlaceholder(p)).toBe(true);
    }
    expect(isPlaceholder(randomChars(41, 32))).toBe(false);
    // Numeric ids with a run in them, and mixed-case documentation-style bodies, are still real.
    expect(isPlaceholder(`1234567890-1234567890123-${randomChars(43, 24)}`)).toBe(false);
    expect(isPlaceholder("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789")).toBe(false);
    expect(isPlaceholder("1234567890abcdefghijklmnopqrstuvwxyz")).toBe(true);
    // Generic values are held to more: stand-in words and keyboard runs are noise there.
    expect(isPlaceholder("password123", true)).toBe(true);
    expect(isPlaceholder("P@ssw0rd-Kx9!", true)).toBe(false);
    expect(isPlaceholder("admin_dev_123", true)).toBe(true);
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy(randomChars(42, 64))).toBeGreaterThan(4.5);
    expect(isLockfile("web/package-lock.json")).toBe(true);
    expect(isLockfile("src/lock.ts")).toBe(false);
  });
});

describe("time budget", () => {
  it("stops a file that exceeds its budget, and the gate reports it instead of hanging", async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `password_${i} = "${randomChars(i, 12)}"`).join("\n");
    const engine = new SecretEngine(RULES);
    const late = engine.scan(lines, { deadline: performance.now() - 1 });
    expect(late.timedOut).toBe(true);
    expect(engine.scan(lines).timedOut).toBe(false);

    const root = tempDir("tollgate-secrets-budget-");
    dirs.push(root);
    writeTree(root, { "gen/huge.py": lines, "ok.txt": "fine\n" });
    const { scan } = await runGateDirect(gate, { root, options: { "file-timeout": 0 } });
    expect(scan.findings.filter((f) => f.ruleId === "secrets/scan-timeout").map((f) => f.location?.path)).toEqual(["gen/huge.py"]);
    expect(scan.metrics.filesTimedOut).toBe(1);
    expect(scan.notes).toContain("1 file not fully scanned: over the 0 ms file-timeout");
  });

  it("keeps adversarial input linear: a megabyte of keywords scans in well under a second per rule window", () => {
    const text = "ghp_ AKIA xoxb- sk_live_ password=\"a token: secret eyJ -----BEGIN PRIVATE KEY-----".repeat(12_000);
    const t = performance.now();
    defaultEngine().scan(text);
    expect(performance.now() - t).toBeLessThan(15_000);
  });
});

describe("worker pool", () => {
  it("spreads a large tree over worker threads with the same results as one thread", async () => {
    const out = tempDir("tollgate-secrets-worker-");
    dirs.push(out);
    const workerFile = join(out, "secrets-worker.mjs");
    await build({ entryPoints: ["src/scanners/secrets/worker.ts"], bundle: true, platform: "node", format: "esm", outfile: workerFile, logLevel: "error" });
    const root = tempDir("tollgate-secrets-tree-");
    dirs.push(root);
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) {
      files[`pkg${i % 7}/mod${i}.js`] = `// module ${i}\nexport const v${i} = ${i};\n${i % 50 === 0 ? `const t = "${fake.githubPat(i + 1)}";\n` : ""}`;
    }
    files["bin/blob.bin"] = "\u0000\u0001binary";
    writeTree(root, files);
    const list = Object.keys(files).sort();
    const settings = { maxFileSize: 1024 * 1024, fileTimeBudgetMs: 10_000 };
    const single = await scanFiles({ root, files: list, ...settings, threads: 1 });
    const pooled = await scanFiles({ root, files: list, ...settings, threads: 2, graceMs: 0, workerUrl: pathToFileURL(workerFile) });
    expect(single.threads).toBe(0);
    expect(pooled.threads).toBe(2);
    expect(pooled.results).toEqual(single.results);
    expect(pooled.results.flatMap((r) => r.hits)).toHaveLength(8);
    expect(pooled.results.filter((r) => r.skipped === "binary")).toHaveLength(1);
  });

  it("never waits on a worker that does not answer, and survives one that crashes", async () => {
    const out = tempDir("tollgate-secrets-badworker-");
    dirs.push(out);
    writeTree(out, {
      "silent.mjs": 'import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => {});\n',
      "crash.mjs": 'throw new Error("boom");\n',
    });
    const root = tempDir("tollgate-secrets-tree2-");
    dirs.push(root);
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`f${i}.txt`] = i === 150 ? `t=${fake.githubPat(500)}\n` : `line ${i}\n`;
    writeTree(root, files);
    const list = Object.keys(files).sort();
    const settings = { maxFileSize: 1024 * 1024, fileTimeBudgetMs: 10_000 };
    for (const worker of ["silent.mjs", "crash.mjs"]) {
      const t = performance.now();
      const r = await scanFiles({ root, files: list, ...settings, threads: 2, workerUrl: pathToFileURL(join(out, worker)) });
      expect(r.results).toHaveLength(300);
      expect(r.results.flatMap((x) => x.hits)).toHaveLength(1);
      expect(performance.now() - t).toBeLessThan(10_000);
    }
  });

  it("stops on abort", async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await scanFiles({ root: ".", files: ["a", "b"], maxFileSize: 10, fileTimeBudgetMs: 10, signal: controller.signal });
    expect(result.aborted).toBe(true);
    expect(result.results).toEqual([]);
  });
});

describe("scanner", () => {
  it("turns texts into findings keyed by the secret hash, redacted", async () => {
    const { scanner } = await import("../../../src/scanners/secrets/index.js");
    const pat = fake.githubPat(600);
    const ctx = { root: ".", signal: new AbortController().signal, log: { info: () => undefined, warn: () => undefined, output: () => undefined } };
    const result = await scanner.scan({ texts: { "env:API_TOKEN": `API_TOKEN=${pat}`, "label:note": "nothing here" } }, ctx);
    expect(result.metrics.secrets).toBe(1);
    expect(result.findings.map((f) => [f.ruleId, f.location?.path])).toEqual([["secrets/github-pat-classic", "env:API_TOKEN"]]);
    expect(JSON.stringify(result)).not.toContain(pat);
  });
});
