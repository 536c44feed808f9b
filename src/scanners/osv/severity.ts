// Severity of an advisory: the CVSS base score of its vector (v4 preferred, then v3, then v2,
// computed with ae-cvss-calculator), else the database's own label, else "medium".
import cvss from "ae-cvss-calculator";
import type { Severity } from "../../core/types.js";
import type { OsvAffected, OsvRecord, OsvSeverity } from "./types.js";

export interface SeverityInfo {
  severity: Severity;
  cvss?: { version: string; score: number; vector: string };
  /** Where the severity came from, for the finding's properties. */
  source: "cvss" | "database" | "default";
}

const ORDER = ["CVSS_V4", "CVSS_V3", "CVSS_V2"];

/** CVSS v3/v4 qualitative rating scale. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}

/** Base metrics each CVSS version requires: a vector missing one is not scored (it would read as 0). */
const BASE_METRICS: [RegExp, string[]][] = [
  [/^CVSS:4\.0\//, ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"]],
  [/^CVSS:3\.[01]\//, ["AV", "AC", "PR", "UI", "S", "C", "I", "A"]],
  [/^(?!CVSS:)/, ["AV", "AC", "Au", "C", "I", "A"]],
];

function complete(vector: string): boolean {
  const keys = new Set(vector.split("/").map((part) => part.split(":")[0]));
  const required = BASE_METRICS.find(([prefix]) => prefix.test(vector))?.[1];
  return required !== undefined && required.every((k) => keys.has(k));
}

const scored = new Map<string, { version: string; score: number; vector: string } | undefined>();

/** Base score of a vector; memoised, as thousands of advisories share a handful of vectors. */
export function cvssScore(entry: OsvSeverity): { version: string; score: number; vector: string } | undefined {
  const key = `${entry.type}\0${entry.score}`;
  if (scored.has(key)) return scored.get(key);
  const result = computeScore(entry);
  if (scored.size > 10_000) scored.clear();
  scored.set(key, result);
  return result;
}

function computeScore(entry: OsvSeverity): { version: string; score: number; vector: string } | undefined {
  const vector = entry.score.trim();
  if (!complete(vector)) return undefined;
  try {
    let scores: { overall?: number; base?: number } | undefined;
    if (entry.type === "CVSS_V4" || vector.startsWith("CVSS:4.0/")) scores = new cvss.Cvss4P0(vector).calculateScores();
    else if (vector.startsWith("CVSS:3.1/")) scores = new cvss.Cvss3P1(vector).calculateScores();
    else if (vector.startsWith("CVSS:3.0/")) scores = new cvss.Cvss3P0(vector).calculateScores();
    else if (entry.type === "CVSS_V2") scores = new cvss.Cvss2(vector).calculateScores();
    const score = scores?.base ?? scores?.overall;
    if (typeof score !== "number" || !Number.isFinite(score)) return undefined;
    return { version: entry.type.replace("CVSS_V", ""), score, vector };
  } catch {
    return undefined;
  }
}

function label(value: unknown): Severity | undefined {
  if (typeof value !== "string") return undefined;
  switch (value.trim().toLowerCase()) {
    case "critical":
      return "critical";
    case "high":
    case "important":
      return "high";
    case "moderate":
    case "medium":
      return "medium";
    case "low":
    case "minor":
      return "low";
    case "negligible":
    case "unimportant":
    case "none":
      return "info";
    default:
      return undefined;
  }
}

/** Package-level severity first (newer records), then the record's, then labels. */
export function advisorySeverity(record: OsvRecord, entries: OsvAffected[] = []): SeverityInfo {
  const vectors = [...entries.flatMap((e) => e.severity ?? []), ...(record.severity ?? [])];
  for (const type of ORDER) {
    for (const v of vectors) {
      if (v.type !== type || typeof v.score !== "string") continue;
      const scored = cvssScore(v);
      if (scored) return { severity: severityFromScore(scored.score), cvss: scored, source: "cvss" };
    }
  }
  const labels = [
    record.database_specific?.severity,
    ...entries.map((e) => e.ecosystem_specific?.severity),
    ...entries.map((e) => e.database_specific?.severity),
    ...vectors.filter((v) => v.type === "Ubuntu").map((v) => v.score),
  ];
  for (const l of labels) {
    const s = label(l);
    if (s) return { severity: s, source: "database" };
  }
  return { severity: "medium", source: "default" };
}
