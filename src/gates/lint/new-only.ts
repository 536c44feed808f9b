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
   * Findings the same scanner gives for the base versions of `paths` (linted in memory).
   * Findings it cannot recompute (imported reports) fall back to "is the finding's line one
   * the change added or edited".
   */
  baseFindings: (base: string, paths: string[]) => Promise<Finding[]>;
  /** Which findings baseFindings can speak for (e.g. only lint/eslint/*). */
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
  const matcher = new BaseMatcher(exactPaths.length > 0 ? await options.baseFindings(base, exactPaths) : []);
  // Exact fingerprints first, so that a finding whose line was edited only matches what is left.
  const exactNow = options.findings.filter((f) => options.exact(f) && f.location && changed.has(f.location.path));
  const matched = new Set<Finding>(exactNow.filter((f) => matcher.takeFingerprint(f)));
  for (const f of exactNow) if (!matched.has(f) && matcher.takeMessage(f)) matched.add(f);
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
    else if (options.exact(finding)) existed = matched.has(finding);
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

const messageKey = (f: Finding) => `${f.ruleId}\0${f.location?.path ?? ""}\0${f.message}`;

/**
 * The base findings as two multisets. A fingerprint (rule + line text) survives moves; the
 * message key (rule + message in the same file) survives an edit elsewhere on the flagged line,
 * so an old problem on a touched line is not blamed on the change.
 */
class BaseMatcher {
  private readonly byFingerprint = new Map<string, Finding[]>();
  private readonly byMessage = new Map<string, number>();

  constructor(findings: Finding[]) {
    for (const f of findings) {
      this.byFingerprint.set(f.fingerprint, [...(this.byFingerprint.get(f.fingerprint) ?? []), f]);
      this.byMessage.set(messageKey(f), (this.byMessage.get(messageKey(f)) ?? 0) + 1);
    }
  }

  takeFingerprint(f: Finding): boolean {
    const list = this.byFingerprint.get(f.fingerprint);
    const old = list?.pop();
    if (!old) return false;
    this.byMessage.set(messageKey(old), (this.byMessage.get(messageKey(old)) ?? 1) - 1);
    return true;
  }

  takeMessage(f: Finding): boolean {
    const n = this.byMessage.get(messageKey(f)) ?? 0;
    if (n <= 0) return false;
    this.byMessage.set(messageKey(f), n - 1);
    return true;
  }
}
