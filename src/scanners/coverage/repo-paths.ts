// Maps the paths that reports write (absolute paths from another machine, paths relative to the
// report or to a <source> folder, Java package paths, Go import paths) to repository-relative ones.
import { isAbsolute, posix, relative, resolve } from "node:path";
import { toPosix } from "../../core/finding.js";
import { listFiles } from "../../core/files.js";

/**
 * The folders a report's relative paths may be relative to, nearest first: its own folder and each
 * parent below the root (a monorepo package writes `SF:src/a.ts` in packages/app/coverage/lcov.info).
 */
export function reportBases(reportPath: string): string[] {
  const bases: string[] = [];
  let dir = posix.dirname(toPosix(reportPath));
  while (dir !== "." && dir !== "/" && dir !== "") {
    bases.push(dir);
    dir = posix.dirname(dir);
  }
  return bases;
}

export class RepoPaths {
  private readonly files: Set<string>;
  private readonly byBase = new Map<string, string[]>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(
    readonly root: string,
    files: readonly string[],
  ) {
    this.files = new Set(files);
    for (const file of files) {
      const base = posix.basename(file);
      const list = this.byBase.get(base);
      if (list) list.push(file);
      else this.byBase.set(base, [file]);
    }
  }

  /** The repository's files (git ls-files when in git, else a walk honouring .gitignore). */
  static async load(root: string, signal?: AbortSignal): Promise<RepoPaths> {
    let files: string[] = [];
    try {
      files = await listFiles(root, { signal });
    } catch {
      // an unreadable tree still lets absolute and relative paths map
    }
    return new RepoPaths(root, files);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /**
   * The repository-relative path for `reported`, trying in turn: an absolute path under the root,
   * the path joined to each base folder (repository-relative), the path itself, and finally the
   * repository file that shares the longest path suffix with it. Undefined when the file is
   * outside the repository or cannot be told apart from another.
   */
  resolve(reported: string, bases: readonly string[] = []): string | undefined {
    const cacheKey = `${reported}\0${bases.join("\0")}`;
    if (this.cache.has(cacheKey)) return this.cache.get(cacheKey);
    const result = this.resolveUncached(reported, bases);
    this.cache.set(cacheKey, result);
    return result;
  }

  private resolveUncached(reported: string, bases: readonly string[]): string | undefined {
    let path = toPosix(reported.trim()).replace(/^file:\/\//, "");
    if (path === "") return undefined;
    // Windows drive paths from another machine can only match by suffix.
    const windows = /^[A-Za-z]:\//.test(path);
    if (isAbsolute(path) && !windows) {
      const rel = toPosix(relative(this.root, resolve(path)));
      if (rel !== "" && !rel.startsWith("../") && rel !== ".." && !isAbsolute(rel)) return rel;
      return this.bySuffix(path);
    }
    if (!windows) {
      path = posix.normalize(path).replace(/^\.\//, "");
      if (path === "" || path === "." || path.endsWith("/")) return undefined;
      for (const base of bases) {
        const joined = posix.normalize(posix.join(toPosix(base), path));
        if (this.files.has(joined)) return joined;
      }
      if (this.files.has(path)) return path;
    }
    const suffix = this.bySuffix(path);
    if (suffix !== undefined) return suffix;
    if (windows || path.startsWith("../") || path === ".." || path === "." || path.endsWith("/")) return undefined;
    // A relative path that names no known file (generated, ignored): tools write these relative to
    // where they ran, which is the repository root far more often than the report's folder.
    return path;
  }

  /** The repository file sharing the longest run of trailing path segments; ties on a bare file name are refused. */
  private bySuffix(path: string): string | undefined {
    const segments = path.split("/").filter((s) => s !== "" && s !== ".");
    const name = segments.at(-1);
    if (name === undefined) return undefined;
    const candidates = this.byBase.get(name);
    if (!candidates) return undefined;
    let best: string | undefined;
    let bestScore = 0;
    let tie = false;
    for (const candidate of candidates) {
      const parts = candidate.split("/");
      let score = 0;
      while (score < parts.length && score < segments.length && parts[parts.length - 1 - score] === segments[segments.length - 1 - score]) score++;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
        tie = false;
      } else if (score === bestScore) {
        tie = true;
      }
    }
    return tie ? undefined : best;
  }
}
