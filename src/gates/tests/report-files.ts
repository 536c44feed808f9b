// Finds report files by glob. Reports are build output and usually git-ignored, so this walks
// the file system (not git's file list), skipping .git and node_modules. Shared by the tests and
// coverage gates.
import { readdir, stat } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import picomatch from "picomatch";
import { toPosix } from "../../core/finding.js";

const SKIPPED_DIRS = new Set([".git", "node_modules"]);

export interface FoundReport {
  /** Repository-relative, `/`-separated. */
  path: string;
  /** Absolute. */
  absolute: string;
  mtimeMs: number;
}

export interface FindReportsResult {
  reports: FoundReport[];
  /** Explicit patterns that matched no file. */
  unmatched: string[];
}

/**
 * Files under root matching any glob (relative to root), sorted and deduplicated. A pattern
 * without glob characters is a plain path and may point anywhere, even into ignored folders.
 */
export async function findReports(
  root: string,
  patterns: readonly string[],
  options: { exclude?: readonly string[]; signal?: AbortSignal } = {},
): Promise<FindReportsResult> {
  const found = new Map<string, FoundReport>();
  const unmatched: string[] = [];
  const excluded = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
  const walked = new Map<string, string[]>();

  for (const raw of patterns) {
    options.signal?.throwIfAborted();
    const pattern = toPosix(raw).replace(/^\.\//, "");
    const scan = picomatch.scan(pattern);
    let matches: FoundReport[] = [];
    if (!scan.isGlob) {
      // A plain path; an absolute one (a report written outside the checkout) is allowed too.
      const absolute = isAbsolute(pattern) ? pattern : join(root, pattern);
      const rel = toPosix(relative(root, absolute));
      const path = rel.startsWith("../") || isAbsolute(rel) ? toPosix(absolute) : rel;
      try {
        const info = await stat(absolute);
        if (info.isFile()) matches = [{ path, absolute, mtimeMs: info.mtimeMs }];
      } catch {
        // missing: reported as unmatched below
      }
    } else {
      const base = scan.base;
      let files = walked.get(base);
      if (!files) {
        files = await walk(root, base, options.signal);
        walked.set(base, files);
      }
      const isMatch = picomatch(pattern, { dot: true });
      for (const path of files) {
        if (!isMatch(path) || found.has(path)) continue;
        try {
          const absolute = join(root, path);
          matches.push({ path, absolute, mtimeMs: (await stat(absolute)).mtimeMs });
        } catch {
          // vanished since the walk
        }
      }
      if (matches.length === 0) matches = [...found.values()].filter((f) => isMatch(f.path));
    }
    matches = matches.filter((m) => !excluded(m.path));
    if (matches.length === 0) unmatched.push(raw);
    for (const m of matches) found.set(m.path, m);
  }
  const reports = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { reports, unmatched };
}

async function walk(root: string, base: string, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  async function visit(rel: string): Promise<void> {
    signal?.throwIfAborted();
    let entries;
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await visit(path);
      } else if (entry.isFile()) {
        out.push(path);
      }
    }
  }
  await visit(base);
  return out;
}
