// The container gate: inspects the images the policy lists or the repository names, in their
// registry (no Docker engine), and reports config defects, secrets and vulnerable OS packages.
import { isAbsolute, resolve } from "node:path";
import { listFiles } from "../../core/files.js";
import { makeFinding } from "../../core/finding.js";
import { atLeast, evaluateBySeverity, isActive, plural } from "../../core/severity.js";
import { SEVERITIES, type Finding, type Gate, type GateContext, type GateScan, type Location, type Severity, type Verdict } from "../../core/types.js";
import { findVulnerabilities, type AdvisoryMatch, type PackageRef } from "../../scanners/osv/index.js";
import { inspectImage, mapLimit, parseReference, type ImageInspection, type InspectOptions } from "../../scanners/registry/index.js";
import { configFindings, findingFactory, type ImageTarget } from "./checks.js";
import { discoverImages } from "./discover.js";
import { ALL_RULES, RULES } from "./rules.js";
import { schema, type ContainerOptions } from "./schema.js";

function asSeverity(value: unknown): Severity {
  const lower = typeof value === "string" ? value.toLowerCase() : "";
  return (SEVERITIES as readonly string[]).includes(lower) ? (lower as Severity) : "high";
}

/**
 * `$VAR` / `${VAR}` in policy-listed images come from the environment, so a policy can name the
 * image a pipeline just built ("$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"). Unset variables stay as
 * written and make the reference invalid, which is reported.
 */
export function expandVariables(text: string, env: Record<string, string | undefined>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced: string | undefined, bare: string | undefined) => {
    const value = env[braced ?? bare ?? ""];
    return value ? value : whole;
  });
}

/** One identity for spellings of the same image ("debian:12", "docker.io/library/debian:12"). */
function canonicalKey(reference: string): string {
  try {
    const ref = parseReference(reference);
    return `${ref.registry}/${ref.repository}:${ref.tag ?? ""}@${ref.digest ?? ""}`;
  } catch {
    return reference;
  }
}

/** Policy-listed images first, then discovered ones; one target per reference with all its locations. */
async function collectTargets(ctx: GateContext<ContainerOptions>, findings: Finding[], notes: string[]): Promise<ImageTarget[]> {
  const targets = new Map<string, ImageTarget>();
  for (const listed of ctx.options.images) {
    const image = expandVariables(listed.trim(), ctx.env);
    const key = canonicalKey(image);
    if (!targets.has(key)) targets.set(key, { reference: image, locations: [], listed: true });
  }
  if (!ctx.options.discover) return distinguish([...targets.values()]);
  const listOptions: Parameters<typeof listFiles>[1] = { include: ctx.options.include, exclude: ctx.options.exclude, signal: ctx.signal };
  if (ctx.changedFiles) listOptions.changedFiles = ctx.changedFiles;
  const files = await listFiles(ctx.root, listOptions);
  const discovery = await discoverImages(ctx.root, files);
  for (const problem of discovery.problems) {
    const location: Location = { path: problem.path };
    if (problem.line !== undefined) location.startLine = problem.line;
    findings.push(
      makeFinding({
        ruleId: RULES.parseError.id,
        gate: "container",
        severity: RULES.parseError.severity,
        message: `${problem.path} could not be read for image references: ${problem.message}.`,
        location,
        key: "parse-error",
      }),
    );
  }
  for (const u of discovery.unresolved) notes.push(`${u.path}:${u.line}: image "${u.reference}" uses a variable tollgate cannot resolve; not inspected`);
  for (const found of discovery.images) {
    const location: Location = { path: found.path, startLine: found.line };
    const key = canonicalKey(found.reference);
    const existing = targets.get(key);
    if (existing) existing.locations.push(location);
    else targets.set(key, { reference: found.reference, locations: [location], listed: false });
  }
  return distinguish([...targets.values()]);
}

/** Marks targets that share a repository, so their findings get distinct fingerprints. */
function distinguish(list: ImageTarget[]): ImageTarget[] {
  const perRepository = new Map<string, number>();
  const repositoryOf = (t: ImageTarget): string => canonicalKey(t.reference).replace(/:[^:/@]*@.*$/, "");
  for (const t of list) perRepository.set(repositoryOf(t), (perRepository.get(repositoryOf(t)) ?? 0) + 1);
  for (const t of list) if ((perRepository.get(repositoryOf(t)) ?? 0) > 1) t.distinct = true;
  return list;
}

function unavailableFinding(target: ImageTarget, inspection: ImageInspection): Finding {
  const make = findingFactory(target, inspection);
  const error = inspection.error ?? { kind: "invalid", message: "unknown error" };
  const rule = error.kind === "reference" ? RULES.invalidReference : RULES.unavailable;
  return make(rule, {
    message:
      error.kind === "reference"
        ? target.reference.includes("$")
          ? `Image reference "${target.reference}" names an environment variable that is not set; set it or write the reference out.`
          : `Image reference "${target.reference}" is not valid: ${error.message}.`
        : `Image ${target.reference} could not be inspected: ${error.message}.`,
    key: error.kind,
    properties: { reason: error.kind },
  });
}

function layerFindings(target: ImageTarget, inspection: ImageInspection): Finding[] {
  const layers = inspection.layers;
  if (!layers) return [];
  const make = findingFactory(target, inspection);
  const findings: Finding[] = [];
  for (const secret of layers.secrets) {
    findings.push(
      make(RULES.secretInLayer, {
        message: `Image ${target.reference} contains a secret (${secret.hit.title}, ${secret.hit.redacted}) in ${secret.path} line ${secret.hit.line}; revoke it and rebuild without it.`,
        severity: secret.hit.severity,
        key: `${secret.path}\0${secret.hit.hash}`,
        properties: { file: secret.path, line: secret.hit.line, layer: secret.layerDigest, secretRule: secret.hit.ruleId, redacted: secret.hit.redacted },
      }),
    );
  }
  if (layers.incomplete) {
    findings.push(
      make(RULES.layerScanIncomplete, {
        message: `Image ${target.reference}: ${layers.incomplete}; secrets and packages past that point were not checked.`,
        properties: { layersRead: layers.layersRead, layers: inspection.metadata?.layers.length ?? 0, uncompressedBytes: layers.uncompressedBytes, files: layers.files },
      }),
    );
  }
  if (layers.packages.length > 0 && !layers.ecosystem) {
    const release = layers.osRelease ? `${layers.osRelease.id} ${layers.osRelease.versionId}`.trim() : "an unknown distribution (no os-release)";
    findings.push(
      make(RULES.osUnknown, {
        message: `Image ${target.reference} has ${plural(layers.packages.length, "OS package")} on ${release}, which has no OSV ecosystem tollgate matches.`,
        properties: { packages: layers.packages.length },
      }),
    );
  }
  return findings;
}

/** One OSV query for the OS packages of every image; findings per image, package and advisory. */
async function vulnerabilityFindings(
  ctx: GateContext<ContainerOptions>,
  pairs: Array<{ target: ImageTarget; inspection: ImageInspection }>,
  notes: string[],
): Promise<Finding[]> {
  const refs = new Map<string, PackageRef>();
  for (const { inspection } of pairs) {
    const ecosystem = inspection.layers?.ecosystem;
    if (!ecosystem) continue;
    for (const p of inspection.layers?.packages ?? []) {
      const ref = { ecosystem, name: p.source, version: p.sourceVersion };
      refs.set(`${ecosystem}\0${p.source}\0${p.sourceVersion}`, ref);
    }
  }
  if (refs.size === 0) return [];
  const database = ctx.options["osv-database"];
  const lookup: Parameters<typeof findVulnerabilities>[1] = { cacheDir: ctx.cacheDir, signal: ctx.signal };
  if (database) lookup.offline = isAbsolute(database) ? database : resolve(ctx.root, database);
  else lookup.online = { timeoutMs: ctx.options["request-timeout"] };
  let matches: AdvisoryMatch[];
  try {
    matches = await findVulnerabilities([...refs.values()], lookup);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    notes.push(`OSV lookup failed: ${reason}`);
    return pairs
      .filter(({ inspection }) => inspection.layers?.ecosystem && inspection.layers.packages.length > 0)
      .map(({ target, inspection }) =>
        findingFactory(target, inspection)(RULES.layerScanIncomplete, {
          message: `Image ${target.reference}: its OS packages could not be matched against OSV advisories (${reason}).`,
          key: "osv",
          severity: "high",
          properties: { reason },
        }),
      );
  }
  const byPackage = new Map<string, AdvisoryMatch[]>();
  for (const m of matches) {
    const key = `${m.package.ecosystem}\0${m.package.name}\0${m.package.version}`;
    byPackage.set(key, [...(byPackage.get(key) ?? []), m]);
  }
  const findings: Finding[] = [];
  for (const { target, inspection } of pairs) {
    const layers = inspection.layers;
    if (!layers?.ecosystem) continue;
    const make = findingFactory(target, inspection);
    const reported = new Set<string>();
    for (const p of layers.packages) {
      for (const m of byPackage.get(`${layers.ecosystem}\0${p.source}\0${p.sourceVersion}`) ?? []) {
        const id = `${p.source}\0${m.id}`;
        if (reported.has(id)) continue;
        reported.add(id);
        const binaries = layers.packages.filter((q) => q.source === p.source && q.sourceVersion === p.sourceVersion).map((q) => q.name);
        const fix = m.fixed.length > 0 ? `upgrade to ${m.fixed.join(" or ")}` : "no fixed version yet; consider another base image";
        findings.push(
          make(RULES.vulnerablePackage, {
            message: `Image ${target.reference} has ${p.source} ${p.sourceVersion} (${layers.ecosystem}) affected by ${m.id}${m.summary ? ` (${m.summary})` : ""}; ${fix}.`,
            severity: asSeverity(m.severity),
            key: `${p.source}\0${m.id}`,
            properties: {
              ecosystem: layers.ecosystem,
              operatingSystem: layers.osRelease?.prettyName ?? `${layers.osRelease?.id ?? ""} ${layers.osRelease?.versionId ?? ""}`.trim(),
              package: p.source,
              version: p.sourceVersion,
              binaryPackages: binaries,
              advisory: m.id,
              aliases: m.aliases,
              fixedIn: m.fixed,
            },
          }),
        );
      }
    }
  }
  return findings;
}

async function scan(ctx: GateContext<ContainerOptions>): Promise<GateScan> {
  const options = ctx.options;
  const findings: Finding[] = [];
  const notes: string[] = [];
  const targets = await collectTargets(ctx, findings, notes);
  if (targets.length === 0) {
    if (findings.length > 0) return { findings, metrics: { images: 0 }, notes };
    return {
      findings: [],
      metrics: {},
      skipped: options.discover
        ? "no image references found in Dockerfiles, Kubernetes manifests or Compose files; list images under container.images"
        : "no images to inspect: list them under container.images or set container.discover: true",
      ...(notes.length > 0 ? { notes } : {}),
    };
  }
  const limits = options["layer-limits"];
  const inspectOptions: InspectOptions = {
    platform: options.platform,
    insecureRegistries: options["insecure-registries"],
    registries: options.registries,
    env: ctx.env,
    timeoutMs: options["request-timeout"],
    retries: options.retries,
    signal: ctx.signal,
    layers: options.layers,
    limits: {
      maxTotalBytes: limits["max-total-mb"] * 1024 * 1024,
      maxFiles: limits["max-files"],
      maxRatio: limits["max-ratio"],
      maxFileBytes: limits["max-file-kb"] * 1024,
    },
    layerExclude: options["layer-exclude"],
  };
  const started = Date.now();
  const inspections = await mapLimit(targets, options.concurrency, (t) => inspectImage(t.reference, { ...inspectOptions, untrusted: !t.listed }));
  const pairs = targets.map((target, i) => ({ target, inspection: inspections[i] as ImageInspection }));
  for (const { target, inspection } of pairs) {
    if (inspection.error) {
      findings.push(unavailableFinding(target, inspection));
      continue;
    }
    findings.push(...configFindings(target, inspection, { options, now: ctx.now }));
    findings.push(...layerFindings(target, inspection));
  }
  if (options.layers) findings.push(...(await vulnerabilityFindings(ctx, pairs, notes)));
  const layerReports = inspections.map((i) => i.layers).filter((l) => l !== undefined);
  const metrics: Record<string, number> = {
    images: targets.length,
    unavailable: inspections.filter((i) => i.error).length,
    compressedBytes: inspections.reduce((s, i) => s + (i.metadata?.compressedSize ?? 0), 0),
  };
  if (options.layers) {
    metrics.layerBytesRead = layerReports.reduce((s, l) => s + l.compressedBytes, 0);
    metrics.layerFiles = layerReports.reduce((s, l) => s + l.files, 0);
    metrics.osPackages = layerReports.reduce((s, l) => s + l.packages.length, 0);
  }
  ctx.log.info(
    `container: inspected ${plural(targets.length, "image")} in ${Date.now() - started} ms` +
      (metrics.unavailable ? `, ${metrics.unavailable} could not be inspected` : "") +
      (options.layers ? `, ${((metrics.layerBytesRead ?? 0) / 1048576).toFixed(1)} MB of layers read` : ""),
  );
  return { findings, metrics, notes, data: { images: pairs.map(({ target, inspection }) => ({ image: target.reference, digest: inspection.metadata?.manifestDigest ?? null, error: inspection.error?.kind ?? null })) } };
}

const BLOCKING = new Set<string>([RULES.unavailable.id, RULES.invalidReference.id]);

/** fail-on decides as usual, except that an image that could not be inspected always fails. */
function evaluate(result: GateScan, options: ContainerOptions & { "fail-on": Severity }): Verdict {
  const verdict = evaluateBySeverity(result, options);
  const blocked = result.findings.filter((f) => isActive(f) && BLOCKING.has(f.ruleId) && !atLeast(f.severity, options["fail-on"]));
  if (blocked.length > 0) {
    return { status: "failed", summary: `${plural(blocked.length, "image")} could not be inspected; ${verdict.summary}` };
  }
  return verdict;
}

export const gate: Gate<ContainerOptions> = {
  id: "container",
  title: "Container images",
  description: "Inspects container images in their registry: user, age, digest pinning, labels, secrets, exposed ports, size, healthcheck, and with layers: true secrets in files and vulnerable OS packages.",
  schema,
  rules: () => ALL_RULES,
  scan,
  evaluate,
};
