// Config-level checks of one inspected image: pure functions from what the registry returned
// (manifest, config) and the options to findings — no I/O, so each rule is tested in isolation.
import { makeFinding } from "../../core/finding.js";
import type { Finding, Location, RuleMeta, Severity } from "../../core/types.js";
import { findSecrets, type ImageInspection, type SecretHit } from "../../scanners/registry/index.js";
import { RULES } from "./rules.js";
import type { ContainerOptions } from "./schema.js";

export interface ImageTarget {
  reference: string;
  /** Where the repository names this image (discovered references); empty for policy-listed ones. */
  locations: Location[];
  /** Named by the policy (trusted) rather than only by repository files. */
  listed: boolean;
  /**
   * Set when several targets share a repository (app:1 and app:2 in one run): their fingerprints
   * then include the tag. Otherwise fingerprints follow the repository, so a baseline survives a
   * new tag of the same image.
   */
  distinct?: boolean;
}

export interface CheckContext {
  options: ContainerOptions;
  now: Date;
}

const DAY_MS = 86_400_000;
const OCI_LABEL_PREFIX = "org.opencontainers.image.";

export function expandLabel(label: string): string {
  return label.includes(".") ? label : `${OCI_LABEL_PREFIX}${label}`;
}

/** Builds findings for one image, all sharing its location and identity properties. */
export function findingFactory(target: ImageTarget, inspection: ImageInspection) {
  const ref = inspection.ref;
  const identity = ref ? `${ref.registry}/${ref.repository}${target.distinct ? `:${ref.tag ?? ""}@${ref.digest ?? ""}` : ""}` : target.reference;
  const base: Record<string, unknown> = { image: target.reference };
  if (inspection.metadata?.manifestDigest) base.digest = inspection.metadata.manifestDigest;
  if (inspection.metadata?.indexDigest) base.indexDigest = inspection.metadata.indexDigest;
  const config = inspection.metadata?.config;
  if (config?.os && config.architecture) base.platform = `${config.os}/${config.architecture}`;
  if (target.locations.length > 1) base.locations = target.locations.map((l) => `${l.path}:${l.startLine ?? 1}`);
  return (rule: RuleMeta, input: { message: string; key?: string; severity?: Severity; properties?: Record<string, unknown> }): Finding => {
    const finding: Parameters<typeof makeFinding>[0] = {
      ruleId: rule.id,
      gate: "container",
      severity: input.severity ?? rule.severity,
      message: input.message,
      key: `${identity}\0${input.key ?? ""}`,
      properties: { ...base, ...(input.properties ?? {}) },
    };
    const location = target.locations[0];
    if (location) finding.location = location;
    if (rule.helpUri) finding.helpUri = rule.helpUri;
    return makeFinding(finding);
  };
}

function isRootUser(user: string | undefined): boolean {
  const name = (user ?? "").trim().split(":")[0] ?? "";
  return name === "" || name === "0" || name === "root";
}

const PORT_SEVERITY: Record<number, Severity> = { 23: "high", 2375: "high", 22: "medium", 3389: "medium" };
const PORT_NAMES: Record<number, string> = { 22: "SSH", 23: "telnet", 2375: "the unencrypted Docker daemon API", 3389: "RDP" };

export function configFindings(target: ImageTarget, inspection: ImageInspection, ctx: CheckContext): Finding[] {
  const make = findingFactory(target, inspection);
  const metadata = inspection.metadata;
  if (!metadata) return [];
  const { options, now } = ctx;
  const image = target.reference;
  const config = metadata.config.config ?? {};
  const findings: Finding[] = [];

  if (isRootUser(config.User)) {
    findings.push(
      make(RULES.runsAsRoot, {
        message: `Image ${image} runs as root (USER ${config.User ? `"${config.User}"` : "not set"}); add a non-root USER to its final stage.`,
        properties: { user: config.User ?? "" },
      }),
    );
  }

  const created = metadata.config.created ? Date.parse(metadata.config.created) : Number.NaN;
  // Reproducible builders (ko, Bazel, Nix) stamp the epoch: the age is unknown, not 56 years.
  if (Number.isFinite(created) && created > DAY_MS) {
    const ageDays = Math.floor((now.getTime() - created) / DAY_MS);
    if (ageDays > options["max-age-days"]) {
      findings.push(
        make(RULES.tooOld, {
          message: `Image ${image} was built ${ageDays} days ago (limit ${options["max-age-days"]}); rebuild it on a current base image.`,
          properties: { created: metadata.config.created, ageDays, maxAgeDays: options["max-age-days"] },
        }),
      );
    }
  }

  if (options["require-digest"] && !inspection.ref?.digest) {
    const digest = metadata.indexDigest ?? metadata.manifestDigest;
    const name = image.replace(/:[^/:@]+$/, "");
    findings.push(
      make(RULES.notPinned, {
        message: `Image ${image} is referenced by tag only; pin it by digest, e.g. ${name}@${digest}.`,
        properties: { suggested: `${name}@${digest}` },
      }),
    );
  }

  const labels = config.Labels ?? {};
  for (const wanted of options["required-labels"].map(expandLabel)) {
    if (!labels[wanted]?.trim()) {
      findings.push(make(RULES.missingLabel, { message: `Image ${image} has no ${wanted} label; add it at build time.`, key: wanted, properties: { label: wanted } }));
    }
  }

  findings.push(...configSecretFindings(target, inspection));

  for (const key of Object.keys(config.ExposedPorts ?? {})) {
    const port = Number.parseInt(key, 10);
    if (!options["sensitive-ports"].includes(port)) continue;
    findings.push(
      make(RULES.sensitivePort, {
        message: `Image ${image} exposes port ${key}${PORT_NAMES[port] ? ` (${PORT_NAMES[port]})` : ""}; remove the EXPOSE and the service behind it.`,
        severity: PORT_SEVERITY[port] ?? "medium",
        key,
        properties: { port: key },
      }),
    );
  }

  const maxMb = options["max-size-mb"];
  const sizeMb = metadata.compressedSize / (1024 * 1024);
  if (maxMb !== undefined && sizeMb > maxMb) {
    findings.push(
      make(RULES.tooLarge, {
        message: `Image ${image} is ${sizeMb.toFixed(1)} MB compressed (limit ${maxMb} MB); slim its final stage.`,
        properties: { sizeBytes: metadata.compressedSize, maxMb },
      }),
    );
  }

  const test = config.Healthcheck?.Test ?? [];
  if (options.healthcheck && (test.length === 0 || test[0] === "NONE")) {
    findings.push(make(RULES.noHealthcheck, { message: `Image ${image} has no HEALTHCHECK; add one so hung containers are detected.` }));
  }
  return findings;
}

/** Secrets in Env, Labels and build history, one finding per distinct secret with every place it appears. */
export function configSecretFindings(target: ImageTarget, inspection: ImageInspection): Finding[] {
  const metadata = inspection.metadata;
  if (!metadata) return [];
  const make = findingFactory(target, inspection);
  const config = metadata.config.config ?? {};
  const places: Array<{ place: string; text: string }> = [];
  for (const entry of config.Env ?? []) places.push({ place: `env ${entry.split("=")[0] ?? ""}`, text: entry });
  for (const [key, value] of Object.entries(config.Labels ?? {})) places.push({ place: `label ${key}`, text: `${key}=${value}` });
  (metadata.config.history ?? []).forEach((h, index) => {
    if (h.created_by) places.push({ place: `history[${index}]`, text: h.created_by });
  });
  const bySecret = new Map<string, { hit: SecretHit; places: string[] }>();
  for (const { place, text } of places) {
    for (const hit of findSecrets(text, place)) {
      const entry = bySecret.get(hit.hash);
      if (entry) {
        if (!entry.places.includes(place)) entry.places.push(place);
      } else bySecret.set(hit.hash, { hit, places: [place] });
    }
  }
  return [...bySecret.values()].map(({ hit, places: where }) =>
    make(RULES.secretInConfig, {
      message: `Image ${target.reference} carries a secret (${hit.title}, ${hit.redacted}) in ${where.join(", ")}; revoke it and pass it at run time instead.`,
      severity: hit.severity,
      key: hit.hash,
      properties: { secretRule: hit.ruleId, redacted: hit.redacted, places: where },
    }),
  );
}
