#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  runCommand
} from "./chunk-TGCGIDEH.js";

// src/core/git.ts
function gitCommand(cwd, args, signal) {
  return runCommand({ command: "git", args, cwd, signal, env: { ...process.env, LC_ALL: "C" } });
}
async function git(root, args, signal) {
  const result = await gitCommand(root, args, signal);
  if (result.spawnError) throw new Error(`git could not be started: ${result.spawnError}`);
  if (result.exitCode !== 0) throw new Error(`git ${args[0]} failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`);
  return result.stdout;
}
async function isGitRepo(root) {
  try {
    return (await git(root, ["rev-parse", "--is-inside-work-tree"])).trim() === "true";
  } catch {
    return false;
  }
}
async function gitTopLevel(root) {
  try {
    return (await git(root, ["rev-parse", "--show-toplevel"])).trim();
  } catch {
    return void 0;
  }
}
async function resolveRef(root, ref) {
  return (await git(root, ["rev-parse", "--verify", `${ref}^{commit}`])).trim();
}
async function defaultBase(root) {
  const candidates = ["origin/HEAD", "origin/main", "origin/master", "main", "master"];
  for (const ref of candidates) {
    try {
      const base = (await git(root, ["merge-base", "HEAD", ref])).trim();
      const head = (await git(root, ["rev-parse", "HEAD"])).trim();
      if (base && base !== head) return base;
    } catch {
    }
  }
  try {
    return await resolveRef(root, "HEAD~1");
  } catch {
    return void 0;
  }
}
async function changedFiles(root, base) {
  const diff = await git(root, ["diff", "--name-only", "--diff-filter=d", "-z", base, "--"]);
  const untracked = await git(root, ["ls-files", "--others", "--exclude-standard", "-z"]);
  const files = new Set([...diff.split("\0"), ...untracked.split("\0")].filter(Boolean));
  return [...files].sort();
}
async function changedLines(root, base) {
  const diff = await git(root, ["diff", "-U0", "--no-color", "--no-ext-diff", "--diff-filter=d", base, "--"]);
  return parseChangedLines(diff);
}
function parseChangedLines(diff) {
  const result = /* @__PURE__ */ new Map();
  let current;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      const path = line.slice(4).trim();
      if (path === "/dev/null") {
        current = void 0;
        continue;
      }
      const rel = path.startsWith("b/") ? path.slice(2) : path;
      current = /* @__PURE__ */ new Set();
      result.set(rel, current);
    } else if (line.startsWith("@@") && current) {
      const m = /\+(\d+)(?:,(\d+))?/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === void 0 ? 1 : Number(m[2]);
      for (let i = 0; i < count; i++) current.add(start + i);
    }
  }
  return result;
}
async function fileAtCommit(root, commit, path) {
  try {
    return await git(root, ["show", `${commit}:${path}`]);
  } catch {
    return void 0;
  }
}

export {
  gitCommand,
  git,
  isGitRepo,
  gitTopLevel,
  resolveRef,
  defaultBase,
  changedFiles,
  changedLines,
  fileAtCommit
};
