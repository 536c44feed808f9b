// The secrets gate end to end on real git repositories: what it reports, what it skips and says
// it skipped, --changed, history, lockfiles, dedup by secret hash, and the verdict.
import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gate } from "../../../src/gates/secrets/index.js";
import { commitAll, git, gitRepo, removeDir, tempDir, writeTree } from "../../helpers/tmp.js";
import { runGateDirect } from "../../helpers/gate-context.js";
import { fake } from "./fake.js";

const dirs: string[] = [];
const repo = (files: Record<string, string | Uint8Array>) => {
  const root = gitRepo(files, "tollgate-secrets-");
  dirs.push(root);
  return root;
};
afterAll(() => dirs.forEach(removeDir));

describe("secrets gate", () => {
  it("reports planted secrets with their location, redacted, once per secret per file", async () => {
    const pat = fake.githubPat();
    const root = repo({
      "src/config.ts": `export const config = {\n  region: "eu-west-1",\n  github: "${pat}",\n};\n`,
      "deploy/.env": `AWS_ACCESS_KEY_ID=${fake.awsKeyId()}\nAWS_SECRET_ACCESS_KEY=${fake.awsSecret()}\n`,
      "scripts/a.sh": `curl -H "Authorization: token ${pat}" https://api.github.com\necho again ${pat}\n`,
      "README.md": "# demo\nNothing to see here.\n",
    });
    const { scan, verdict } = await runGateDirect(gate, { root, options: { "fail-on": "high" } });
    const summary = scan.findings.map((f) => `${f.ruleId} ${f.location?.path}:${f.location?.startLine}:${f.location?.startColumn}`);
    expect(summary).toEqual([
      "secrets/aws-access-key-id deploy/.env:1:19",
      "secrets/aws-secret-access-key deploy/.env:2:23",
      "secrets/github-pat-classic scripts/a.sh:1:31",
      "secrets/github-pat-classic src/config.ts:3:12",
    ]);
    const inScript = scan.findings.find((f) => f.location?.path === "scripts/a.sh");
    expect(inScript?.properties?.occurrences).toBe(2);
    expect(inScript?.location?.endColumn).toBe(31 + pat.length);
    for (const f of scan.findings) {
      expect(JSON.stringify(f)).not.toContain(pat);
      expect(f.message).toContain(String(f.properties?.redacted));
    }
    expect(inScript?.properties?.redacted).toBe(`ghp_…(40 chars)`);
    expect(verdict?.status).toBe("failed");
    expect(scan.metrics.files).toBe(4);
    expect(scan.metrics.secrets).toBe(4);
  });

  it("gives the same fingerprint when the secret moves lines, and a different one for another secret", async () => {
    const a = repo({ "app.py": `TOKEN = "${fake.githubPat(7)}"\n` });
    const b = repo({ "app.py": `\n\n\nimport os\nTOKEN = "${fake.githubPat(7)}"\n` });
    const c = repo({ "app.py": `TOKEN = "${fake.githubPat(8)}"\n` });
    const fp = async (root: string) => (await runGateDirect(gate, { root })).scan.findings.map((f) => f.fingerprint);
    const [fa, fb, fc] = [await fp(a), await fp(b), await fp(c)];
    expect(fa).toHaveLength(1);
    expect(fb).toEqual(fa);
    expect(fc).not.toEqual(fa);
  });

  it("respects .gitignore, include and exclude", async () => {
    const root = repo({
      ".gitignore": "secrets.local\n",
      "app/main.js": `const k = "${fake.stripeLive()}";\n`,
      "docs/howto.md": `Use ${fake.npm()} to publish.\n`,
    });
    writeTree(root, { "secrets.local": `TOKEN=${fake.githubPat(9)}\n` });
    const all = await runGateDirect(gate, { root });
    expect(all.scan.findings.map((f) => f.location?.path).sort()).toEqual(["app/main.js", "docs/howto.md"]);
    const excluded = await runGateDirect(gate, { root, options: { exclude: ["docs/**"] } });
    expect(excluded.scan.findings.map((f) => f.location?.path)).toEqual(["app/main.js"]);
    const included = await runGateDirect(gate, { root, options: { include: ["docs/**"] } });
    expect(included.scan.findings.map((f) => f.location?.path)).toEqual(["docs/howto.md"]);
  });

  it("skips binary and oversized files and says how many", async () => {
    const binary = Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`key ${fake.githubPat(10)}`)]);
    const root = repo({
      "img/logo.png": binary,
      "data/big.txt": `${"x".repeat(3000)}\n${fake.githubPat(11)}\n`,
      "ok.txt": "hello\n",
    });
    const { scan, verdict } = await runGateDirect(gate, { root, options: { "max-file-size": "2KB" } });
    expect(scan.findings).toEqual([]);
    expect(scan.metrics.filesSkippedBinary).toBe(1);
    expect(scan.metrics.filesSkippedOversize).toBe(1);
    expect(scan.notes).toEqual(["1 file skipped: binary", "1 file skipped: larger than 2 KB (max-file-size)"]);
    expect(verdict?.status).toBe("passed");
    const bigger = await runGateDirect(gate, { root, options: { "max-file-size": 1_000_000 } });
    expect(bigger.scan.findings.map((f) => f.location?.path)).toEqual(["data/big.txt"]);
  });

  it("scans only the changed files with --changed", async () => {
    const root = repo({ "old.txt": `token ${fake.githubPat(12)}\n`, "new.txt": `key ${fake.npm(13)}\n` });
    const { scan } = await runGateDirect(gate, { root, changedFiles: ["new.txt"] });
    expect(scan.findings.map((f) => f.location?.path)).toEqual(["new.txt"]);
    const none = await runGateDirect(gate, { root, changedFiles: [] });
    expect(none.scan.skipped).toBe("no changed files to scan for secrets");
  });

  it("does not report lockfile integrity hashes and checksums", async () => {
    const dir = join(process.cwd(), "tests/fixtures/secrets/lockfiles");
    const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(5);
    const { scan } = await runGateDirect(gate, { root: repo(files) });
    expect(scan.findings).toEqual([]);
  });

  it("ignores placeholders and obvious fakes", async () => {
    const root = repo({
      "docs/setup.md": [
        "export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
        "password: ${DB_PASSWORD}",
        'api_key = "<your-api-key>"',
        "STRIPE_KEY=sk_live_" + "0".repeat(24),
        'secret = "changeme"',
      ].join("\n"),
    });
    const { scan } = await runGateDirect(gate, { root });
    expect(scan.findings.map((f) => f.ruleId)).toEqual([]);
  });

  it("finds a secret that only the history still holds, with commit, path and line", async () => {
    const root = repo({ "app.js": "console.log('hi');\n" });
    const leaked = fake.githubPat(14);
    writeTree(root, { "app.js": `console.log('hi');\nconst t = "${leaked}";\n` });
    const leakCommit = commitAll(root, "add token");
    writeTree(root, { "app.js": "console.log('hi');\nconst t = process.env.TOKEN;\n" });
    commitAll(root, "remove token");
    const now = await runGateDirect(gate, { root });
    expect(now.scan.findings).toEqual([]);
    const past = await runGateDirect(gate, { root, options: { history: true } });
    expect(past.scan.findings).toHaveLength(1);
    const f = past.scan.findings[0];
    expect(f?.ruleId).toBe("secrets/github-pat-classic");
    expect(f?.location).toMatchObject({ path: "app.js", startLine: 2, startColumn: 12 });
    expect(f?.properties?.commit).toBe(leakCommit);
    expect(f?.message).toContain(leakCommit.slice(0, 12));
    expect(JSON.stringify(past.scan)).not.toContain(leaked);
    expect(past.scan.metrics.commits).toBe(3);
    // A range that excludes the leaking commit finds nothing.
    const ranged = await runGateDirect(gate, { root, options: { history: true, "history-range": `${leakCommit}..HEAD` } });
    expect(ranged.scan.findings).toEqual([]);
    expect(ranged.scan.metrics.commits).toBe(1);
  });

  it("with --changed, scans only the history since the base", async () => {
    const root = repo({ "a.txt": "start\n" });
    writeTree(root, { "old.js": `const t = "${fake.githubPat(16)}";\n` });
    commitAll(root, "old leak");
    writeTree(root, { "old.js": "const t = process.env.T;\n" });
    const base = commitAll(root, "fix");
    writeTree(root, { "new.js": `const t = "${fake.npm(17)}";\n` });
    commitAll(root, "new leak");
    writeTree(root, { "new.js": "const t = process.env.T;\n" });
    commitAll(root, "fix again");
    const { scan } = await runGateDirect(gate, { root, options: { history: true }, changedFiles: ["new.js"], base });
    expect(scan.findings.map((f) => [f.ruleId, f.location?.path])).toEqual([["secrets/npm-access-token", "new.js"]]);
    expect(scan.metrics.commits).toBe(2);
  });

  it("keeps one finding when the current files and the history hold the same secret", async () => {
    const root = repo({ "a.txt": `k ${fake.npm(15)}\n` });
    const first = git(root, "rev-parse", "HEAD").trim();
    writeTree(root, { "b.txt": "more\n" });
    commitAll(root, "more");
    const { scan } = await runGateDirect(gate, { root, options: { history: true } });
    expect(scan.findings).toHaveLength(1);
    expect(scan.findings[0]?.properties?.introducedIn).toBe(first);
    expect(scan.findings[0]?.location?.startLine).toBe(1);
  });

  it("fails, not passes, when history is asked for but cannot be read", async () => {
    const plain = tempDir("tollgate-secrets-nogit-");
    dirs.push(plain);
    writeTree(plain, { "a.txt": "hello\n" });
    const { scan, verdict } = await runGateDirect(gate, { root: plain, options: { history: true } });
    expect(scan.findings.map((f) => f.ruleId)).toEqual(["secrets/history-unavailable"]);
    expect(verdict?.status).toBe("failed");
    const bad = await runGateDirect(gate, { root: repo({ "a.txt": "x\n" }), options: { history: true, "history-range": "no-such-ref..HEAD" } });
    expect(bad.scan.findings.map((f) => f.ruleId)).toEqual(["secrets/history-unavailable"]);
  });

  it("is skipped with nothing to scan, and fails when explicit include globs match nothing", async () => {
    const empty = repo({});
    const skipped = await runGateDirect(gate, { root: empty });
    expect(skipped.scan.skipped).toMatch(/no files to scan/);
    const noMatch = await runGateDirect(gate, { root: repo({ "a.txt": "x\n" }), options: { include: ["config/**/*.yml"] } });
    expect(noMatch.scan.findings.map((f) => f.ruleId)).toEqual(["secrets/no-input"]);
    expect(noMatch.verdict?.status).toBe("failed");
  });

  it("decides by fail-on: a low-severity secret warns under fail-on high", async () => {
    const root = repo({ "pay.rb": `Stripe.api_key = "sk_test_${"4eC39HqLyjWDarjtT1zdp7dcX".split("").reverse().join("")}"\n` });
    const { scan, verdict } = await runGateDirect(gate, { root, options: { "fail-on": "high" } });
    expect(scan.findings.map((f) => [f.ruleId, f.severity])).toEqual([["secrets/stripe-test-secret-key", "low"]]);
    expect(verdict?.status).toBe("warned");
  });

  it("lists every rule plus its own scan rules in its catalogue", async () => {
    const rules = await gate.rules();
    expect(rules.length).toBeGreaterThanOrEqual(153);
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(["secrets/scan-timeout", "secrets/no-input", "secrets/history-unavailable", "secrets/aws-access-key-id"]));
    for (const r of rules) expect(r.remediation).toBeTruthy();
  });
});
