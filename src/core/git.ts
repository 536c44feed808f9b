// What tollgate asks of git: is this a repository, which files changed, which lines a change added.
import { runCommand, type CommandResult } from "./exec.js";

/** Runs git with messages in English (callers read them), whatever the user's locale. */
export function gitCommand(cwd: string, args: string[], signal?: AbortSignal): Promise<CommandResult> {
  return runCommand({ command: "git", args, cwd, signal, env: { ...process.env, LC_ALL: "C" } });
}

async function git(root: string, args: string[], signal?: AbortSignal): Promise<string> {
  const result = await gitCommand(root, args, signal);
  if (result.spawnError) throw new Error(`git could not be started: ${result.spawnError}`);
  if (result.exitCode !== 0) throw new Error(`git ${args[0]} failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`);
  return result.stdout;
}

export async function isGitRepo(root: string): Promise<boolean> {
  try {
    return (await git(root, ["rev-parse", "--is-inside-work-tree"])).trim() === "true";
  } catch {
    return false;
  }
}

export async function gitTopLevel(root: string): Promise<string | undefined> {
  try {
    return (await git(root, ["rev-parse", "--show-toplevel"])).trim();
  } catch {
    return undefined;
  }
}

/** Resolves a ref to a commit id; throws with git's words when it does not exist. */
export async function resolveRef(root: string, ref: string): Promise<string> {
  return (await git(root, ["rev-parse", "--verify", `${ref}^{commit}`])).trim();
}

/**
 * The base for --changed when none is given: the merge-base with the remote's default branch,
 * else with main/master, else HEAD~1.
 */
export async function defaultBase(root: string): Promise<string | undefined> {
  const candidates = ["origin/HEAD", "origin/main", "origin/master", "main", "master"];
  for (const ref of candidates) {
    try {
      const base = (await git(root, ["merge-base", "HEAD", ref])).trim();
      const head = (await git(root, ["rev-parse", "HEAD"])).trim();
      if (base && base !== head) return base;
    } catch {
      // try the next candidate
    }
  }
  try {
    return await resolveRef(root, "HEAD~1");
  } catch {
    return undefined;
  }
}

/**
 * Files changed between the base commit and the working tree (committed, staged, unstaged and
 * untracked), repository-relative, deleted files left out.
 */
export async function changedFiles(root: string, base: string): Promise<string[]> {
  const diff = await git(root, ["diff", "--name-only", "--diff-filter=d", "-z", base, "--"]);
  const untracked = await git(root, ["ls-files", "--others", "--exclude-standard", "-z"]);
  const files = new Set([...diff.split("\0"), ...untracked.split("\0")].filter(Boolean));
  return [...files].sort();
}

/** Lines added or edited by the change, per repository-relative path (from `git diff -U0`). */
export async function changedLines(root: string, base: string): Promise<Map<string, Set<number>>> {
  const diff = await git(root, ["diff", "-U0", "--no-color", "--no-ext-diff", "--diff-filter=d", base, "--"]);
  return parseChangedLines(diff);
}

export function parseChangedLines(diff: string): Map<string, Set<number>> {
  const result = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      const path = line.slice(4).trim();
      if (path === "/dev/null") {
        current = undefined;
        continue;
      }
      const rel = path.startsWith("b/") ? path.slice(2) : path;
      current = new Set();
      result.set(rel, current);
    } else if (line.startsWith("@@") && current) {
      const m = /\+(\d+)(?:,(\d+))?/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      for (let i = 0; i < count; i++) current.add(start + i);
    }
  }
  return result;
}

/** The content of a file at a commit, or undefined when it did not exist there. */
export async function fileAtCommit(root: string, commit: string, path: string): Promise<string | undefined> {
  try {
    return await git(root, ["show", `${commit}:${path}`]);
  } catch {
    return undefined;
  }
}

export { git as runGit };
