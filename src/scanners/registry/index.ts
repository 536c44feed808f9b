// The registry scanner: inspects container images in their registry without a Docker engine —
// manifest and config through the registry client, and optionally the layers streamed in memory
// for secrets (secrets engine) and OS packages (dpkg, apk).
import picomatch from "picomatch";
import type { Scanner, ScannerContext } from "../../core/types.js";
import { findSecretsInText, type SecretHit } from "../secrets/index.js";
import { isIP } from "node:net";
import { normalizeRegistryKey, resolveCredentials, type RegistryAuthOption } from "./auth.js";
import { openBlob, type BlobSession } from "./blob.js";
import { allowsPlainHttp, fetchImageMetadata, parsePlatform, RegistryError, type ImageMetadata, type RegistryAccess } from "./client.js";
import { LimitExceeded, walkLayer, type LayerLimits, type WalkState } from "./layers.js";
import { osvEcosystem, parseApkInstalled, parseDpkgStatus, parseOsRelease, type OsPackage, type OsRelease } from "./packages.js";
import { hostName, parseReference, ReferenceError, type ImageReference } from "./reference.js";

export { parseReference, ReferenceError, type ImageReference } from "./reference.js";
export type { SecretHit } from "../secrets/index.js";
export { RegistryError, type ImageMetadata, type ImageConfigBody } from "./client.js";
export type { LayerLimits } from "./layers.js";
export type { OsPackage, OsRelease } from "./packages.js";
export { osvEcosystem, parseApkInstalled, parseDpkgStatus, parseOsRelease } from "./packages.js";

export interface InspectOptions {
  platform: string;
  /** Hosts allowed over plain HTTP; "loopback" stands for localhost, 127.0.0.0/8 and ::1. */
  insecureRegistries: readonly string[];
  registries: Record<string, { auth?: RegistryAuthOption | undefined } | undefined>;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  retries: number;
  signal: AbortSignal;
  /** Stream the layers: secrets in files and the OS package database. */
  layers: boolean;
  limits: LayerLimits;
  /** Globs (image paths without a leading "/") whose files are not searched for secrets. */
  layerExclude: readonly string[];
  /**
   * The reference comes from a repository file (a pull request can write it), not from the
   * policy: IP addresses, single-label and cluster-internal hosts are then refused unless the
   * policy trusts the host (insecure-registries or registries), so a scan cannot be used to probe
   * the CI machine's network.
   */
  untrusted?: boolean;
}

export interface LayerSecret {
  /** Path inside the image, with a leading "/". */
  path: string;
  layerDigest: string;
  hit: SecretHit;
}

export interface LayerReport {
  secrets: LayerSecret[];
  packages: OsPackage[];
  osRelease?: OsRelease;
  /** OSV ecosystem of the image's distribution, e.g. "Debian:12". */
  ecosystem?: string;
  /** Set when a limit or an error stopped the walk: the layers were only partly read. */
  incomplete?: string;
  layersRead: number;
  compressedBytes: number;
  uncompressedBytes: number;
  files: number;
}

export interface ImageInspection {
  reference: string;
  ref?: ImageReference;
  metadata?: ImageMetadata;
  error?: { kind: RegistryError["kind"] | "reference" | "credentials" | "refused"; message: string };
  layers?: LayerReport;
  durationMs: number;
}

const DPKG_STATUS = "var/lib/dpkg/status";
const DPKG_STATUS_D = "var/lib/dpkg/status.d/";
const APK_INSTALLED = "lib/apk/db/installed";
const OS_RELEASE = ["etc/os-release", "usr/lib/os-release"];

function isPackageDb(path: string): boolean {
  return path === DPKG_STATUS || path === APK_INSTALLED || path.startsWith(DPKG_STATUS_D) || OS_RELEASE.includes(path);
}

/** The secrets engine on one text; `where` names the place for the engine's path-aware rules. */
export function findSecrets(text: string, where: string): SecretHit[] {
  return findSecretsInText(text, where);
}

/** Text worth handing to the secrets engine: no NUL byte in its first 8 KB (git's binary test). */
function looksLikeText(content: Buffer): boolean {
  return content.subarray(0, 8192).indexOf(0) === -1;
}

/** Ends a blob read that stalls: no chunk for `ms` aborts the request through `controller`. */
async function* idleTimeout(body: AsyncIterable<Uint8Array>, ms: number, controller: AbortController): AsyncGenerator<Uint8Array> {
  const timer = setTimeout(() => controller.abort(new RegistryError("timeout", `the registry sent no layer data for ${ms} ms`)), ms);
  try {
    for await (const chunk of body) {
      timer.refresh();
      yield chunk;
    }
  } finally {
    clearTimeout(timer);
  }
}

/** What one layer contributed; layers are walked concurrently and merged in order afterwards. */
interface LayerOutcome {
  dbFiles: Map<string, Buffer>;
  whiteouts: Array<{ path: string; opaque: boolean }>;
  secrets: LayerSecret[];
}

/** Layers downloaded at once: decompression runs on libuv's pool, so this overlaps I/O and CPU. */
const LAYER_CONCURRENCY = 3;

async function scanLayers(metadata: ImageMetadata, access: RegistryAccess, options: InspectOptions): Promise<LayerReport> {
  const state: WalkState = { compressedBytes: 0, uncompressedBytes: 0, files: 0 };
  const excluded = options.layerExclude.length > 0 ? picomatch([...options.layerExclude], { dot: true }) : () => false;
  const session: BlobSession = { ref: metadata.ref, protocol: metadata.protocol, access };
  const report: LayerReport = { secrets: [], packages: [], layersRead: 0, compressedBytes: 0, uncompressedBytes: 0, files: 0 };
  const controller = new AbortController();
  const signal = AbortSignal.any([options.signal, controller.signal]);
  const outcomes: Array<LayerOutcome | undefined> = [];
  let failure: { index: number; err: unknown } | undefined;

  const walkOne = async (layer: ImageMetadata["layers"][number]): Promise<LayerOutcome> => {
    const outcome: LayerOutcome = { dbFiles: new Map(), whiteouts: [], secrets: [] };
    const body = await openBlob(session, layer.digest, signal);
    await walkLayer(idleTimeout(body, options.timeoutMs, controller), {
      limits: options.limits,
      state,
      signal,
      visitor: {
        want: (path) => isPackageDb(path) || !excluded(path),
        onFile: (path, content) => {
          if (isPackageDb(path)) {
            outcome.dbFiles.set(path, content);
            return;
          }
          if (!looksLikeText(content)) return;
          for (const hit of findSecrets(content.toString("utf8"), `/${path}`)) outcome.secrets.push({ path: `/${path}`, layerDigest: layer.digest, hit });
        },
        onWhiteout: (path, opaque) => outcome.whiteouts.push({ path, opaque }),
      },
    });
    return outcome;
  };

  await mapLimit(
    metadata.layers.map((layer, index) => ({ layer, index })),
    LAYER_CONCURRENCY,
    async ({ layer, index }) => {
      if (failure || signal.aborted) return;
      try {
        outcomes[index] = await walkOne(layer);
      } catch (err) {
        // The first failure is the cause; the layers still in flight then fail from the abort.
        failure ??= { index, err };
        controller.abort();
      }
    },
  );
  if (failure || options.signal.aborted) {
    const err = failure?.err;
    const reason = controller.signal.reason instanceof RegistryError ? controller.signal.reason : undefined;
    if (options.signal.aborted) report.incomplete = "layer scan stopped: the gate was cancelled";
    else if (reason) report.incomplete = `layer scan stopped: ${reason.message}`;
    else if (err instanceof LimitExceeded || err instanceof RegistryError) report.incomplete = `layer scan stopped: ${err.message}`;
    else report.incomplete = `layer scan stopped: layer ${(failure?.index ?? 0) + 1} could not be read (${err instanceof Error ? err.message : String(err)})`;
  }

  // Merge bottom-up: a layer's whiteouts hide the layers below it, then its own files land.
  const dbFiles = new Map<string, Buffer>();
  const seen = new Set<string>();
  for (const outcome of outcomes) {
    if (!outcome) continue;
    report.layersRead++;
    for (const { path, opaque } of outcome.whiteouts) {
      const prefix = path === "" ? "" : `${path}/`;
      for (const key of [...dbFiles.keys()]) if ((!opaque && key === path) || key.startsWith(prefix)) dbFiles.delete(key);
    }
    for (const [path, content] of outcome.dbFiles) dbFiles.set(path, content);
    for (const secret of outcome.secrets) {
      const key = `${secret.path}\0${secret.hit.hash}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report.secrets.push(secret);
    }
  }
  report.compressedBytes = state.compressedBytes;
  report.uncompressedBytes = state.uncompressedBytes;
  report.files = state.files;
  const release = OS_RELEASE.map((p) => dbFiles.get(p)).find((b) => b !== undefined);
  const osRelease = release ? parseOsRelease(release.toString("utf8")) : undefined;
  if (osRelease) report.osRelease = osRelease;
  const ecosystem = osvEcosystem(osRelease);
  if (ecosystem) report.ecosystem = ecosystem;
  const packages: OsPackage[] = [];
  for (const [path, content] of [...dbFiles.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (path === DPKG_STATUS || path.startsWith(DPKG_STATUS_D)) packages.push(...parseDpkgStatus(content.toString("utf8")));
    else if (path === APK_INSTALLED) packages.push(...parseApkInstalled(content.toString("utf8")));
  }
  report.packages = packages;
  return report;
}

/** IP literals, single-label names and cluster-internal names, as the client's own SSRF filter sees them. */
export function isInternalHost(registry: string): boolean {
  const host = hostName(registry);
  return isIP(host) !== 0 || !host.includes(".") || /(?:^|\.)cluster\.local$/.test(host);
}

function isTrustedHost(registry: string, options: InspectOptions): boolean {
  if (allowsPlainHttp(registry, options.insecureRegistries)) return true;
  const wanted = normalizeRegistryKey(registry);
  return Object.keys(options.registries).some((key) => {
    const k = normalizeRegistryKey(key);
    return k === wanted || (!k.includes(":") && k === hostName(registry));
  });
}

/** Inspects one image; never throws for registry trouble — that comes back as `error`. */
export async function inspectImage(reference: string, options: InspectOptions): Promise<ImageInspection> {
  const started = Date.now();
  const done = (result: Omit<ImageInspection, "durationMs">): ImageInspection => ({ ...result, durationMs: Date.now() - started });
  let ref: ImageReference;
  try {
    ref = parseReference(reference);
  } catch (err) {
    return done({ reference, error: { kind: "reference", message: err instanceof ReferenceError ? err.message : String(err) } });
  }
  if (options.untrusted && isInternalHost(ref.registry) && !isTrustedHost(ref.registry, options)) {
    return done({
      reference,
      ref,
      error: {
        kind: "refused",
        message: `${ref.registry} is an internal address named in a repository file; list it under insecure-registries or registries to allow it`,
      },
    });
  }
  const creds = await resolveCredentials(ref.registry, { registries: options.registries, env: options.env, signal: options.signal, timeoutMs: options.timeoutMs });
  if (creds.problem) return done({ reference, ref, error: { kind: "credentials", message: creds.problem } });
  const access: RegistryAccess = {
    insecureRegistries: options.insecureRegistries,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    signal: options.signal,
  };
  if (creds.credentials) access.credentials = creds.credentials;
  let metadata: ImageMetadata;
  try {
    metadata = await fetchImageMetadata(ref, parsePlatform(options.platform), access);
  } catch (err) {
    const e = err instanceof RegistryError ? err : new RegistryError("invalid", err instanceof Error ? err.message : String(err));
    return done({ reference, ref, error: { kind: e.kind, message: e.message } });
  }
  const result: Omit<ImageInspection, "durationMs"> = { reference, ref, metadata };
  if (options.layers) result.layers = await scanLayers(metadata, access, options);
  return done(result);
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

export interface RegistryScanInput extends Omit<InspectOptions, "signal"> {
  images: string[];
  concurrency?: number;
}

export const DEFAULT_LIMITS: LayerLimits = {
  maxTotalBytes: 4096 * 1024 * 1024,
  maxFiles: 500_000,
  maxRatio: 100,
  maxFileBytes: 1024 * 1024,
};

export const scanner: Scanner<RegistryScanInput> = {
  id: "registry",
  description: "container registry inspector: manifests, configs and streamed layers, without a Docker engine",
  async scan(input: RegistryScanInput, ctx: ScannerContext) {
    const inspections = await mapLimit(input.images, input.concurrency ?? 8, (image) => inspectImage(image, { ...input, signal: ctx.signal }));
    const notes = inspections.filter((i) => i.error).map((i) => `${i.reference}: ${i.error?.message ?? ""}`);
    return {
      findings: [],
      metrics: {
        images: inspections.length,
        unavailable: inspections.filter((i) => i.error).length,
        layerBytes: inspections.reduce((s, i) => s + (i.layers?.compressedBytes ?? 0), 0),
      },
      notes,
    };
  },
};
