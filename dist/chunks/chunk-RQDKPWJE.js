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
import {
  toPosix
} from "./chunk-NQDPYFAW.js";

// src/core/files.ts
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import ignore from "ignore";
import picomatch from "picomatch";
var ALWAYS_SKIPPED = ["**/.git/**", "**/node_modules/**"];
function globMatcher(globs) {
  if (globs.length === 0) return () => false;
  return picomatch(globs, { dot: true });
}
async function listFiles(root, options = {}) {
  const candidates = options.changedFiles ?? await gitFiles(root, options.signal) ?? await walk(root);
  const include = options.include && options.include.length > 0 ? globMatcher(options.include) : () => true;
  const exclude = globMatcher([...ALWAYS_SKIPPED, ...options.exclude ?? []]);
  return candidates.filter((p) => include(p) && !exclude(p)).sort();
}
async function gitFiles(root, signal) {
  const result = await runCommand({
    command: "git",
    args: ["ls-files", "--cached", "--others", "--exclude-standard", "-z", "--deduplicate"],
    cwd: root,
    signal
  });
  if (result.exitCode !== 0) return void 0;
  const { stat } = await import("node:fs/promises");
  const paths = result.stdout.split("\0").filter(Boolean);
  const checks = await Promise.all(
    paths.map(async (p) => {
      try {
        return (await stat(join(root, p))).isFile() ? p : void 0;
      } catch {
        return void 0;
      }
    })
  );
  return checks.filter((p) => p !== void 0);
}
async function walk(root) {
  const out = [];
  async function visit(dir, rules) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const rel = toPosix(relative(root, dir));
    const here = [...rules];
    try {
      const text = await readFile(join(dir, ".gitignore"), "utf8");
      here.push({ base: rel, ig: ignore().add(text) });
    } catch {
    }
    for (const entry of entries) {
      if (entry.name === ".git" || entry.name === "node_modules") continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      const ignored = here.some(({ base, ig }) => {
        const sub = base ? path.slice(base.length + 1) : path;
        return ig.ignores(entry.isDirectory() ? `${sub}/` : sub);
      });
      if (ignored) continue;
      if (entry.isDirectory()) await visit(join(dir, entry.name), here);
      else if (entry.isFile()) out.push(path);
    }
  }
  await visit(root, []);
  return out;
}
function looksBinary(buffer) {
  const n = Math.min(buffer.length, 8192);
  for (let i = 0; i < n; i++) if (buffer[i] === 0) return true;
  return false;
}

export {
  globMatcher,
  listFiles,
  looksBinary
};
