// The OSV advisory matcher: which known advisories affect a list of package versions, from the
// OSV API (cached) or from an offline copy of the OSV database. The dependencies and container
// gates both go through findVulnerabilities().
import type { Scanner } from "../../core/types.js";
import { affectingEntries, fixedVersions, indexKey } from "./match.js";
import { openOfflineDatabase, type OfflineStats } from "./offline.js";
import { OsvOnline, type OnlineStats } from "./online.js";
import { advisorySeverity } from "./severity.js";
import type { AdvisoryMatch, AdvisorySourceOptions, DetailedMatch, OsvRecord, PackageRef } from "./types.js";

export type { AdvisoryMatch, AdvisorySourceOptions, DetailedMatch, OsvRecord, PackageRef } from "./types.js";
export { AdvisoriesUnavailableError } from "./types.js";
export { DEFAULT_OSV_URL } from "./online.js";
export { comparatorFor } from "./versions/index.js";
export { affectsVersion, affectingEntries, inRange } from "./match.js";

export interface FindOptions extends AdvisorySourceOptions {
  /** Test hooks for the online source: attempts and back-off. */
  attempts?: number;
  backoffMs?: number;
}

export interface FindResult {
  matches: DetailedMatch[];
  /** Network requests made and cache hits (online source only). */
  stats: OnlineStats;
  /** Offline records that could not be parsed. */
  skippedRecords: string[];
  /** Offline source only: index cache hits, records scanned and parsed (cumulative per database). */
  offline?: OfflineStats;
}

/**
 * Advisories affecting each package, sorted by package then id. Throws AdvisoriesUnavailableError
 * when the source cannot be reached or read: an unreachable source must never look like "none".
 */
export async function findAdvisories(packages: PackageRef[], source: FindOptions): Promise<FindResult> {
  const unique = dedupe(packages);
  const stats: OnlineStats = { requests: 0, cacheHits: 0 };
  let skippedRecords: string[] = [];
  let offline: OfflineStats | undefined;
  const matches: DetailedMatch[] = [];
  const reported = new Set<string>();
  const check = (pkg: PackageRef, record: OsvRecord): void => {
    const match = matchOf(pkg, record);
    if (!match) return;
    // The same advisory found twice (in two folders of the database) is reported once.
    const id = `${pkg.ecosystem}\0${pkg.name}\0${pkg.version}\0${match.id}`;
    if (reported.has(id)) return;
    reported.add(id);
    matches.push(match);
  };
  if (source.offline !== undefined) {
    const db = openOfflineDatabase(source.offline);
    const byKey = new Map<string, PackageRef[]>();
    for (const p of unique) {
      const key = indexKey(p.ecosystem, p.name);
      const same = byKey.get(key);
      if (same) same.push(p);
      else byKey.set(key, [p]);
    }
    // Records are checked as the database hands them over: during a first scan, while it goes on.
    await db.visitRecords(unique, (key, _location, record) => byKey.get(key)?.forEach((pkg) => check(pkg, record)), { cacheDir: source.cacheDir, ...(source.signal ? { signal: source.signal } : {}) });
    skippedRecords = [...db.skipped];
    offline = { ...db.stats };
  } else {
    const online = new OsvOnline({ ...source.online, cacheDir: source.cacheDir, ...(source.signal ? { signal: source.signal } : {}), ...(source.attempts !== undefined ? { attempts: source.attempts } : {}), ...(source.backoffMs !== undefined ? { backoffMs: source.backoffMs } : {}) });
    const byIndex = await online.recordsFor(unique);
    unique.forEach((pkg, i) => byIndex.get(i)?.forEach((record) => check(pkg, record)));
    Object.assign(stats, online.stats);
  }
  matches.sort((a, b) => cmp(a.package.ecosystem, b.package.ecosystem) || cmp(a.package.name, b.package.name) || cmp(a.package.version, b.package.version) || cmp(a.id, b.id));
  return offline ? { matches, stats, skippedRecords, offline } : { matches, stats, skippedRecords };
}

/** The match of one advisory record against one package version, or undefined when it does not apply. */
function matchOf(pkg: PackageRef, record: OsvRecord): DetailedMatch | undefined {
  if (record.withdrawn) return undefined;
  const entries = affectingEntries(record, pkg);
  if (entries.length === 0) return undefined;
  const sev = advisorySeverity(record, entries);
  const match: DetailedMatch = {
    package: pkg,
    id: record.id,
    aliases: [...(record.aliases ?? [])].sort(),
    summary: record.summary ?? firstLine(record.details) ?? record.id,
    severity: sev.severity,
    fixed: fixedVersions(entries, pkg),
    url: `https://osv.dev/vulnerability/${encodeURIComponent(record.id)}`,
  };
  if (sev.cvss) match.cvss = sev.cvss;
  if (record.modified) match.modified = record.modified;
  return match;
}

/** The contract the container gate uses: see AdvisorySourceOptions. */
export async function findVulnerabilities(packages: PackageRef[], source: AdvisorySourceOptions): Promise<AdvisoryMatch[]> {
  const { matches } = await findAdvisories(packages, source);
  return matches.map(({ package: pkg, id, aliases, summary, severity, fixed }) => ({ package: pkg, id, aliases, summary, severity, fixed }));
}

function dedupe(packages: PackageRef[]): PackageRef[] {
  const seen = new Set<string>();
  const out: PackageRef[] = [];
  for (const p of packages) {
    const key = `${p.ecosystem}\0${p.name}\0${p.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ecosystem: p.ecosystem, name: p.name, version: p.version });
  }
  return out;
}

function firstLine(text: string | undefined): string | undefined {
  const line = text?.trim().split("\n")[0]?.trim();
  return line ? line.slice(0, 200) : undefined;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Scanner interface: packages in, one finding per advisory match out (the gate adds locations). */
export const scanner: Scanner<{ packages: PackageRef[]; source: AdvisorySourceOptions }> = {
  id: "osv",
  description: "OSV advisory matcher (OSV API with an on-disk cache, or an offline OSV database)",
  async scan(input, ctx) {
    const { matches, stats } = await findAdvisories(input.packages, { ...input.source, signal: ctx.signal });
    const { makeFinding } = await import("../../core/finding.js");
    const findings = matches.map((m) =>
      makeFinding({
        ruleId: "dependencies/vulnerable-package",
        gate: "dependencies",
        severity: m.severity,
        message: `${m.package.name}@${m.package.version} is affected by ${m.id}: ${m.summary}`,
        key: `${m.package.ecosystem}:${m.package.name}@${m.package.version}:${m.id}`,
        properties: { ...m },
      }),
    );
    return { findings, metrics: { advisories: matches.length, requests: stats.requests } };
  },
};
