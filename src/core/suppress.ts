// Suppressions: inline `tollgate-ignore <ruleId>: <reason>` comments, policy waivers and the
// baseline. Suppressed findings are kept and marked, never dropped (DESIGN.md "The pipeline").
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import picomatch from "picomatch";
import type { Waiver } from "../policy/schema.js";
import { makeFinding } from "./finding.js";
import type { Finding } from "./types.js";

const INLINE = /tollgate-ignore\s+([A-Za-z0-9_.\-/*@]+)\s*:\s*(.*?)\s*(?:\*\/|-->|#\}|%\})?\s*$/;

/** A rule glob: `*` matches any characters, `/` included (`lint/*` covers `lint/eslint/no-eval`). */
export function ruleMatcher(glob: string): (ruleId: string) => boolean {
  if (!glob.includes("*")) return (id) => id === glob;
  const re = new RegExp(`^${glob.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return (id) => re.test(id);
}

/** Marks findings whose line, or the line above, carries a matching tollgate-ignore comment. */
export async function applyInline(root: string, findings: Finding[]): Promise<void> {
  const files = new Map<string, Promise<string[] | undefined>>();
  const linesOf = (path: string) => {
    let p = files.get(path);
    if (!p) {
      p = readFile(join(root, path), "utf8").then(
        (t) => t.split("\n"),
        () => undefined,
      );
      files.set(path, p);
    }
    return p;
  };
  await Promise.all(
    findings.map(async (f) => {
      if (f.suppression || !f.location?.startLine) return;
      const lines = await linesOf(f.location.path);
      if (!lines) return;
      for (const n of [f.location.startLine, f.location.startLine - 1]) {
        const line = lines[n - 1];
        if (!line?.includes("tollgate-ignore")) continue;
        const m = INLINE.exec(line);
        if (m && m[1] && m[2] && ruleMatcher(m[1])(f.ruleId)) {
          f.suppression = { kind: "inline", reason: m[2] };
          return;
        }
      }
    }),
  );
}

export interface WaiverCheck {
  /** Warnings for waivers expiring within 14 days. */
  warnings: string[];
  /** One finding per expired waiver, by the gate its rule belongs to. */
  expired: Finding[];
}

/** YYYY-MM-DD of a date, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function checkWaivers(waivers: readonly Waiver[], locations: readonly { path: string; line: number }[], now: Date): WaiverCheck {
  const today = isoDay(now);
  const soon = isoDay(new Date(now.getTime() + 14 * 86_400_000));
  const warnings: string[] = [];
  const expired: Finding[] = [];
  waivers.forEach((w, i) => {
    const where = locations[i];
    if (w.expires < today) {
      expired.push(
        makeFinding({
          ruleId: "policy/waiver-expired",
          gate: w.rule.split("/")[0] ?? "policy",
          severity: "medium",
          message: `The waiver for ${w.rule} expired on ${w.expires} and no longer waives anything; fix the findings or renew it with a new date.`,
          key: `${w.rule}\0${(w.paths ?? []).join(",")}\0${w.expires}`,
          ...(where ? { location: { path: where.path, startLine: where.line } } : {}),
          properties: { rule: w.rule, expires: w.expires, reason: w.reason },
        }),
      );
    } else if (w.expires <= soon) {
      warnings.push(`waiver for ${w.rule} expires on ${w.expires}${where ? ` (${where.path}:${where.line})` : ""}: renew it or fix the findings`);
    }
  });
  return { warnings, expired };
}

/** Marks findings covered by a waiver that has not expired. */
export function applyWaivers(findings: Finding[], waivers: readonly Waiver[], now: Date): void {
  const today = isoDay(now);
  const active = waivers
    .filter((w) => w.expires >= today)
    .map((w) => ({ w, rule: ruleMatcher(w.rule), paths: w.paths?.length ? picomatch(w.paths, { dot: true }) : undefined }));
  for (const f of findings) {
    if (f.suppression) continue;
    const hit = active.find(({ rule, paths }) => rule(f.ruleId) && (!paths || (f.location && paths(f.location.path))));
    if (hit) f.suppression = { kind: "waiver", reason: hit.w.reason, expires: hit.w.expires };
  }
}

export interface BaselineFile {
  version: 1;
  findings: { fingerprint: string; ruleId: string; path?: string }[];
}

export function applyBaseline(findings: Finding[], baseline: BaselineFile | undefined, baselinePath: string): void {
  if (!baseline) return;
  const known = new Set(baseline.findings.map((f) => f.fingerprint));
  for (const f of findings) {
    if (!f.suppression && known.has(f.fingerprint)) {
      f.suppression = { kind: "baseline", reason: `recorded in the baseline ${baselinePath}` };
    }
  }
}
