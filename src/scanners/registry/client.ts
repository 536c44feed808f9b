// Reads an image's manifest and config through @snyk/docker-registry-v2-client, adding what a gate
// needs around it: plain HTTP only for allowed hosts, per-request timeouts, retries of transient
// failures, abort, and errors classified into reasons a user can act on (never credentials).
import * as registryClient from "@snyk/docker-registry-v2-client";
import type { Credentials } from "./auth.js";
import { hostName, isLoopback, manifestReference, type ImageReference } from "./reference.js";

export const ACCEPT_MANIFEST = [
  registryClient.contentTypes.MANIFEST_V2,
  registryClient.contentTypes.MANIFEST_LIST_V2,
  registryClient.contentTypes.OCI_MANIFEST_V1,
  registryClient.contentTypes.OCI_INDEX_V1,
].join(", ");

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export function parsePlatform(text: string): Platform {
  const [os, architecture, variant] = text.split("/");
  if (!os || !architecture) throw new Error(`platform "${text}" must look like os/architecture[/variant], e.g. linux/amd64`);
  return variant ? { os, architecture, variant } : { os, architecture };
}

export interface RegistryAccess {
  credentials?: Credentials;
  /** Hosts (host or host:port) that may be reached over plain HTTP. */
  insecureRegistries: readonly string[];
  timeoutMs: number;
  retries: number;
  signal: AbortSignal;
}

export type RegistryErrorKind = "unreachable" | "not-found" | "unauthorized" | "insecure" | "timeout" | "platform" | "invalid";

/** A failure to read an image, with a message that is safe to report. */
export class RegistryError extends Error {
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
    /** Worth retrying: a reset, a 5xx or 429, a timeout. */
    readonly transient = kind === "timeout",
  ) {
    super(message);
  }
}

export interface LayerDescriptor {
  mediaType: string;
  size: number;
  digest: string;
}

export interface ImageConfigBody {
  created?: string;
  os?: string;
  architecture?: string;
  config?: {
    User?: string;
    Env?: string[] | null;
    Labels?: Record<string, string> | null;
    ExposedPorts?: Record<string, unknown> | null;
    Healthcheck?: { Test?: string[] | null } | null;
  } | null;
  history?: Array<{ created?: string; created_by?: string; comment?: string; empty_layer?: boolean }> | null;
}

export interface ImageMetadata {
  ref: ImageReference;
  /** "http:" or "https:". */
  protocol: string;
  manifestDigest: string;
  indexDigest?: string;
  mediaType: string;
  layers: LayerDescriptor[];
  configDigest: string;
  config: ImageConfigBody;
  /** Sum of the compressed layer sizes and the config, as a pull transfers them. */
  compressedSize: number;
}

/** True when `registry` (host or host:port) may be spoken to over plain HTTP. */
export function allowsPlainHttp(registry: string, insecure: readonly string[]): boolean {
  const lower = registry.toLowerCase();
  return insecure.some((entry) => {
    const e = entry.toLowerCase().trim();
    if (e === "loopback") return isLoopback(registry);
    return e === lower || (!e.includes(":") && e === hostName(registry)) || (e.startsWith("[") && !e.includes("]:") && e.slice(1, -1) === hostName(registry));
  });
}

function errorInfo(err: unknown): { status?: number; code?: string; message: string } {
  if (err !== null && typeof err === "object") {
    const record = err as { statusCode?: unknown; code?: unknown; message?: unknown };
    const info: { status?: number; code?: string; message: string } = { message: typeof record.message === "string" ? record.message : String(err) };
    if (typeof record.statusCode === "number") info.status = record.statusCode;
    if (typeof record.code === "string") info.code = record.code;
    return info;
  }
  return { message: String(err) };
}

const TRANSIENT_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ECONNABORTED", "UND_ERR_SOCKET"]);

function scrub(message: string, credentials?: Credentials): string {
  let out = message.replace(/\s+/g, " ").trim().slice(0, 300);
  if (credentials) {
    for (const secret of [credentials.password, credentials.username]) if (secret.length >= 3) out = out.split(secret).join("***");
  }
  return out;
}

/** Turns a client/network failure into a RegistryError; `what` names the thing being read. */
export function classify(err: unknown, what: string, registry: string, credentials?: Credentials): RegistryError {
  if (err instanceof RegistryError) return err;
  const transient = isTransient(err);
  const info = errorInfo(err);
  const detail = scrub(info.message, credentials);
  if (info.status === 404) return new RegistryError("not-found", `${what} was not found in ${registry} (${detail || "404"})`);
  if (info.status === 401 || info.status === 403) {
    const how = credentials ? `the credentials from ${credentials.source} were refused` : "no credentials were found for it (policy registries.<host>.auth or the Docker config)";
    return new RegistryError("unauthorized", `${registry} refused access to ${what}: ${how}`);
  }
  if (info.status !== undefined) return new RegistryError("unreachable", `${registry} answered HTTP ${info.status} for ${what} (${detail})`, transient);
  if (/no supported manifest found for platform/.test(info.message)) return new RegistryError("platform", `${what} has no manifest for the requested platform (${detail})`);
  if (/timeout/i.test(info.message) || info.code === "ETIMEDOUT") return new RegistryError("timeout", `${registry} did not answer in time for ${what}`);
  return new RegistryError("unreachable", `${registry} could not be reached for ${what} (${info.code ?? detail})`, transient);
}

function isTransient(err: unknown): boolean {
  if (err instanceof RegistryError) return err.transient;
  const info = errorInfo(err);
  if (info.status !== undefined) return info.status >= 500 || info.status === 429;
  if (info.code && TRANSIENT_CODES.has(info.code)) return true;
  return /socket hang up|timeout/i.test(info.message);
}

function abortError(signal: AbortSignal): RegistryError {
  return new RegistryError("timeout", signal.reason instanceof Error ? `stopped: ${signal.reason.message}` : "stopped: the gate was cancelled");
}

/** Races a client call against a deadline and the gate's signal (needle's own timeouts end the socket). */
async function withDeadline<T>(run: () => Promise<T>, access: RegistryAccess): Promise<T> {
  if (access.signal.aborted) throw abortError(access.signal);
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    return await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RegistryError("timeout", `no answer within ${access.timeoutMs} ms`)), access.timeoutMs + 250);
        onAbort = () => reject(abortError(access.signal));
        access.signal.addEventListener("abort", onAbort, { once: true });
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) access.signal.removeEventListener("abort", onAbort);
  }
}

export async function withRetries<T>(run: () => Promise<T>, access: RegistryAccess): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await withDeadline(run, access);
    } catch (err) {
      if (access.signal.aborted || attempt >= access.retries || !isTransient(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 150 * 2 ** attempt));
    }
  }
}

export function protocolFor(registry: string, insecure: readonly string[]): string {
  return allowsPlainHttp(registry, insecure) ? "http:" : "https:";
}

export function clientOptions(registry: string, access: RegistryAccess): registryClient.ClientOptions {
  return {
    protocol: protocolFor(registry, access.insecureRegistries),
    acceptManifest: ACCEPT_MANIFEST,
    open_timeout: access.timeoutMs,
    response_timeout: access.timeoutMs,
    read_timeout: access.timeoutMs,
  };
}

/** Resolves the reference (through an index for `platform`) and reads the manifest and config. */
export async function fetchImageMetadata(ref: ImageReference, platform: Platform, access: RegistryAccess): Promise<ImageMetadata> {
  const options = clientOptions(ref.registry, access);
  const user = access.credentials?.username;
  const pass = access.credentials?.password;
  const what = `${ref.repository}:${manifestReference(ref)}`;
  let manifest: registryClient.types.ImageManifest;
  try {
    manifest = await withRetries(
      () => registryClient.getManifest(ref.registry, ref.repository, manifestReference(ref), user, pass, options, platform),
      access,
    );
  } catch (err) {
    throw classify(err, `image ${what}`, ref.registry, access.credentials);
  }
  if (!manifest || typeof manifest !== "object" || !manifest.config?.digest || !Array.isArray(manifest.layers)) {
    throw new RegistryError("invalid", `the manifest of ${what} is not a Docker v2 or OCI image manifest (schema 1 and artifacts are not supported)`);
  }
  let config: ImageConfigBody;
  try {
    const body: unknown = await withRetries(
      () => registryClient.getImageConfig(ref.registry, ref.repository, manifest.config.digest, user, pass, options),
      access,
    );
    if (body === null || typeof body !== "object") throw new RegistryError("invalid", `the config blob of ${what} is not JSON`);
    config = body as ImageConfigBody;
  } catch (err) {
    throw classify(err, `the config blob of ${what}`, ref.registry, access.credentials);
  }
  const layers = manifest.layers.map((l) => ({ mediaType: String(l.mediaType), size: Number(l.size) || 0, digest: String(l.digest) }));
  const metadata: ImageMetadata = {
    ref,
    protocol: options.protocol ?? "https:",
    manifestDigest: manifest.manifestDigest ?? ref.digest ?? "",
    mediaType: manifest.manifestContentType ?? manifest.mediaType,
    layers,
    configDigest: manifest.config.digest,
    config,
    compressedSize: layers.reduce((sum, l) => sum + l.size, 0) + (Number(manifest.config.size) || 0),
  };
  if (manifest.indexDigest) metadata.indexDigest = manifest.indexDigest;
  return metadata;
}
