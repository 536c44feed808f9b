// Inline annotations on GitHub: at most 10 errors and 10 warnings per step (and 50 per job), so
// they go to new, most severe findings inside the diff first; the rest are counted for the summary.
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-error-message
import type { Finding, RunReport, Severity } from "../../core/types.js";
import { prioritized } from "../../reporters/markdown/summary.js";

export type AnnotationLevel = "error" | "warning" | "notice";

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title: string;
  file: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export const LEVEL_FOR: Record<Severity, AnnotationLevel> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "warning",
  info: "notice",
};

export interface AnnotationLimits {
  perLevel: number;
  total: number;
}

/** Per step: 10 errors, 10 warnings (notices treated alike); per job: 50. */
export const GITHUB_LIMITS: AnnotationLimits = { perLevel: 10, total: 50 };

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Active findings that deserved an annotation but did not get one. */
  notAnnotated: number;
}

function toAnnotation(f: Finding, pathPrefix: string): Annotation | undefined {
  if (!f.location) return undefined;
  const a: Annotation = {
    level: LEVEL_FOR[f.severity],
    message: f.message,
    title: `${f.ruleId} (${f.severity})`,
    file: `${pathPrefix}${f.location.path}`,
  };
  if (f.location.startLine !== undefined) a.startLine = f.location.startLine;
  if (f.location.endLine !== undefined) a.endLine = f.location.endLine;
  // GitHub ignores columns on multi-line annotations; only send them for one line.
  if (f.location.startColumn !== undefined && (a.endLine === undefined || a.endLine === a.startLine)) {
    a.startColumn = f.location.startColumn;
    if (f.location.endColumn !== undefined) a.endColumn = f.location.endColumn;
  }
  return a;
}

/**
 * Chooses which findings become annotations.
 * `pathPrefix` turns repository paths into paths relative to GITHUB_WORKSPACE ("" or "sub/dir/").
 */
export function planAnnotations(
  report: RunReport,
  options: { changedLines?: Map<string, Set<number>>; limits?: AnnotationLimits; pathPrefix?: string } = {},
): AnnotationPlan {
  const limits = options.limits ?? GITHUB_LIMITS;
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  let notAnnotated = 0;
  for (const f of prioritized(report, options.changedLines)) {
    const a = toAnnotation(f, options.pathPrefix ?? "");
    if (!a) {
      notAnnotated++;
      continue;
    }
    if (used[a.level] >= limits.perLevel || annotations.length >= limits.total) {
      notAnnotated++;
      continue;
    }
    used[a.level]++;
    annotations.push(a);
  }
  return { annotations, notAnnotated };
}
