// The dependencies gate: parses lockfiles, matches their packages against OSV advisories (online
// with a cache, or an offline database), checks licences against the policy and writes a
// CycloneDX SBOM on request.
import { mkdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import picomatch from "picomatch";
import type { Finding, Gate, GateContext, GateScan } from "../../core/types.js";
import { makeFinding } from "../../core/finding.js";
import { evaluateBySeverity, severityMetrics } from "../../core/severity.js";
import { listFiles } from "../../core/files.js";
import { parseDuration } from "../../core/duration.js";
import { GateInputError, errorMessage } from "../../core/errors.js";
import { toolVersion } from "../../core/version.js";
import { lockfileKind, readLockfiles, type LockPackage, type ParsedLockfile } from "../../scanners/lockfiles/index.js";
import { AdvisoriesUnavailableError, findAdvisories, type DetailedMatch, type FindOptions } from "../../scanners/osv/index.js";
import { checkLicense } from "./licenses.js";
import { addInstalledLicenses } from "./installed-licenses.js";
import { RULES, RULE_LIST } from "./rules.js";
import { buildSbom } from "./sbom.js";
import { schema, type DependenciesOptions } from "./schema.js";

const GATE = "dependencies";
/** Manifests whose change means the lockfile beside them may have changed meaning (--changed). */
const MANIFESTS = new Set(["package.json", "pyproject.toml", "Pipfile", "Gemfile", "composer.json", "build.gradle", "build.gradle.kts", "Cargo.toml"]);

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The lockfiles to scan, and findings for explicitly named ones that are missing. */
async function selectLockfiles(ctx: GateContext<DependenciesOptions>): Promise<{ paths: string[]; missing: Finding[] }> {
  const o = ctx.options;
  const missing: Finding[] = [];
  if (o.lockfiles.length > 0) {
    const paths = new Set<string>();
    let all: string[] | undefined;
    for (const entry of o.lockfiles) {
      const clean = entry.replace(/^\.\//, "");
      if (/[*?[{]/.test(clean)) {
        all ??= await listFiles(ctx.root, { exclude: o.exclude, signal: ctx.signal });
        const match = picomatch(clean, { dot: true });
        const hits = all.filter((p) => match(p));
        hits.forEach((p) => paths.add(p));
        if (hits.length === 0) missing.push(missingFinding(clean, `no file matches the glob ${clean}`));
      } else if (await exists(join(ctx.root, clean))) {
        paths.add(clean);
      } else {
        missing.push(missingFinding(clean, `${clean} does not exist`));
      }
    }
    return { paths: [...paths].sort(), missing };
  }
  const files = await listFiles(ctx.root, { include: o.include, exclude: o.exclude, signal: ctx.signal });
  let lockfiles = files.filter((p) => lockfileKind(p) !== undefined);
  if (ctx.changedFiles) {
    const changed = new Set(ctx.changedFiles);
    const changedDirs = new Set(ctx.changedFiles.filter((p) => MANIFESTS.has(basename(p))).map((p) => dirname(p)));
    lockfiles = lockfiles.filter((p) => changed.has(p) || changedDirs.has(dirname(p)));
  }
  return { paths: lockfiles, missing };
}

function missingFinding(path: string, reason: string): Finding {
  return makeFinding({
    ruleId: RULES.missingLockfile.id,
    gate: GATE,
    severity: RULES.missingLockfile.severity,
    message: `The policy names the lockfile ${path} but ${reason}; fix dependencies.lockfiles or commit the file.`,
    location: { path },
    key: path,
  });
}

function describeAdvisory(m: DetailedMatch): string {
  const cves = m.aliases.filter((a) => a.startsWith("CVE-"));
  return cves.length > 0 ? `${m.id} (${cves.join(", ")})` : m.id;
}

function vulnerabilityFinding(lockfile: ParsedLockfile, pkg: LockPackage, m: DetailedMatch): Finding {
  const fix = m.fixed.length > 0 ? `upgrade to ${m.fixed.join(" or ")}` : "no fixed version is published yet: replace or isolate the package";
  const via = pkg.direct ? "" : " (transitive)";
  return makeFinding({
    ruleId: RULES.vulnerablePackage.id,
    gate: GATE,
    severity: m.severity,
    message: `${pkg.name}@${pkg.version}${via} is affected by ${describeAdvisory(m)}: ${m.summary.replace(/\.$/, "")}; ${fix}.`,
    location: { path: lockfile.path, startLine: pkg.line },
    key: `${pkg.ecosystem}:${pkg.name}@${pkg.version}:${m.id}`,
    helpUri: m.url,
    properties: {
      ecosystem: pkg.ecosystem,
      package: pkg.name,
      version: pkg.version,
      direct: pkg.direct,
      dev: pkg.dev,
      advisory: m.id,
      aliases: m.aliases,
      cve: m.aliases.filter((a) => a.startsWith("CVE-")),
      fixedIn: m.fixed,
      summary: m.summary,
      ...(m.cvss ? { cvss: m.cvss.score, cvssVector: m.cvss.vector, cvssVersion: m.cvss.version } : {}),
    },
  });
}

function licenseFindings(lockfile: ParsedLockfile, options: DependenciesOptions): Finding[] {
  const policy = options.licenses;
  if (!policy || (policy.allow === undefined && policy.deny === undefined)) return [];
  const out: Finding[] = [];
  const policyForCheck: { allow?: string[]; deny?: string[] } = {};
  if (policy.allow) policyForCheck.allow = policy.allow;
  if (policy.deny) policyForCheck.deny = policy.deny;
  for (const pkg of lockfile.packages) {
    if ((pkg.ecosystem === "Go" && pkg.name === "stdlib") || pkg.local === true) continue;
    const verdict = checkLicense(pkg.license, policyForCheck);
    const where = { path: lockfile.path, startLine: pkg.line };
    const key = `${pkg.ecosystem}:${pkg.name}@${pkg.version}`;
    const base = { ecosystem: pkg.ecosystem, package: pkg.name, version: pkg.version, direct: pkg.direct, dev: pkg.dev };
    if (verdict.status === "denied") {
      out.push(makeFinding({
        ruleId: RULES.licenseDenied.id, gate: GATE, severity: RULES.licenseDenied.severity, location: where, key,
        message: `${pkg.name}@${pkg.version} is licensed ${verdict.expression}, and ${verdict.licenses.join(", ")} is denied by the licence policy; replace the package or waive it after review.`,
        properties: { ...base, license: verdict.expression, denied: verdict.licenses },
      }));
    } else if (verdict.status === "not-allowed") {
      out.push(makeFinding({
        ruleId: RULES.licenseNotAllowed.id, gate: GATE, severity: RULES.licenseNotAllowed.severity, location: where, key,
        message: `${pkg.name}@${pkg.version} is licensed ${verdict.expression}, which uses ${verdict.licenses.join(", ")} outside the allowed licences; replace the package or extend licenses.allow after review.`,
        properties: { ...base, license: verdict.expression, notAllowed: verdict.licenses },
      }));
    } else if (verdict.status === "unknown" && policy.unknown === "report") {
      out.push(makeFinding({
        ruleId: RULES.licenseUnknown.id, gate: GATE, severity: RULES.licenseUnknown.severity, location: where, key,
        message: `The licence of ${pkg.name}@${pkg.version} is unknown (${verdict.reason}); check it and waive this finding with the result.`,
        properties: { ...base, ...(pkg.license ? { license: pkg.license } : {}) },
      }));
    }
  }
  return out;
}

async function writeSbom(ctx: GateContext<DependenciesOptions>, lockfiles: ParsedLockfile[]): Promise<void> {
  if (!ctx.options.sbom) return;
  const target = resolve(ctx.root, ctx.options.sbom);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, buildSbom({ projectName: basename(ctx.root), lockfiles, toolVersion: toolVersion(), now: ctx.now }));
}

export const gate: Gate<DependenciesOptions> = {
  id: GATE,
  title: "Dependencies",
  description: "Known vulnerabilities (OSV) and licences of the packages every lockfile installs, plus a CycloneDX SBOM.",
  schema,
  rules: () => RULE_LIST,

  async scan(ctx): Promise<GateScan> {
    const o = ctx.options;
    const { paths, missing } = await selectLockfiles(ctx);
    const notes: string[] = [];
    if (paths.length === 0 && missing.length === 0) {
      // CI jobs upload the SBOM whatever happens: an empty one says "no packages" explicitly.
      if (o.sbom) await writeSbom(ctx, []);
      return {
        findings: [],
        metrics: {},
        skipped: ctx.changedFiles
          ? "no lockfile or manifest changed"
          : "no lockfile found (package-lock.json, yarn.lock, pnpm-lock.yaml, bun.lock, requirements*.txt, poetry.lock, Pipfile.lock, uv.lock, pdm.lock, go.mod, Cargo.lock, Gemfile.lock, composer.lock, pom.xml, gradle.lockfile, packages.lock.json); name yours under dependencies.lockfiles",
      };
    }
    const { lockfiles, failures } = await readLockfiles(ctx.root, paths, ctx.signal);
    const findings: Finding[] = [...missing];
    for (const f of failures) {
      findings.push(makeFinding({
        ruleId: RULES.parseError.id, gate: GATE, severity: RULES.parseError.severity,
        message: `${f.path} cannot be parsed (${f.message.replace(/\.$/, "")}), so its packages were not checked; regenerate it with its package manager.`,
        location: f.line !== undefined ? { path: f.path, startLine: f.line } : { path: f.path },
        key: "parse-error",
        properties: { reason: f.message },
      }));
    }
    for (const l of lockfiles) notes.push(...l.notes.slice(0, 20));
    if (!o.dev) for (const l of lockfiles) l.packages = l.packages.filter((p) => !p.dev);

    if (o.licenses) await Promise.all(lockfiles.map((l) => addInstalledLicenses(ctx.root, l)));

    // The SBOM comes first so it is written even when the advisory source is down.
    if (o.sbom) {
      await writeSbom(ctx, lockfiles);
      notes.push(`CycloneDX SBOM written to ${o.sbom}`);
    }

    for (const l of lockfiles) findings.push(...licenseFindings(l, o));

    // The project's own crates/projects are listed and in the SBOM, but not registry releases.
    const all = lockfiles.flatMap((l) => l.packages.filter((p) => p.local !== true));
    const metrics: Record<string, number> = {
      lockfiles: lockfiles.length,
      packages: new Set(all.map((p) => `${p.ecosystem}\0${p.name}\0${p.version}`)).size,
      direct: all.filter((p) => p.direct).length,
      dev: all.filter((p) => p.dev).length,
    };
    if (o.advisories.includes("osv") && all.length > 0) {
      const source: FindOptions = { cacheDir: ctx.cacheDir, signal: ctx.signal };
      if (o["osv-database"]) source.offline = resolve(ctx.root, o["osv-database"]);
      else source.online = { url: o["osv-url"], ttlMs: parseDuration(o["cache-ttl"]) ?? 0, timeoutMs: parseDuration(o["osv-timeout"]) ?? 30_000 };
      try {
        const result = await findAdvisories(all.map((p) => ({ ecosystem: p.ecosystem, name: p.name, version: p.version })), source);
        const byPackage = new Map<string, DetailedMatch[]>();
        for (const m of result.matches) {
          const key = `${m.package.ecosystem}\0${m.package.name}\0${m.package.version}`;
          const list = byPackage.get(key) ?? [];
          list.push(m);
          byPackage.set(key, list);
        }
        const vulnerable = new Set<string>();
        for (const l of lockfiles) {
          for (const pkg of l.packages) {
            if (pkg.local === true) continue;
            const key = `${pkg.ecosystem}\0${pkg.name}\0${pkg.version}`;
            for (const m of byPackage.get(key) ?? []) {
              findings.push(vulnerabilityFinding(l, pkg, m));
              vulnerable.add(key);
            }
          }
        }
        metrics.advisories = result.matches.length;
        metrics.vulnerablePackages = vulnerable.size;
        metrics.osvRequests = result.stats.requests;
        metrics.osvCacheHits = result.stats.cacheHits;
        if (result.skippedRecords.length > 0) notes.push(`${result.skippedRecords.length} OSV records could not be parsed and were skipped (first: ${result.skippedRecords[0] ?? ""})`);
      } catch (error) {
        if (!(error instanceof AdvisoriesUnavailableError)) throw error;
        if (o["on-unavailable"] === "error") {
          throw new GateInputError(`${errorMessage(error)}; vulnerabilities were not checked (set dependencies.on-unavailable: warn to accept that, or osv-database for an offline copy)`);
        }
        notes.push(`advisories unavailable: ${errorMessage(error)}`);
        findings.push(makeFinding({
          ruleId: RULES.advisoriesUnavailable.id, gate: GATE, severity: RULES.advisoriesUnavailable.severity,
          message: `Packages were not checked for vulnerabilities: ${errorMessage(error).replace(/\.$/, "")}.`,
          key: "advisories-unavailable",
        }));
      }
    }
    // One package version installed at several paths of one lockfile (npm nested copies) is one
    // finding, at its first line: duplicate fingerprints would confuse baselines and SARIF.
    const seen = new Set<string>();
    const unique = findings.filter((f) => {
      if (seen.has(f.fingerprint)) return false;
      seen.add(f.fingerprint);
      return true;
    });
    Object.assign(metrics, severityMetrics(unique));
    return { findings: unique, metrics, notes };
  },

  evaluate(scan, options) {
    return evaluateBySeverity(scan, options, "finding");
  },
};
