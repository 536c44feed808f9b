// "Hold the line": keeps every finding but marks those already present at the base commit as
// baseline-suppressed, so only what a change introduced can fail the gate. Shared by lint and sast.
import { changedFiles, changedLines, defaultBase, resolveRef } from "../../core/git.js";
import { errorMessage } from "../../core/errors.js";
import type { Finding } from "../../core/types.js";

export interface NewOnlyOptions {
  root: string;
  /** ctx.base; else the default base of the repository. */
  base?: string;
  findings: Finding[];
  /**
   * Fingerprints the same scanner gives for the base versions of `paths` (linted in memory).
   * Returns undefined for findings it cannot recompute (imported reports): those fall back to
   * "is the finding's line one the change added or edited".
   */
  baseFingerprints: (base: string, paths: string[]) => Promise<Set<string>>;
  /** Which findings baseFingerprints can speak for (e.g. only lint/eslint/*). */
  exact: (finding: Finding) => boolean;
  signal?: AbortSignal;
}

export interface NewOnlyResult {
  base?: string;
  newCount: number;
  unchangedCount: number;
  notes: string[];
}

/** Marks findings in place: properties.baselineState "new" or "unchanged" (+ a baseline suppression). */
export async function markNewOnly(options: NewOnlyOptions): Promise<NewOnlyResult> {
  const notes: string[] = [];
  let base: string | undefined;
  try {
    base = options.base ? await resolveRef(options.root, options.base) : await defaultBase(options.root);
  } catch (error) {
    notes.push(`new-only: base ${options.base ?? ""} cannot be resolved (${errorMessage(error)}); every finding counts as new`);
  }
  if (!base) {
    if (notes.length === 0) notes.push("new-only: no base commit found (not a git repository, or no history); every finding counts as new");
    for (const f of options.findings) f.properties = { ...f.properties, baselineState: "new" };
    return { newCount: options.findings.length, unchangedCount: 0, notes };
  }
  const changed = new Set(await changedFiles(options.root, base));
  const exactPaths = [...new Set(options.findings.filter((f) => options.exact(f) && f.location && changed.has(f.location.path)).map((f) => f.location?.path ?? ""))];
  const atBase = exactPaths.length > 0 ? await options.baseFingerprints(base, exactPaths) : new Set<string>();
  const needLines = options.findings.some((f) => !options.exact(f) && f.location && changed.has(f.location.path));
  const lines = needLines ? await changedLines(options.root, base) : new Map<string, Set<number>>();
  const short = base.slice(0, 12);
  let newCount = 0;
  let unchangedCount = 0;
  for (const finding of options.findings) {
    if (options.signal?.aborted) break;
    const path = finding.location?.path;
    let existed: boolean;
    if (path === undefined || !changed.has(path)) existed = true; // the file is as it was at base
    else if (options.exact(finding)) existed = atBase.has(finding.fingerprint);
    else {
      const touched = lines.get(path);
      const line = finding.location?.startLine;
      existed = touched !== undefined && line !== undefined && !touched.has(line);
    }
    finding.properties = { ...finding.properties, baselineState: existed ? "unchanged" : "new" };
    if (existed) {
      unchangedCount++;
      finding.suppression ??= { kind: "baseline", reason: `present at base ${short}` };
    } else newCount++;
  }
  notes.push(`new-only: ${newCount} new, ${unchangedCount} already present at base ${short}`);
  return { base, newCount, unchangedCount, notes };
}
