// The repository's files as gates see them: .gitignore respected, policy include/exclude applied,
// optionally narrowed to the files a change touched.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import ignore from "ignore";
import picomatch from "picomatch";
import { runCommand } from "./exec.js";
import { toPosix } from "./finding.js";

export interface ListFilesOptions {
  /** Globs a file must match one of (default: every file). */
  include?: string[];
  /** Globs that drop a file. */
  exclude?: string[];
  /** When set (--changed), only these repository-relative paths are candidates. */
  changedFiles?: string[];
  signal?: AbortSignal;
}

/** Directories never worth scanning, whatever .gitignore says. */
const ALWAYS_SKIPPED = ["**/.git/**", "**/node_modules/**"];

export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch(globs as string[], { dot: true });
}

/** Repository-relative, `/`-separated, sorted paths of regular files. */
export async function listFiles(root: string, options: ListFilesOptions = {}): Promise<string[]> {
  const candidates = options.changedFiles ?? (await gitFiles(root, options.signal)) ?? (await walk(root));
  const include = options.include && options.include.length > 0 ? globMatcher(options.include) : () => true;
  const exclude = globMatcher([...ALWAYS_SKIPPED, ...(options.exclude ?? [])]);
  return candidates.filter((p) => include(p) && !exclude(p)).sort();
}

async function gitFiles(root: string, signal?: AbortSignal): Promise<string[] | undefined> {
  const result = await runCommand({
    command: "git",
    args: ["ls-files", "--cached", "--others", "--exclude-standard", "-z", "--deduplicate"],
    cwd: root,
    signal,
  });
  if (result.exitCode !== 0) return undefined;
  const { stat } = await import("node:fs/promises");
  const paths = result.stdout.split("\0").filter(Boolean);
  // ls-files --cached lists deleted-but-tracked files and submodules: keep regular files only.
  const checks = await Promise.all(
    paths.map(async (p) => {
      try {
        return (await stat(join(root, p))).isFile() ? p : undefined;
      } catch {
        return undefined;
      }
    }),
  );
  return checks.filter((p): p is string => p !== undefined);
}

/** Outside git: walk the tree, honouring .gitignore files on the way down. */
async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  async function visit(dir: string, rules: { base: string; ig: ReturnType<typeof ignore> }[]): Promise<void> {
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
      // no .gitignore here
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

/** True when the first 8 KiB hold a NUL byte (how git decides a file is binary). */
export function looksBinary(buffer: Uint8Array): boolean {
  const n = Math.min(buffer.length, 8192);
  for (let i = 0; i < n; i++) if (buffer[i] === 0) return true;
  return false;
}
