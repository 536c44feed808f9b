// Finds report files named by policy globs. Reports usually live in git-ignored folders
// (reports/, build/), so unlike listFiles this walk does not honour .gitignore.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import picomatch from "picomatch";

const NEVER = new Set([".git", "node_modules"]);

/** Repository-relative, sorted files matching one glob. */
export async function matchReportGlob(root: string, glob: string): Promise<string[]> {
  const pattern = glob.replace(/^\.\//, "");
  const scan = picomatch.scan(pattern);
  const isMatch = picomatch(pattern, { dot: true });
  const out: string[] = [];
  if (!scan.isGlob) {
    // A plain path: no walk needed.
    try {
      const { stat } = await import("node:fs/promises");
      if ((await stat(join(root, pattern))).isFile()) out.push(pattern);
    } catch {
      // missing: the caller reports it
    }
    return out;
  }
  async function visit(rel: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (NEVER.has(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile() && isMatch(path)) out.push(path);
    }
  }
  await visit(scan.base);
  return out.sort();
}
