// Decides whether an OSV record affects one package version: ecosystem and name match, then the
// version falls in one of the ranges (SEMVER/ECOSYSTEM events) or in the explicit versions list.
// https://ossf.github.io/osv-schema/#evaluation
import { baseEcosystem, comparatorFor, compareSemver, type Compare } from "./versions/index.js";
import type { OsvAffected, OsvEvent, OsvRange, OsvRecord, PackageRef } from "./types.js";

/**
 * Same ecosystem, or one names a release the other leaves open: "Debian" matches "Debian:12",
 * "Ubuntu:22.04" matches "Ubuntu:22.04:LTS"; "Debian:11" never matches "Debian:12".
 */
export function ecosystemsMatch(recordEcosystem: string, packageEcosystem: string): boolean {
  if (recordEcosystem === packageEcosystem) return true;
  const a = recordEcosystem.toLowerCase();
  const b = packageEcosystem.toLowerCase();
  return a === b || a.startsWith(`${b}:`) || b.startsWith(`${a}:`);
}

/** The key names are compared under: PyPI per PEP 503, NuGet/Packagist case-insensitively. */
export function normalizeName(ecosystem: string, name: string): string {
  switch (baseEcosystem(ecosystem).toLowerCase()) {
    case "pypi":
      return name.toLowerCase().replace(/[-_.]+/g, "-");
    case "nuget":
    case "packagist":
    case "crates.io":
      return name.toLowerCase();
    default:
      return name;
  }
}

/** Index key: base ecosystem in lower case plus normalised name, so "Debian:12" and "Debian" meet. */
export function indexKey(ecosystem: string, name: string): string {
  return `${baseEcosystem(ecosystem).toLowerCase()}\0${normalizeName(ecosystem, name)}`;
}

const sortedEvents = new WeakMap<OsvRange, OsvEvent[]>();

function eventVersion(e: OsvEvent): string {
  return e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? "";
}

function sorted(range: OsvRange, cmp: Compare): OsvEvent[] {
  let events = sortedEvents.get(range);
  if (!events) {
    events = [...range.events].sort((x, y) => {
      if (x.introduced === "0") return y.introduced === "0" ? 0 : -1;
      if (y.introduced === "0") return 1;
      return cmp(eventVersion(x), eventVersion(y));
    });
    sortedEvents.set(range, events);
  }
  return events;
}

/** The OSV spec's evaluation: walk the sorted events, the last one at or below v decides. */
export function inRange(range: OsvRange, version: string, cmp: Compare): boolean {
  let affected = false;
  const limits: string[] = [];
  for (const e of sorted(range, cmp)) {
    if (e.introduced !== undefined) {
      if (e.introduced === "0" || cmp(version, e.introduced) >= 0) affected = true;
    } else if (e.fixed !== undefined) {
      if (cmp(version, e.fixed) >= 0) affected = false;
    } else if (e.last_affected !== undefined) {
      if (cmp(version, e.last_affected) > 0) affected = false;
    } else if (e.limit !== undefined) {
      limits.push(e.limit);
    }
  }
  if (affected && limits.length > 0 && !limits.some((l) => l === "*" || cmp(version, l) < 0)) return false;
  return affected;
}

function sameVersion(ecosystem: string, a: string, b: string): boolean {
  if (a === b) return true;
  const base = baseEcosystem(ecosystem).toLowerCase();
  if (base === "go") return a.replace(/^v/, "") === b.replace(/^v/, "");
  return false;
}

/**
 * A Composer branch install (`dev-main`): which releases it contains is unknown, and Composer
 * itself never matches a branch name against a version constraint, so ranges do not apply to it.
 * (`2.x-dev` is different: Composer orders it as the newest 2.x, and so does our comparator.)
 */
function isBranchInstall(ecosystem: string, version: string): boolean {
  return baseEcosystem(ecosystem).toLowerCase() === "packagist" && /^dev-/i.test(version);
}

/** Whether one `affected` entry covers the version. GIT ranges need commits, so they never match. */
export function affectsVersion(entry: OsvAffected, ecosystem: string, version: string): boolean {
  if (entry.versions?.some((v) => sameVersion(ecosystem, v, version))) return true;
  if (isBranchInstall(ecosystem, version)) return false;
  const ecosystemCmp = comparatorFor(ecosystem);
  for (const range of entry.ranges ?? []) {
    if (!Array.isArray(range.events) || range.events.length === 0) continue;
    if (range.type === "SEMVER") {
      if (inRange(range, version.replace(/^v/, ""), (a, b) => compareSemver(a, b))) return true;
    } else if (range.type === "ECOSYSTEM") {
      if (inRange(range, version, ecosystemCmp)) return true;
    }
  }
  return false;
}

/** Entries of a record for this package (ecosystem and normalised name). */
export function entriesFor(record: OsvRecord, pkg: PackageRef): OsvAffected[] {
  const name = normalizeName(pkg.ecosystem, pkg.name);
  return (record.affected ?? []).filter((a) => {
    const eco = a.package?.ecosystem;
    const n = a.package?.name;
    return eco !== undefined && n !== undefined && ecosystemsMatch(eco, pkg.ecosystem) && normalizeName(eco, n) === name;
  });
}

/** The entries that affect the package's version; empty when the record does not apply. */
export function affectingEntries(record: OsvRecord, pkg: PackageRef): OsvAffected[] {
  if (record.withdrawn) return [];
  return entriesFor(record, pkg).filter((entry) => affectsVersion(entry, entry.package?.ecosystem ?? pkg.ecosystem, pkg.version));
}

/** Versions that fix the advisory for this package and are newer than the installed one. */
export function fixedVersions(entries: OsvAffected[], pkg: PackageRef): string[] {
  const cmp = comparatorFor(pkg.ecosystem);
  const out = new Set<string>();
  for (const entry of entries) {
    for (const range of entry.ranges ?? []) {
      if (range.type === "GIT") continue;
      const c = range.type === "SEMVER" ? compareSemver : cmp;
      for (const e of range.events ?? []) if (e.fixed !== undefined && c(e.fixed, pkg.version.replace(range.type === "SEMVER" ? /^v/ : /^$/, "")) > 0) out.add(e.fixed);
    }
  }
  return [...out].sort(cmp);
}
