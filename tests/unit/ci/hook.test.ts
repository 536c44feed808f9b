import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync, statSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { hookScript, hookTarget, huskyBlock, installHook, uninstallHook } from "../../../src/ci/hook/install.js";
import { parsePrePushInput, pushRanges, remoteDefaultBranch, updatesFromPreCommitEnv } from "../../../src/ci/hook/pre-push.js";
import { commitAll, git, gitRepo, removeDir, tempDir, writeTree } from "../../helpers/tmp.js";

const Z = "0".repeat(40);
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function repoWithRemote(): { root: string; bare: string } {
  const bare = tempDir("tollgate-remote-");
  git(bare, "init", "-q", "--bare", "-b", "main");
  const root = gitRepo({ "a.txt": "a\n" });
  git(root, "remote", "add", "origin", bare);
  git(root, "push", "-q", "origin", "main");
  git(root, "fetch", "-q", "origin");
  dirs.push(root, bare);
  return { root, bare };
}

describe("pre-push input", () => {
  it("parses githooks(5) lines and ignores anything else", () => {
    const a = "a".repeat(40);
    const b = "b".repeat(40);
    expect(parsePrePushInput(`refs/heads/main ${a} refs/heads/main ${b}\n\nrefs/heads/x ${Z} refs/heads/x ${a}\ngarbage line\n`)).toEqual([
      { localRef: "refs/heads/main", localSha: a, remoteRef: "refs/heads/main", remoteSha: b },
      { localRef: "refs/heads/x", localSha: Z, remoteRef: "refs/heads/x", remoteSha: a },
    ]);
    expect(parsePrePushInput("")).toEqual([]);
    expect(parsePrePushInput("refs/heads/main nothex refs/heads/main nothex")).toEqual([]);
  });

  it("reads the pre-commit framework's variables when there is no stdin", () => {
    expect(updatesFromPreCommitEnv({ PRE_COMMIT_FROM_REF: "f".repeat(40), PRE_COMMIT_TO_REF: "e".repeat(40), PRE_COMMIT_REMOTE_BRANCH: "refs/heads/main" })).toEqual([
      { localRef: "HEAD", localSha: "e".repeat(40), remoteRef: "refs/heads/main", remoteSha: "f".repeat(40) },
    ]);
    expect(updatesFromPreCommitEnv({})).toEqual([]);
    expect(updatesFromPreCommitEnv({ PRE_COMMIT_REMOTE_NAME: "origin" }, "d".repeat(40))).toEqual([
      { localRef: "HEAD", localSha: "d".repeat(40), remoteRef: "", remoteSha: Z },
    ]);
  });
});

describe("push ranges", () => {
  it("uses the remote's old commit for an existing branch and skips deletions", async () => {
    const { root } = repoWithRemote();
    const old = git(root, "rev-parse", "HEAD").trim();
    const head = commitAll(root, "more");
    expect(await pushRanges(root, "origin", [{ localRef: "refs/heads/main", localSha: head, remoteRef: "refs/heads/main", remoteSha: old }])).toEqual([
      { head, base: old, ref: "refs/heads/main" },
    ]);
    expect(await pushRanges(root, "origin", [{ localRef: "(delete)", localSha: Z, remoteRef: "refs/heads/gone", remoteSha: old }])).toEqual([]);
  });

  it("scans a new branch from its merge-base with the remote default branch", async () => {
    const { root } = repoWithRemote();
    const fork = git(root, "rev-parse", "HEAD").trim();
    git(root, "checkout", "-q", "-b", "topic");
    writeTree(root, { "b.txt": "b\n" });
    const head = commitAll(root, "topic work");
    expect(await remoteDefaultBranch(root, "origin")).toBe("refs/remotes/origin/main");
    expect(await pushRanges(root, "origin", [{ localRef: "refs/heads/topic", localSha: head, remoteRef: "refs/heads/topic", remoteSha: Z }])).toEqual([
      { head, base: fork, ref: "refs/heads/topic" },
    ]);
  });

  it("falls back to the first commit no remote knows, or the whole tree on a first push", async () => {
    const root = gitRepo({ "a.txt": "a\n" });
    dirs.push(root);
    const first = git(root, "rev-parse", "HEAD").trim();
    expect(await pushRanges(root, "origin", [{ localRef: "refs/heads/main", localSha: first, remoteRef: "refs/heads/main", remoteSha: Z }])).toEqual([
      { head: first, ref: "refs/heads/main" },
    ]);
    // a remote-tracking ref that is not the default branch: base is the parent of the first unknown commit
    git(root, "update-ref", "refs/remotes/origin/other", first);
    const second = commitAll(root, "second");
    const third = commitAll(root, "third");
    expect(await pushRanges(root, "origin", [{ localRef: "refs/heads/main", localSha: third, remoteRef: "refs/heads/new", remoteSha: Z }])).toEqual([
      { head: third, base: first, ref: "refs/heads/main" },
    ]);
    void second;
  });

  it("treats an unknown remote commit (not fetched) like a new branch", async () => {
    const { root } = repoWithRemote();
    const base = git(root, "rev-parse", "HEAD").trim();
    const head = commitAll(root, "x");
    expect(await pushRanges(root, "origin", [{ localRef: "refs/heads/main", localSha: head, remoteRef: "refs/heads/main", remoteSha: "c".repeat(40) }])).toEqual([
      { head, base, ref: "refs/heads/main" },
    ]);
  });
});

describe("hook install", () => {
  it("writes an executable script that keeps stdin for a chained hook", async () => {
    const root = gitRepo();
    dirs.push(root);
    const result = await installHook(root, "/opt/tollgate/dist/cli.js", "/usr/local/bin/node");
    expect(result).toEqual({ file: join(root, ".git/hooks/pre-push"), kind: "hooks", action: "installed" });
    const script = readFileSync(result.file, "utf8");
    expect(script).toBe(hookScript("/opt/tollgate/dist/cli.js", "/usr/local/bin/node"));
    expect(script).toContain(`'/opt/tollgate/dist/cli.js' hook run pre-push "$@"`);
    expect(statSync(result.file).mode & 0o111).not.toBe(0);
    expect((await installHook(root, "/opt/tollgate/dist/cli.js", "/usr/local/bin/node")).action).toBe("updated");
    expect(await uninstallHook(root)).toEqual({ file: result.file, action: "removed" });
    expect(existsSync(result.file)).toBe(false);
    expect((await uninstallHook(root)).action).toBe("not-installed");
  });

  it("quotes paths with spaces and quotes for the shell", () => {
    expect(hookScript("/it's here/cli.js", "/n o/node")).toContain(`'/it'\\''s here/cli.js' hook run pre-push`);
  });

  it("refuses to clobber when both a foreign hook and a chained one exist", async () => {
    const root = gitRepo();
    dirs.push(root);
    const hook = join(root, ".git/hooks/pre-push");
    writeFileSync(hook, "#!/bin/sh\nexit 0\n");
    writeFileSync(`${hook}.tollgate-chained`, "#!/bin/sh\nexit 0\n");
    chmodSync(hook, 0o755);
    await expect(installHook(root, "/x/cli.js", "/x/node")).rejects.toThrow("already exists");
    expect(readFileSync(hook, "utf8")).toBe("#!/bin/sh\nexit 0\n");
  });

  it("finds the hooks directory from core.hooksPath and from husky", async () => {
    const root = gitRepo();
    dirs.push(root);
    git(root, "config", "core.hooksPath", "tools/hooks");
    expect(await hookTarget(root)).toEqual({ file: join(root, "tools/hooks/pre-push"), kind: "hooks", root });
    git(root, "config", "core.hooksPath", ".husky/_");
    expect(await hookTarget(root)).toEqual({ file: join(root, ".husky/pre-push"), kind: "husky", root });
    git(root, "config", "core.hooksPath", ".husky");
    expect((await hookTarget(root)).kind).toBe("husky");
    const plain = tempDir();
    dirs.push(plain);
    await expect(hookTarget(plain)).rejects.toThrow("needs a git repository");
  });
});

describe("hook scripts pass shellcheck", () => {
  it("the pre-push script and the husky block are clean POSIX sh", () => {
    const dir = tempDir();
    dirs.push(dir);
    const script = join(dir, "pre-push");
    const block = join(dir, "husky-pre-push");
    writeFileSync(script, hookScript("/it's here/dist/cli.js", "/usr/local/bin/node"));
    writeFileSync(block, `#!/bin/sh\n${huskyBlock("/opt/tollgate/dist/cli.js", "/usr/bin/node")}`);
    const r = spawnSync("shellcheck", ["-s", "sh", "-S", "style", script, block], { encoding: "utf8" });
    if (r.error) throw new Error(`shellcheck is not installed: ${r.error.message}`);
    expect(r.stdout).toBe("");
    expect(r.status).toBe(0);
  });
});
