// Test helper: starts Debian's docker-registry (the real distribution server) on 127.0.0.1 with a
// throwaway config, optionally behind htpasswd basic auth, and pushes images over its HTTP API.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { pack } from "tar-stream";

export const MEDIA = {
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json",
  dockerLayer: "application/vnd.docker.image.rootfs.diff.tar.gzip",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  ociLayerGzip: "application/vnd.oci.image.layer.v1.tar+gzip",
  ociLayerZstd: "application/vnd.oci.image.layer.v1.tar+zstd",
  ociLayerTar: "application/vnd.oci.image.layer.v1.tar",
} as const;

export interface RunningRegistry {
  /** host:port, as an image reference names it. */
  host: string;
  auth?: { username: string; password: string };
  /** Token-auth registries: the Authorization header that lets the tests push to `repo`. */
  pushAuthorization?: (repo: string) => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TokenAuthConfig {
  realm: string;
  service: string;
  issuer: string;
  /** PEM file of the certificate that signs tokens. */
  rootCertBundle: string;
}

type RegistryOptions = { auth?: { username: string; password: string }; token?: TokenAuthConfig };

/**
 * Starts `docker-registry serve` and waits until GET /v2/ answers (200, or 401 behind auth).
 * A free port can be taken by a parallel test worker before the registry binds it: retry then.
 */
export async function startRegistry(options: RegistryOptions = {}): Promise<RunningRegistry> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startRegistryOnce(options);
    } catch (err) {
      if (attempt >= 3 || !(err instanceof Error) || !/address already in use/i.test(err.message)) throw err;
    }
  }
}

async function startRegistryOnce(options: RegistryOptions): Promise<RunningRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "tollgate-registry-"));
  const port = await freePort();
  const lines = [
    "version: 0.1",
    "log: { level: error, accesslog: { disabled: true } }",
    `storage: { filesystem: { rootdirectory: ${join(dir, "data")} }, delete: { enabled: true } }`,
    `http: { addr: 127.0.0.1:${port} }`,
  ];
  if (options.auth) {
    const entry = execFileSync("htpasswd", ["-Bbn", options.auth.username, options.auth.password], { encoding: "utf8" });
    writeFileSync(join(dir, "htpasswd"), entry.trim() + "\n");
    lines.push(`auth: { htpasswd: { realm: tollgate-test, path: ${join(dir, "htpasswd")} } }`);
  }
  if (options.token) {
    const t = options.token;
    lines.push(`auth: { token: { realm: "${t.realm}", service: ${t.service}, issuer: ${t.issuer}, rootcertbundle: ${t.rootCertBundle} } }`);
  }
  writeFileSync(join(dir, "config.yml"), lines.join("\n") + "\n");
  const child: ChildProcess = spawn("docker-registry", ["serve", join(dir, "config.yml")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    if (stderr.length < 10_000) stderr += chunk.toString();
  });
  const host = `127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`docker-registry exited early: ${stderr}`);
    }
    try {
      const response = await fetch(`http://${host}/v2/`);
      if (response.status === 200 || response.status === 401) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`docker-registry did not answer on ${host}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const running: RunningRegistry = {
    host,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 3000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.auth) running.auth = options.auth;
  return running;
}

export function sha256(data: Uint8Array | string): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

function headers(registry: RunningRegistry, repo: string, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { ...extra };
  if (registry.pushAuthorization) out.authorization = registry.pushAuthorization(repo);
  else if (registry.auth) out.authorization = `Basic ${Buffer.from(`${registry.auth.username}:${registry.auth.password}`).toString("base64")}`;
  return out;
}

export async function pushBlob(registry: RunningRegistry, repo: string, data: Uint8Array): Promise<string> {
  const digest = sha256(data);
  const start = await fetch(`http://${registry.host}/v2/${repo}/blobs/uploads/`, { method: "POST", headers: headers(registry, repo) });
  if (start.status !== 202) throw new Error(`blob upload start: ${start.status} ${await start.text()}`);
  const location = start.headers.get("location");
  if (!location) throw new Error("blob upload: no Location");
  const url = new URL(location, `http://${registry.host}`);
  url.searchParams.set("digest", digest);
  const put = await fetch(url, {
    method: "PUT",
    headers: headers(registry, repo, { "content-type": "application/octet-stream" }),
    body: data,
  });
  if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${await put.text()}`);
  return digest;
}

export async function pushManifest(registry: RunningRegistry, repo: string, reference: string, mediaType: string, body: string): Promise<string> {
  const response = await fetch(`http://${registry.host}/v2/${repo}/manifests/${reference}`, {
    method: "PUT",
    headers: headers(registry, repo, { "content-type": mediaType }),
    body,
  });
  if (response.status !== 201) throw new Error(`manifest put: ${response.status} ${await response.text()}`);
  return sha256(body);
}

/** A tar archive of the given files (path → content). */
export async function tarOf(files: Record<string, string | Uint8Array>): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on("data", (chunk: unknown) => {
    if (Buffer.isBuffer(chunk)) chunks.push(chunk);
  });
  const done = new Promise<void>((resolve, reject) => {
    archive.on("end", () => resolve());
    archive.on("error", reject);
  });
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith("/")) {
      archive.entry({ name, type: "directory" });
      continue;
    }
    await new Promise<void>((resolve, reject) =>
      archive.entry({ name, mode: 0o644, mtime: new Date(0) }, typeof content === "string" ? Buffer.from(content) : content, (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  }
  archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

/**
 * A valid zstd frame made of raw (stored) blocks: zstd decoders must accept it, and it needs no
 * encoder library (RFC 8878 §3.1.1: Frame_Header_Descriptor with Single_Segment unset, no checksum).
 */
export function zstdStored(data: Uint8Array): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.from([0x00]), Buffer.from([0x58])];
  // FHD 0x00: no dictionary, no checksum, no content size, Single_Segment unset -> Window_Descriptor
  // follows; 0x58 = exponent 11 -> window 2^(10+11) = 2 MiB.
  const max = 128 * 1024 - 1;
  let offset = 0;
  do {
    const size = Math.min(max, data.length - offset);
    const last = offset + size >= data.length ? 1 : 0;
    const header = (size << 3) | (0 << 1) | last;
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]));
    parts.push(Buffer.from(data.subarray(offset, offset + size)));
    offset += size;
  } while (offset < data.length);
  return Buffer.concat(parts);
}

export type LayerCompression = "gzip" | "zstd" | "none";

export interface ImageSpec {
  repo: string;
  tag: string;
  format?: "docker" | "oci";
  /** The image config's `config` object (User, Env, Labels, ExposedPorts, Healthcheck...). */
  config?: Record<string, unknown>;
  created?: string;
  history?: Array<{ created_by: string; created?: string }>;
  os?: string;
  architecture?: string;
  layers?: Array<{ files: Record<string, string | Uint8Array>; compression?: LayerCompression } | { raw: Uint8Array; mediaType: string }>;
}

export interface PushedImage {
  digest: string;
  manifest: string;
  mediaType: string;
  size: number;
}

/** Builds an image (config + layers), pushes every blob and the manifest under `tag`. */
export async function pushImage(registry: RunningRegistry, spec: ImageSpec): Promise<PushedImage> {
  const oci = spec.format === "oci";
  const layerDescriptors: Array<{ mediaType: string; size: number; digest: string }> = [];
  const diffIds: string[] = [];
  for (const layer of spec.layers ?? []) {
    if ("raw" in layer) {
      const digest = await pushBlob(registry, spec.repo, layer.raw);
      layerDescriptors.push({ mediaType: layer.mediaType, size: layer.raw.length, digest });
      diffIds.push(digest);
      continue;
    }
    const tar = await tarOf(layer.files);
    const compression = layer.compression ?? "gzip";
    const blob = compression === "gzip" ? gzipSync(tar) : compression === "zstd" ? zstdStored(tar) : tar;
    const mediaType =
      compression === "gzip" ? (oci ? MEDIA.ociLayerGzip : MEDIA.dockerLayer) : compression === "zstd" ? MEDIA.ociLayerZstd : MEDIA.ociLayerTar;
    const digest = await pushBlob(registry, spec.repo, blob);
    layerDescriptors.push({ mediaType, size: blob.length, digest });
    diffIds.push(sha256(tar));
  }
  const config = JSON.stringify({
    created: spec.created ?? new Date().toISOString(),
    architecture: spec.architecture ?? "amd64",
    os: spec.os ?? "linux",
    config: spec.config ?? {},
    rootfs: { type: "layers", diff_ids: diffIds },
    history: spec.history ?? [],
  });
  const configDigest = await pushBlob(registry, spec.repo, Buffer.from(config));
  const mediaType = oci ? MEDIA.ociManifest : MEDIA.dockerManifest;
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType,
    config: { mediaType: oci ? MEDIA.ociConfig : MEDIA.dockerConfig, size: Buffer.byteLength(config), digest: configDigest },
    layers: layerDescriptors,
  });
  const digest = await pushManifest(registry, spec.repo, spec.tag, mediaType, manifest);
  return { digest, manifest, mediaType, size: Buffer.byteLength(manifest) };
}

/** Pushes an OCI index (or Docker manifest list) over already pushed per-platform manifests. */
export async function pushIndex(
  registry: RunningRegistry,
  repo: string,
  tag: string,
  entries: Array<{ image: PushedImage; os: string; architecture: string; variant?: string }>,
  format: "oci" | "docker" = "oci",
): Promise<string> {
  const mediaType = format === "oci" ? MEDIA.ociIndex : MEDIA.dockerList;
  const body = JSON.stringify({
    schemaVersion: 2,
    mediaType,
    manifests: entries.map((e) => ({
      mediaType: e.image.mediaType,
      size: e.image.size,
      digest: e.image.digest,
      platform: { os: e.os, architecture: e.architecture, ...(e.variant ? { variant: e.variant } : {}) },
    })),
  });
  return pushManifest(registry, repo, tag, mediaType, body);
}
