// The pre-push hook end to end: a real repository, a real bare remote and real `git push`.
// The hook is installed by the built CLI (dist/cli.js) exactly as a user would.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { commitAll, git, GIT_ENV, gitRepo, removeDir, tempDir, writeTree } from "../helpers/tmp.js";

const CLI = resolve(import.meta.dirname, "../../dist/cli.js");
// Assembled at run time so that no credential-shaped literal sits in the repository.
const AWS_KEY_ID = ["AKIA", "Q7R2", "ZK4M", "W9XP", "3HTD"].join("");
const AWS_SECRET = ["wJa1rXUtnF", "EMI7K7MDEN", "GbPxRfiCYz", "Q8vK2m4Lp9"].join("");

const gitEnv = GIT_ENV;

function tollgate(cwd: string, ...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: gitEnv });
}

function push(cwd: string, ...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync("git", ["push", ...args], { cwd, encoding: "utf8", env: gitEnv });
  return { status: r.status, stderr: `${r.stdout}${r.stderr}` };
}

function remoteHead(bare: string, branch: string): string | undefined {
  const r = spawnSync("git", ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}`], { cwd: bare, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** A work repository with an origin bare remote that already has main. */
function setup(files: Record<string, string> = {}): { root: string; bare: string } {
  const bare = tempDir("tollgate-remote-");
  git(bare, "init", "-q", "--bare", "-b", "main");
  const root = gitRepo({ "README.md": "# app\n", "src/index.js": "export const a = 1;\n", ...files });
  git(root, "remote", "add", "origin", bare);
  git(root, "push", "-q", "--no-verify", "origin", "main");
  git(root, "fetch", "-q", "origin");
  return { root, bare };
}

describe("pre-push hook (real git push)", () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first");
  });
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  let repo: { root: string; bare: string };
  beforeAll(() => {
    repo = setup();
    dirs.push(repo.root, repo.bare);
    const out = tollgate(repo.root, "hook", "install");
    expect(out).toContain("pre-push hook installed at .git/hooks/pre-push");
  });

  it("lets a clean push through, scanning only the pushed change", () => {
    writeTree(repo.root, { "src/util.js": "export const twice = (x) => x * 2;\n" });
    const sha = commitAll(repo.root, "add util");
    const r = push(repo.root, "origin", "main");
    expect(r.stderr).toContain("tollgate pre-push: ✔ secrets passed (1 file changed since");
    expect(r.status).toBe(0);
    expect(remoteHead(repo.bare, "main")).toBe(sha);
  });

  it("blocks a push that adds a secret, without printing the secret", () => {
    const before = remoteHead(repo.bare, "main");
    writeTree(repo.root, { "src/aws.js": `export const config = {\n  accessKeyId: "${AWS_KEY_ID}",\n  secretAccessKey: "${AWS_SECRET}",\n};\n` });
    commitAll(repo.root, "add aws config");
    const r = push(repo.root, "origin", "main");
    expect(r.stderr).toContain("push blocked");
    expect(r.stderr).toContain("src/aws.js");
    expect(r.stderr).toContain("git push --no-verify");
    expect(r.stderr).not.toContain(AWS_KEY_ID);
    expect(r.stderr).not.toContain(AWS_SECRET);
    expect(r.status).not.toBe(0);
    expect(remoteHead(repo.bare, "main")).toBe(before);
    // take the commit back so later tests start clean
    git(repo.root, "reset", "-q", "--hard", "HEAD~1");
  });

  it("does not block on unpushed work: an untracked file or an uncommitted edit", () => {
    writeTree(repo.root, { "notes.txt": `key ${AWS_KEY_ID}\n`, "src/index.js": `export const a = "${AWS_KEY_ID}";\n` });
    writeTree(repo.root, { "src/ok.js": "export const ok = true;\n" });
    git(repo.root, "add", "src/ok.js");
    git(repo.root, "commit", "-q", "-m", "ok", "--", "src/ok.js");
    const r = push(repo.root, "origin", "main");
    expect(r.stderr).toContain("tollgate pre-push: ✔ secrets passed (1 file changed since");
    expect(r.status).toBe(0);
    git(repo.root, "checkout", "-q", "--", "src/index.js");
    removeDir(join(repo.root, "notes.txt"));
    expect(git(repo.root, "worktree", "list").trim().split("\n")).toHaveLength(1);
  });

  it("scans a new branch from its merge-base with the remote's default branch", () => {
    git(repo.root, "checkout", "-q", "-b", "feature/docs");
    writeTree(repo.root, { "docs/a.md": "a\n", "docs/b.md": "b\n" });
    commitAll(repo.root, "docs");
    const mergeBase = git(repo.root, "merge-base", "HEAD", "origin/main").trim();
    const r = push(repo.root, "-u", "origin", "feature/docs");
    expect(r.stderr).toContain(`2 files changed since ${mergeBase.slice(0, 7)}`);
    expect(r.status).toBe(0);
    git(repo.root, "checkout", "-q", "main");
  });

  it("scans a pushed branch that is not checked out in a side worktree", () => {
    git(repo.root, "branch", "-q", "side", "main");
    git(repo.root, "checkout", "-q", "side");
    writeTree(repo.root, { "src/leak.js": `const id = "${AWS_KEY_ID}";\n` });
    commitAll(repo.root, "leak on side");
    git(repo.root, "checkout", "-q", "main");
    const r = push(repo.root, "origin", "side");
    expect(r.stderr).toContain("push blocked");
    expect(r.stderr).toContain("src/leak.js");
    expect(r.status).not.toBe(0);
    expect(remoteHead(repo.bare, "side")).toBeUndefined();
    expect(git(repo.root, "worktree", "list").trim().split("\n")).toHaveLength(1);
  });

  it("runs the gates the policy lists under settings.hook.gates", () => {
    const r0 = setup({
      ".tollgate.yml": "version: 1\nextends: none\nsettings:\n  hook: { gates: [lint] }\ngates:\n  lint: { eslint: false, sarif: [\"reports/*.sarif\"], fail-on: high }\n",
      "reports/lint.sarif": JSON.stringify({ version: "2.1.0", runs: [{ tool: { driver: { name: "fakelint" } }, results: [] }] }),
    });
    dirs.push(r0.root, r0.bare);
    tollgate(r0.root, "hook", "install");
    const bad = {
      version: "2.1.0",
      runs: [{ tool: { driver: { name: "fakelint" } }, results: [{ ruleId: "no-bad", level: "error", message: { text: "bad" }, locations: [{ physicalLocation: { artifactLocation: { uri: "src/index.js" }, region: { startLine: 1 } } }] }] }],
    };
    writeTree(r0.root, { "reports/lint.sarif": JSON.stringify(bad) });
    commitAll(r0.root, "lint error");
    const r = push(r0.root, "origin", "main");
    expect(r.stderr).toContain("push blocked — lint failed");
    expect(r.stderr).toContain("lint/fakelint/no-bad");
    expect(r.status).not.toBe(0);
    // the same check through the pre-commit framework: no stdin, the range in PRE_COMMIT_* variables
    const viaPreCommit = spawnSync(process.execPath, [CLI, "hook", "run", "pre-push"], {
      cwd: r0.root,
      input: "",
      encoding: "utf8",
      env: { ...gitEnv, PRE_COMMIT_REMOTE_NAME: "origin", PRE_COMMIT_FROM_REF: git(r0.root, "rev-parse", "origin/main").trim(), PRE_COMMIT_TO_REF: git(r0.root, "rev-parse", "HEAD").trim() },
    });
    expect(viaPreCommit.stderr).toContain("push blocked — lint failed");
    expect(viaPreCommit.status).toBe(1);
  });

  it("chains an existing hook, passes it the same stdin, and restores it on uninstall", () => {
    const r0 = setup();
    dirs.push(r0.root, r0.bare);
    const log = join(r0.root, "..", `chained-${Date.now()}.log`);
    const hook = join(r0.root, ".git/hooks/pre-push");
    writeFileSync(hook, `#!/bin/sh\necho "remote=$1" > "${log}"\ncat >> "${log}"\n`);
    chmodSync(hook, 0o755);
    const out = tollgate(r0.root, "hook", "install");
    expect(out).toContain("the pre-push hook that was there now runs first");
    expect(readFileSync(`${hook}.tollgate-chained`, "utf8")).toContain("cat >>");
    writeTree(r0.root, { "x.txt": "x\n" });
    const sha = commitAll(r0.root, "x");
    const r = push(r0.root, "origin", "main");
    expect(r.status).toBe(0);
    const seen = readFileSync(log, "utf8");
    expect(seen).toContain("remote=origin");
    expect(seen).toContain(`refs/heads/main ${sha} refs/heads/main`);
    expect(tollgate(r0.root, "hook", "uninstall")).toContain("(the previous hook is back)");
    expect(readFileSync(hook, "utf8")).toContain("cat >>");
    expect(existsSync(`${hook}.tollgate-chained`)).toBe(false);
    removeDir(log);
  });

  it("an existing hook that fails still blocks the push", () => {
    const r0 = setup();
    dirs.push(r0.root, r0.bare);
    const hook = join(r0.root, ".git/hooks/pre-push");
    writeFileSync(hook, "#!/bin/sh\necho 'old hook says no' >&2\nexit 3\n");
    chmodSync(hook, 0o755);
    tollgate(r0.root, "hook", "install");
    writeTree(r0.root, { "y.txt": "y\n" });
    commitAll(r0.root, "y");
    const r = push(r0.root, "origin", "main");
    expect(r.stderr).toContain("old hook says no");
    expect(r.status).not.toBe(0);
  });

  it("respects core.hooksPath", () => {
    const r0 = setup();
    dirs.push(r0.root, r0.bare);
    git(r0.root, "config", "core.hooksPath", ".githooks");
    expect(tollgate(r0.root, "hook", "install")).toContain("installed at .githooks/pre-push");
    writeTree(r0.root, { "z.txt": "z\n" });
    commitAll(r0.root, "z");
    const r = push(r0.root, "origin", "main");
    expect(r.stderr).toContain("tollgate pre-push: ✔");
    expect(r.status).toBe(0);
    expect(tollgate(r0.root, "hook", "uninstall")).toContain("removed from .githooks/pre-push");
    expect(existsSync(join(r0.root, ".githooks/pre-push"))).toBe(false);
  });

  it("adds itself to husky's pre-push script and leaves the rest alone", () => {
    const r0 = setup({ ".husky/pre-push": "npm test\n" });
    dirs.push(r0.root, r0.bare);
    git(r0.root, "config", "core.hooksPath", ".husky/_");
    expect(tollgate(r0.root, "hook", "install")).toContain("installed at .husky/pre-push (added to husky's pre-push script)");
    const script = readFileSync(join(r0.root, ".husky/pre-push"), "utf8");
    expect(script.startsWith("npm test\n# >>> tollgate pre-push >>>")).toBe(true);
    expect(script).toContain(`'${CLI}' hook run pre-push "$@" || exit $?`);
    expect(tollgate(r0.root, "hook", "install")).toContain("updated");
    expect(readFileSync(join(r0.root, ".husky/pre-push"), "utf8").match(/>>> tollgate/g)).toHaveLength(1);
    tollgate(r0.root, "hook", "uninstall");
    expect(readFileSync(join(r0.root, ".husky/pre-push"), "utf8")).toBe("npm test\n");
  });
});
