// What a push sends: the ref updates git gives a pre-push hook on stdin (githooks(5)), and the
// base commit each one should be compared with so that only the pushed commits are scanned.
import { gitCommand } from "../../core/git.js";
import { isNullSha } from "../types.js";
import type { Env } from "../types.js";

export interface RefUpdate {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

/** Parses "<local ref> SP <local sha1> SP <remote ref> SP <remote sha1> LF" lines. */
export function parsePrePushInput(text: string): RefUpdate[] {
  const updates: RefUpdate[] = [];
  for (const line of text.split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 4) continue;
    const [localRef = "", localSha = "", remoteRef = "", remoteSha = ""] = parts;
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(localSha) || !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(remoteSha)) continue;
    updates.push({ localRef, localSha, remoteRef, remoteSha });
  }
  return updates;
}

/**
 * The pre-commit framework runs pre-push hooks without stdin and passes the range in variables;
 * for a push it treats as "all files" it sets only the remote, so the pushed commit is HEAD.
 */
export function updatesFromPreCommitEnv(env: Env, head?: string): RefUpdate[] {
  const to = env.PRE_COMMIT_TO_REF ?? (env.PRE_COMMIT_REMOTE_NAME ? head : undefined);
  if (!to) return [];
  return [
    {
      localRef: env.PRE_COMMIT_LOCAL_BRANCH ?? "HEAD",
      localSha: to,
      remoteRef: env.PRE_COMMIT_REMOTE_BRANCH ?? "",
      remoteSha: env.PRE_COMMIT_FROM_REF ?? "0".repeat(40),
    },
  ];
}

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  const r = await gitCommand(cwd, args);
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

async function isCommit(cwd: string, sha: string): Promise<boolean> {
  return (await git(cwd, ["cat-file", "-e", `${sha}^{commit}`])) !== undefined;
}

/** The remote's default branch as a local ref: <remote>/HEAD, else <remote>/main or <remote>/master. */
export async function remoteDefaultBranch(cwd: string, remote: string): Promise<string | undefined> {
  const head = await git(cwd, ["symbolic-ref", "--quiet", `refs/remotes/${remote}/HEAD`]);
  if (head) return head;
  for (const name of ["main", "master", "trunk", "develop"]) {
    if (await git(cwd, ["rev-parse", "--verify", "--quiet", `refs/remotes/${remote}/${name}`])) return `refs/remotes/${remote}/${name}`;
  }
  return undefined;
}

export interface PushRange {
  /** The commit being pushed. */
  head: string;
  /** Compare with this commit; undefined means the whole tree is new to the remote (first push). */
  base?: string;
  ref: string;
}

/**
 * The commits each update pushes: from the remote's old value when we have it; for a new branch
 * (or an unknown remote value) from its merge-base with the remote's default branch, else from
 * the first commit no remote-tracking ref knows.
 */
export async function pushRanges(cwd: string, remote: string, updates: RefUpdate[]): Promise<PushRange[]> {
  const ranges: PushRange[] = [];
  for (const u of updates) {
    if (isNullSha(u.localSha)) continue; // a branch deletion pushes no content
    if (u.localSha === u.remoteSha) continue;
    if (!isNullSha(u.remoteSha) && (await isCommit(cwd, u.remoteSha))) {
      ranges.push({ head: u.localSha, base: u.remoteSha, ref: u.localRef });
      continue;
    }
    const defaultBranch = await remoteDefaultBranch(cwd, remote);
    const mergeBase = defaultBranch ? await git(cwd, ["merge-base", u.localSha, defaultBranch]) : undefined;
    if (mergeBase) {
      if (mergeBase !== u.localSha) ranges.push({ head: u.localSha, base: mergeBase, ref: u.localRef });
      continue;
    }
    const unknown = (await git(cwd, ["rev-list", "--reverse", "--topo-order", u.localSha, "--not", `--remotes=${remote}`]))?.split("\n").filter(Boolean) ?? [];
    const first = unknown[0];
    const parent = first ? await git(cwd, ["rev-parse", "--verify", "--quiet", `${first}^`]) : undefined;
    ranges.push(parent ? { head: u.localSha, base: parent, ref: u.localRef } : { head: u.localSha, ref: u.localRef });
  }
  // One scan per distinct range.
  const seen = new Set<string>();
  return ranges.filter((r) => {
    const key = `${r.head}..${r.base ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
