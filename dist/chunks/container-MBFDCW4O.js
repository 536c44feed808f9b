#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import {
  schema
} from "./chunk-CDS42KM3.js";
import {
  findSecretsInText
} from "./chunk-GANY64C6.js";
import "./chunk-ZARXNJKQ.js";
import {
  findVulnerabilities
} from "./chunk-4N6WCCX4.js";
import {
  require_dist
} from "./chunk-NB2XQJWY.js";
import "./chunk-VMIEK4YL.js";
import {
  listFiles
} from "./chunk-ZRGI7UBK.js";
import {
  require_picomatch
} from "./chunk-CY7KP3J2.js";
import {
  SEVERITIES,
  atLeast,
  evaluateBySeverity,
  isActive,
  plural
} from "./chunk-CXJQTCH4.js";
import {
  runCommand
} from "./chunk-TGCGIDEH.js";
import "./chunk-C5CGFLPB.js";
import {
  makeFinding
} from "./chunk-NQDPYFAW.js";
import {
  __toESM
} from "./chunk-2GVBCIT7.js";

// src/gates/container/index.ts
import { isAbsolute, resolve } from "node:path";

// src/scanners/registry/index.ts
var import_picomatch = __toESM(require_picomatch(), 1);
import { isIP } from "node:net";

// src/scanners/registry/auth.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";

// src/scanners/registry/reference.ts
var DOCKER_HUB = "registry-1.docker.io";
var DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var ReferenceError = class extends Error {
};
function parseReference(raw) {
  const text = raw.trim();
  if (text === "") throw new ReferenceError("empty image reference");
  if (/^[a-z]+:\/\//i.test(text)) throw new ReferenceError(`image reference "${text}" must not have a URL scheme`);
  let rest = text;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new ReferenceError(`invalid digest "${digest}" in image reference "${text}"`);
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new ReferenceError(`invalid tag "${tag}" in image reference "${text}"`);
  }
  const parts = rest.split("/");
  let registry = "docker.io";
  const first = parts[0] ?? "";
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost" || first.startsWith("["))) {
    registry = first;
    parts.shift();
  }
  if (parts.length === 0 || parts.some((p) => !PATH_COMPONENT.test(p))) {
    throw new ReferenceError(`invalid repository name "${parts.join("/")}" in image reference "${text}" (lowercase letters, digits and separators only)`);
  }
  let repository = parts.join("/");
  if (registry === "docker.io" || registry === "index.docker.io") {
    registry = DOCKER_HUB;
    if (parts.length === 1) repository = `library/${repository}`;
  }
  const ref = { raw: text, registry, repository };
  if (tag !== void 0) ref.tag = tag;
  if (digest !== void 0) ref.digest = digest;
  if (tag === void 0 && digest === void 0) ref.tag = "latest";
  return ref;
}
function manifestReference(ref) {
  return ref.digest ?? ref.tag ?? "latest";
}
function hostName(registry) {
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(registry);
  if (bracket?.[1]) return bracket[1].toLowerCase();
  return registry.replace(/:\d+$/, "").toLowerCase();
}
function isLoopback(registry) {
  const host = hostName(registry);
  return host === "localhost" || host === "::1" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

// src/scanners/registry/auth.ts
var HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);
function normalizeRegistryKey(key) {
  let host = key.trim().replace(/^[a-z]+:\/\//i, "").replace(/\/.*$/, "").toLowerCase();
  if (HUB_ALIASES.has(host)) host = DOCKER_HUB;
  return host;
}
function policyEntry(lookup, registry) {
  const wanted = normalizeRegistryKey(registry);
  let byHost;
  for (const [key, value] of Object.entries(lookup.registries)) {
    if (!value?.auth) continue;
    const normalized = normalizeRegistryKey(key);
    if (normalized === wanted) return value.auth;
    if (!normalized.includes(":") && normalized === hostName(wanted)) byHost = value.auth;
  }
  return byHost;
}
async function readDockerConfig(env) {
  const dir = env.DOCKER_CONFIG ?? (env.HOME ? join(env.HOME, ".docker") : void 0);
  if (!dir) return void 0;
  try {
    const parsed = JSON.parse(await readFile(join(dir, "config.json"), "utf8"));
    return parsed !== null && typeof parsed === "object" ? parsed : void 0;
  } catch {
    return void 0;
  }
}
async function resolveCredentials(registry, lookup) {
  const option = policyEntry(lookup, registry);
  if (option) {
    const username = lookup.env[option["username-env"]];
    const password = lookup.env[option["password-env"]];
    const missing = [
      username ? void 0 : option["username-env"],
      password ? void 0 : option["password-env"]
    ].filter((name) => name !== void 0);
    if (missing.length > 0 || !username || !password) {
      return { problem: `the policy reads credentials for ${registry} from ${missing.join(" and ")}, which ${missing.length > 1 ? "are" : "is"} not set` };
    }
    return { credentials: { username, password, source: `env ${option["username-env"]}` } };
  }
  const config = await readDockerConfig(lookup.env);
  const wanted = normalizeRegistryKey(registry);
  const helper = Object.entries(config?.credHelpers ?? {}).find(([key]) => normalizeRegistryKey(key) === wanted)?.[1] ?? config?.credsStore;
  if (helper) {
    const fromHelper = await credentialHelper(helper, wanted === DOCKER_HUB ? "https://index.docker.io/v1/" : registry, lookup);
    if (fromHelper) return { credentials: fromHelper };
  }
  for (const [key, entry] of Object.entries(config?.auths ?? {})) {
    if (!entry || normalizeRegistryKey(key) !== wanted) continue;
    if (entry.username && entry.password) return { credentials: { username: entry.username, password: entry.password, source: "docker config" } };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon > 0) {
        return { credentials: { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source: "docker config" } };
      }
    }
  }
  return {};
}
async function credentialHelper(name, server, lookup) {
  if (!/^[\w.-]+$/.test(name)) return void 0;
  const options = {
    command: `docker-credential-${name}`,
    args: ["get"],
    cwd: lookup.env.HOME ?? process.cwd(),
    env: lookup.env,
    input: server,
    timeoutMs: lookup.timeoutMs ?? 1e4
  };
  if (lookup.signal) options.signal = lookup.signal;
  const result = await runCommand(options);
  if (result.exitCode !== 0 || result.spawnError) return void 0;
  try {
    const parsed = JSON.parse(result.stdout);
    if (typeof parsed.Username === "string" && typeof parsed.Secret === "string" && parsed.Secret !== "") {
      return { username: parsed.Username, password: parsed.Secret, source: `credential helper ${name}` };
    }
  } catch {
  }
  return void 0;
}

// src/scanners/registry/blob.ts
import * as registryClient2 from "@snyk/docker-registry-v2-client";

// src/scanners/registry/client.ts
import * as registryClient from "@snyk/docker-registry-v2-client";
var ACCEPT_MANIFEST = [
  registryClient.contentTypes.MANIFEST_V2,
  registryClient.contentTypes.MANIFEST_LIST_V2,
  registryClient.contentTypes.OCI_MANIFEST_V1,
  registryClient.contentTypes.OCI_INDEX_V1
].join(", ");
function parsePlatform(text) {
  const [os, architecture, variant] = text.split("/");
  if (!os || !architecture) throw new Error(`platform "${text}" must look like os/architecture[/variant], e.g. linux/amd64`);
  return variant ? { os, architecture, variant } : { os, architecture };
}
var RegistryError = class extends Error {
  constructor(kind, message, transient = kind === "timeout") {
    super(message);
    this.kind = kind;
    this.transient = transient;
  }
  kind;
  transient;
};
function allowsPlainHttp(registry, insecure) {
  const lower = registry.toLowerCase();
  return insecure.some((entry) => {
    const e = entry.toLowerCase().trim();
    if (e === "loopback") return isLoopback(registry);
    return e === lower || !e.includes(":") && e === hostName(registry) || e.startsWith("[") && !e.includes("]:") && e.slice(1, -1) === hostName(registry);
  });
}
function errorInfo(err) {
  if (err !== null && typeof err === "object") {
    const record = err;
    const info = { message: typeof record.message === "string" ? record.message : String(err) };
    if (typeof record.statusCode === "number") info.status = record.statusCode;
    if (typeof record.code === "string") info.code = record.code;
    return info;
  }
  return { message: String(err) };
}
var TRANSIENT_CODES = /* @__PURE__ */ new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ECONNABORTED", "UND_ERR_SOCKET"]);
function scrub(message, credentials) {
  let out = message.replace(/\s+/g, " ").trim().slice(0, 300);
  if (credentials) {
    for (const secret of [credentials.password, credentials.username]) if (secret.length >= 3) out = out.split(secret).join("***");
  }
  return out;
}
function classify(err, what, registry, credentials) {
  if (err instanceof RegistryError) return err;
  const transient = isTransient(err);
  const info = errorInfo(err);
  const detail = scrub(info.message, credentials);
  if (info.status === 404) return new RegistryError("not-found", `${what} was not found in ${registry} (${detail || "404"})`);
  if (info.status === 401 || info.status === 403) {
    const how = credentials ? `the credentials from ${credentials.source} were refused` : "no credentials were found for it (policy registries.<host>.auth or the Docker config)";
    return new RegistryError("unauthorized", `${registry} refused access to ${what}: ${how}`);
  }
  if (info.status !== void 0) return new RegistryError("unreachable", `${registry} answered HTTP ${info.status} for ${what} (${detail})`, transient);
  if (/no supported manifest found for platform/.test(info.message)) return new RegistryError("platform", `${what} has no manifest for the requested platform (${detail})`);
  if (/timeout/i.test(info.message) || info.code === "ETIMEDOUT") return new RegistryError("timeout", `${registry} did not answer in time for ${what}`);
  return new RegistryError("unreachable", `${registry} could not be reached for ${what} (${info.code ?? detail})`, transient);
}
function isTransient(err) {
  if (err instanceof RegistryError) return err.transient;
  const info = errorInfo(err);
  if (info.status !== void 0) return info.status >= 500 || info.status === 429;
  if (info.code && TRANSIENT_CODES.has(info.code)) return true;
  return /socket hang up|timeout/i.test(info.message);
}
function abortError(signal) {
  return new RegistryError("timeout", signal.reason instanceof Error ? `stopped: ${signal.reason.message}` : "stopped: the gate was cancelled");
}
async function withDeadline(run, access) {
  if (access.signal.aborted) throw abortError(access.signal);
  let timer;
  let onAbort;
  try {
    return await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new RegistryError("timeout", `no answer within ${access.timeoutMs} ms`)), access.timeoutMs + 250);
        onAbort = () => reject(abortError(access.signal));
        access.signal.addEventListener("abort", onAbort, { once: true });
      })
    ]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) access.signal.removeEventListener("abort", onAbort);
  }
}
async function withRetries(run, access) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await withDeadline(run, access);
    } catch (err) {
      if (access.signal.aborted || attempt >= access.retries || !isTransient(err)) throw err;
      await new Promise((resolve2) => setTimeout(resolve2, 150 * 2 ** attempt));
    }
  }
}
function protocolFor(registry, insecure) {
  return allowsPlainHttp(registry, insecure) ? "http:" : "https:";
}
function clientOptions(registry, access) {
  return {
    protocol: protocolFor(registry, access.insecureRegistries),
    acceptManifest: ACCEPT_MANIFEST,
    open_timeout: access.timeoutMs,
    response_timeout: access.timeoutMs,
    read_timeout: access.timeoutMs
  };
}
async function fetchImageMetadata(ref, platform, access) {
  const options = clientOptions(ref.registry, access);
  const user = access.credentials?.username;
  const pass = access.credentials?.password;
  const what = `${ref.repository}:${manifestReference(ref)}`;
  let manifest;
  try {
    manifest = await withRetries(
      () => registryClient.getManifest(ref.registry, ref.repository, manifestReference(ref), user, pass, options, platform),
      access
    );
  } catch (err) {
    throw classify(err, `image ${what}`, ref.registry, access.credentials);
  }
  if (!manifest || typeof manifest !== "object" || !manifest.config?.digest || !Array.isArray(manifest.layers)) {
    throw new RegistryError("invalid", `the manifest of ${what} is not a Docker v2 or OCI image manifest (schema 1 and artifacts are not supported)`);
  }
  let config;
  try {
    const body = await withRetries(
      () => registryClient.getImageConfig(ref.registry, ref.repository, manifest.config.digest, user, pass, options),
      access
    );
    if (body === null || typeof body !== "object") throw new RegistryError("invalid", `the config blob of ${what} is not JSON`);
    config = body;
  } catch (err) {
    throw classify(err, `the config blob of ${what}`, ref.registry, access.credentials);
  }
  const layers = manifest.layers.map((l) => ({ mediaType: String(l.mediaType), size: Number(l.size) || 0, digest: String(l.digest) }));
  const metadata = {
    ref,
    protocol: options.protocol ?? "https:",
    manifestDigest: manifest.manifestDigest ?? ref.digest ?? "",
    mediaType: manifest.manifestContentType ?? manifest.mediaType,
    layers,
    configDigest: manifest.config.digest,
    config,
    compressedSize: layers.reduce((sum, l) => sum + l.size, 0) + (Number(manifest.config.size) || 0)
  };
  if (manifest.indexDigest) metadata.indexDigest = manifest.indexDigest;
  return metadata;
}

// src/scanners/registry/blob.ts
function basic(session) {
  const c = session.access.credentials;
  return c ? `Basic ${Buffer.from(`${c.username}:${c.password}`).toString("base64")}` : void 0;
}
async function negotiate(session, challenge) {
  if (challenge && /^\s*bearer/i.test(challenge)) {
    const token = await registryClient2.getAuthTokenForEndpoint(
      session.ref.registry,
      `/${session.ref.repository}/manifests/${session.ref.digest ?? session.ref.tag ?? "latest"}`,
      session.access.credentials?.username ?? "",
      session.access.credentials?.password ?? "",
      clientOptions(session.ref.registry, session.access)
    );
    return token ? `Bearer ${token}` : void 0;
  }
  return basic(session);
}
async function openBlob(session, digest, signal) {
  return withRetries(() => openBlobOnce(session, digest, signal), session.access);
}
async function openBlobOnce(session, digest, signal) {
  const url = `${session.protocol}//${session.ref.registry}/v2/${session.ref.repository}/blobs/${digest}`;
  const what = `layer ${digest.slice(0, 19)} of ${session.ref.repository}`;
  const request = async (authorization) => {
    const headers = { accept: "*/*" };
    if (authorization) headers.authorization = authorization;
    try {
      return await fetch(url, { headers, signal, redirect: "follow" });
    } catch (err) {
      if (signal.aborted) throw new RegistryError("timeout", `stopped while reading ${what}`);
      throw classify(err, what, session.ref.registry, session.access.credentials);
    }
  };
  let response = await request(session.authorization);
  if (response.status === 401) {
    await response.body?.cancel();
    let authorization;
    try {
      authorization = await negotiate(session, response.headers.get("www-authenticate"));
    } catch (err) {
      throw classify(err, what, session.ref.registry, session.access.credentials);
    }
    if (!authorization) throw classify({ statusCode: 401, message: "unauthorized" }, what, session.ref.registry, session.access.credentials);
    session.authorization = authorization;
    response = await request(authorization);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw classify({ statusCode: response.status, message: response.statusText }, what, session.ref.registry, session.access.credentials);
  }
  return response.body;
}

// src/scanners/registry/layers.ts
import { PassThrough, Readable, Transform, pipeline } from "node:stream";
import * as zlib from "node:zlib";
import { Decompress } from "fzstd";
import { extract } from "tar-stream";
var LimitExceeded = class extends Error {
};
function sniffCompression(head) {
  if (head[0] === 31 && head[1] === 139) return "gzip";
  if (head[0] === 40 && head[1] === 181 && head[2] === 47 && head[3] === 253) return "zstd";
  return "tar";
}
var ZstdDecoder = class extends Transform {
  decoder = new Decompress((chunk) => {
    this.push(Buffer.from(chunk));
  });
  _transform(chunk, _encoding, callback) {
    try {
      this.decoder.push(chunk);
      callback();
    } catch (err) {
      callback(err instanceof Error ? err : new Error(String(err)));
    }
  }
  _flush(callback) {
    try {
      this.decoder.push(new Uint8Array(0), true);
      callback();
    } catch (err) {
      callback(err instanceof Error ? err : new Error(String(err)));
    }
  }
};
var RATIO_FLOOR = 16 * 1024 * 1024;
var DECODE_CHUNK = 256 * 1024;
function zstdDecoder() {
  const native = zlib.createZstdDecompress;
  return native ? native({ chunkSize: DECODE_CHUNK }) : new ZstdDecoder();
}
function meter(state, limits) {
  return new Transform({
    transform(chunk, _encoding, callback) {
      state.uncompressedBytes += chunk.length;
      if (state.uncompressedBytes > limits.maxTotalBytes) {
        callback(new LimitExceeded(`more than ${Math.round(limits.maxTotalBytes / 1048576)} MB of uncompressed layer data`));
        return;
      }
      if (state.uncompressedBytes > RATIO_FLOOR && state.uncompressedBytes > limits.maxRatio * Math.max(1, state.compressedBytes)) {
        callback(new LimitExceeded(`decompression ratio above ${limits.maxRatio}:1 (a decompression bomb, or limits too tight)`));
        return;
      }
      callback(null, chunk);
    }
  });
}
function entryPath(name) {
  return name.replace(/^(?:\.\/|\/)+/, "").replace(/\/+$/, "");
}
async function walkLayer(body, options) {
  const { limits, state, signal, visitor } = options;
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const compression = sniffCompression(head);
  async function* counted() {
    state.compressedBytes += head.length;
    yield head;
    for (; ; ) {
      if (signal.aborted) throw new Error("stopped: the gate was cancelled");
      const next = await iterator.next();
      if (next.done) return;
      state.compressedBytes += next.value.length;
      yield next.value;
    }
  }
  const source = Readable.from(counted(), { objectMode: false });
  const decoder = compression === "gzip" ? zlib.createGunzip({ chunkSize: DECODE_CHUNK }) : compression === "zstd" ? zstdDecoder() : new PassThrough();
  const tarStream = extract();
  const decoded = pipeline(source, decoder, meter(state, limits), (err) => {
    if (err) tarStream.destroy(err);
  });
  decoded.pipe(tarStream);
  try {
    for await (const entry of tarStream) {
      state.files++;
      if (state.files > limits.maxFiles) throw new LimitExceeded(`more than ${limits.maxFiles} files in the image's layers`);
      const header = entry.header;
      const path = entryPath(header.name);
      const slash = path.lastIndexOf("/");
      const base = path.slice(slash + 1);
      if (base.startsWith(".wh.")) {
        const dir = slash >= 0 ? path.slice(0, slash) : "";
        if (base === ".wh..wh..opq") visitor.onWhiteout?.(dir, true);
        else visitor.onWhiteout?.(dir ? `${dir}/${base.slice(4)}` : base.slice(4), false);
        entry.resume();
        continue;
      }
      if ((header.type === "file" || header.type === "contiguous-file") && header.size <= limits.maxFileBytes && visitor.want(path, header.size)) {
        const chunks = [];
        for await (const chunk of entry) chunks.push(chunk);
        visitor.onFile(path, chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks));
      } else {
        entry.resume();
      }
    }
  } finally {
    decoded.destroy();
    source.destroy();
    await iterator.return?.();
  }
}

// src/scanners/registry/packages.ts
function paragraphs(text) {
  const out = [];
  let current = /* @__PURE__ */ new Map();
  let lastKey;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") {
      if (current.size > 0) out.push(current);
      current = /* @__PURE__ */ new Map();
      lastKey = void 0;
      continue;
    }
    if ((line.startsWith(" ") || line.startsWith("	")) && lastKey) {
      current.set(lastKey, `${current.get(lastKey) ?? ""}
${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    lastKey = line.slice(0, colon).trim();
    current.set(lastKey, line.slice(colon + 1).trim());
  }
  if (current.size > 0) out.push(current);
  return out;
}
function parseDpkgStatus(text) {
  const packages = [];
  for (const p of paragraphs(text)) {
    const name = p.get("Package");
    const version = p.get("Version");
    if (!name || !version) continue;
    const status = p.get("Status");
    if (status !== void 0 && !/\binstalled$/.test(status)) continue;
    let source = name;
    let sourceVersion = version;
    const sourceField = p.get("Source");
    if (sourceField) {
      const m = /^(\S+)(?:\s+\(([^)]+)\))?/.exec(sourceField);
      if (m?.[1]) source = m[1];
      if (m?.[2]) sourceVersion = m[2];
    }
    packages.push({ name, version, source, sourceVersion, manager: "dpkg" });
  }
  return packages;
}
function parseApkInstalled(text) {
  const packages = [];
  for (const record of text.split(/\r?\n\r?\n/)) {
    let name;
    let version;
    let origin;
    for (const line of record.split(/\r?\n/)) {
      if (line.startsWith("P:")) name = line.slice(2).trim();
      else if (line.startsWith("V:")) version = line.slice(2).trim();
      else if (line.startsWith("o:")) origin = line.slice(2).trim();
    }
    if (name && version) packages.push({ name, version, source: origin || name, sourceVersion: version, manager: "apk" });
  }
  return packages;
}
function parseOsRelease(text) {
  const values = /* @__PURE__ */ new Map();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (!m?.[1] || m[2] === void 0) continue;
    values.set(m[1], m[2].replace(/^(["'])(.*)\1$/, "$2"));
  }
  const id = values.get("ID");
  if (!id) return void 0;
  const release = { id: id.toLowerCase(), versionId: values.get("VERSION_ID") ?? "" };
  const pretty = values.get("PRETTY_NAME");
  if (pretty) release.prettyName = pretty;
  return release;
}
function osvEcosystem(release) {
  if (!release) return void 0;
  if (release.id === "debian") {
    const major = /^(\d+)/.exec(release.versionId)?.[1];
    return major ? `Debian:${major}` : void 0;
  }
  if (release.id === "alpine") {
    const m = /^(\d+)\.(\d+)/.exec(release.versionId);
    return m ? `Alpine:v${m[1]}.${m[2]}` : void 0;
  }
  return void 0;
}

// src/scanners/registry/index.ts
var DPKG_STATUS = "var/lib/dpkg/status";
var DPKG_STATUS_D = "var/lib/dpkg/status.d/";
var APK_INSTALLED = "lib/apk/db/installed";
var OS_RELEASE = ["etc/os-release", "usr/lib/os-release"];
function isPackageDb(path) {
  return path === DPKG_STATUS || path === APK_INSTALLED || path.startsWith(DPKG_STATUS_D) || OS_RELEASE.includes(path);
}
function findSecrets(text, where) {
  return findSecretsInText(text, where);
}
function looksLikeText(content) {
  return content.subarray(0, 8192).indexOf(0) === -1;
}
async function* idleTimeout(body, ms, controller) {
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
var LAYER_CONCURRENCY = 3;
async function scanLayers(metadata, access, options) {
  const state = { compressedBytes: 0, uncompressedBytes: 0, files: 0 };
  const excluded = options.layerExclude.length > 0 ? (0, import_picomatch.default)([...options.layerExclude], { dot: true }) : () => false;
  const session = { ref: metadata.ref, protocol: metadata.protocol, access };
  const report = { secrets: [], packages: [], layersRead: 0, compressedBytes: 0, uncompressedBytes: 0, files: 0 };
  const controller = new AbortController();
  const signal = AbortSignal.any([options.signal, controller.signal]);
  const outcomes = [];
  let failure;
  const walkOne = async (layer) => {
    const outcome = { dbFiles: /* @__PURE__ */ new Map(), whiteouts: [], secrets: [] };
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
        onWhiteout: (path, opaque) => outcome.whiteouts.push({ path, opaque })
      }
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
        failure ??= { index, err };
        controller.abort();
      }
    }
  );
  if (failure || options.signal.aborted) {
    const err = failure?.err;
    const reason = controller.signal.reason instanceof RegistryError ? controller.signal.reason : void 0;
    if (options.signal.aborted) report.incomplete = "layer scan stopped: the gate was cancelled";
    else if (reason) report.incomplete = `layer scan stopped: ${reason.message}`;
    else if (err instanceof LimitExceeded || err instanceof RegistryError) report.incomplete = `layer scan stopped: ${err.message}`;
    else report.incomplete = `layer scan stopped: layer ${(failure?.index ?? 0) + 1} could not be read (${err instanceof Error ? err.message : String(err)})`;
  }
  const dbFiles = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (const outcome of outcomes) {
    if (!outcome) continue;
    report.layersRead++;
    for (const { path, opaque } of outcome.whiteouts) {
      const prefix = path === "" ? "" : `${path}/`;
      for (const key of [...dbFiles.keys()]) if (!opaque && key === path || key.startsWith(prefix)) dbFiles.delete(key);
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
  const release = OS_RELEASE.map((p) => dbFiles.get(p)).find((b) => b !== void 0);
  const osRelease = release ? parseOsRelease(release.toString("utf8")) : void 0;
  if (osRelease) report.osRelease = osRelease;
  const ecosystem = osvEcosystem(osRelease);
  if (ecosystem) report.ecosystem = ecosystem;
  const packages = [];
  for (const [path, content] of [...dbFiles.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    if (path === DPKG_STATUS || path.startsWith(DPKG_STATUS_D)) packages.push(...parseDpkgStatus(content.toString("utf8")));
    else if (path === APK_INSTALLED) packages.push(...parseApkInstalled(content.toString("utf8")));
  }
  report.packages = packages;
  return report;
}
function isInternalHost(registry) {
  const host = hostName(registry);
  return isIP(host) !== 0 || !host.includes(".") || /(?:^|\.)cluster\.local$/.test(host);
}
function isTrustedHost(registry, options) {
  if (allowsPlainHttp(registry, options.insecureRegistries)) return true;
  const wanted = normalizeRegistryKey(registry);
  return Object.keys(options.registries).some((key) => {
    const k = normalizeRegistryKey(key);
    return k === wanted || !k.includes(":") && k === hostName(registry);
  });
}
async function inspectImage(reference, options) {
  const started = Date.now();
  const done = (result2) => ({ ...result2, durationMs: Date.now() - started });
  let ref;
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
        message: `${ref.registry} is an internal address named in a repository file; list it under insecure-registries or registries to allow it`
      }
    });
  }
  const creds = await resolveCredentials(ref.registry, { registries: options.registries, env: options.env, signal: options.signal, timeoutMs: options.timeoutMs });
  if (creds.problem) return done({ reference, ref, error: { kind: "credentials", message: creds.problem } });
  const access = {
    insecureRegistries: options.insecureRegistries,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    signal: options.signal
  };
  if (creds.credentials) access.credentials = creds.credentials;
  let metadata;
  try {
    metadata = await fetchImageMetadata(ref, parsePlatform(options.platform), access);
  } catch (err) {
    const e = err instanceof RegistryError ? err : new RegistryError("invalid", err instanceof Error ? err.message : String(err));
    return done({ reference, ref, error: { kind: e.kind, message: e.message } });
  }
  const result = { reference, ref, metadata };
  if (options.layers) result.layers = await scanLayers(metadata, access, options);
  return done(result);
}
async function mapLimit(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}
var DEFAULT_LIMITS = {
  maxTotalBytes: 4096 * 1024 * 1024,
  maxFiles: 5e5,
  maxRatio: 100,
  maxFileBytes: 1024 * 1024
};

// src/gates/container/rules.ts
var HELP = "https://github.com/opencontainers/image-spec/blob/main/config.md";
var RULES = {
  unavailable: {
    id: "container/image-unavailable",
    severity: "high",
    title: "Image could not be inspected",
    description: "The registry could not be reached, refused the credentials, or does not have the image or platform; or a repository file names an internal host (IP address, single-label or cluster.local name) the policy does not trust. An image that cannot be inspected never passes.",
    remediation: "Check the reference, the platform option, network access and credentials (registries.<host>.auth or ~/.docker/config.json)."
  },
  invalidReference: {
    id: "container/invalid-reference",
    severity: "high",
    title: "Image reference is not valid",
    description: "The reference does not follow the registry/repository:tag@digest grammar.",
    remediation: "Write the reference as host/repository:tag or host/repository@sha256:<digest>."
  },
  runsAsRoot: {
    id: "container/runs-as-root",
    severity: "medium",
    title: "Image runs as root",
    description: "The image config has no USER, or USER is root or 0, so the container process runs as root unless the runtime overrides it.",
    remediation: "Add a non-root USER (for example `USER 10001`) in the Dockerfile's final stage.",
    helpUri: HELP,
    tags: ["security", "CWE-250"]
  },
  tooOld: {
    id: "container/image-too-old",
    severity: "medium",
    title: "Image is older than allowed",
    description: "The image was built longer ago than max-age-days, so it misses recent OS and runtime fixes.",
    remediation: "Rebuild the image on a current base image and publish it again.",
    tags: ["security"]
  },
  notPinned: {
    id: "container/not-pinned-by-digest",
    severity: "medium",
    title: "Image reference is not pinned by digest",
    description: "A tag can be moved to other content; the policy requires references pinned by digest.",
    remediation: "Reference the image as name@sha256:<digest> (the finding gives the current digest).",
    tags: ["security", "supply-chain"]
  },
  missingLabel: {
    id: "container/missing-label",
    severity: "low",
    title: "Required image label is missing",
    description: "The image lacks a label the policy requires, such as org.opencontainers.image.source or .revision, which trace an image back to its code.",
    remediation: "Add the label at build time, e.g. `LABEL org.opencontainers.image.source=...` or docker build --label.",
    helpUri: "https://github.com/opencontainers/image-spec/blob/main/annotations.md"
  },
  secretInConfig: {
    id: "container/secret-in-config",
    severity: "high",
    title: "Secret in the image configuration",
    description: "An environment variable, label or build history entry of the image contains a secret; anyone who can pull the image can read it.",
    remediation: "Revoke the secret, pass it at run time (or as a build secret), and rebuild the image.",
    tags: ["security", "CWE-798"]
  },
  secretInLayer: {
    id: "container/secret-in-layer",
    severity: "high",
    title: "Secret in an image layer",
    description: "A file in one of the image's layers contains a secret. Deleting it in a later layer does not remove it from the image.",
    remediation: "Revoke the secret, keep it out of the build context (.dockerignore, build secrets), and rebuild.",
    tags: ["security", "CWE-798"]
  },
  sensitivePort: {
    id: "container/sensitive-port",
    severity: "high",
    title: "Sensitive port exposed",
    description: "The image exposes a remote administration port (SSH 22, telnet 23, Docker daemon 2375, RDP 3389).",
    remediation: "Remove the EXPOSE line and the service behind it; administer containers through the orchestrator instead.",
    tags: ["security"]
  },
  tooLarge: {
    id: "container/image-too-large",
    severity: "low",
    title: "Image is larger than allowed",
    description: "The compressed size of the image's layers is above max-size-mb.",
    remediation: "Use a slimmer base image and multi-stage builds; remove build tools and caches from the final stage."
  },
  noHealthcheck: {
    id: "container/no-healthcheck",
    severity: "low",
    title: "Image has no HEALTHCHECK",
    description: "Without a HEALTHCHECK, a container whose process hangs is still reported as running.",
    remediation: "Add a HEALTHCHECK instruction, or set healthcheck: false when the orchestrator probes health itself."
  },
  vulnerablePackage: {
    id: "container/vulnerable-os-package",
    severity: "high",
    title: "OS package with a known vulnerability",
    description: "A package in the image's dpkg or apk database has a version affected by an OSV advisory.",
    remediation: "Rebuild on an updated base image or upgrade the package to a fixed version.",
    helpUri: "https://osv.dev/",
    tags: ["security"]
  },
  layerScanIncomplete: {
    id: "container/layer-scan-incomplete",
    severity: "medium",
    title: "Layers only partly scanned",
    description: "Streaming the layers stopped at a limit (bytes, files, decompression ratio) or an error, so secrets and packages past that point were not checked.",
    remediation: "Investigate the layer (a decompression bomb?) or raise layer-limits if the image is legitimately large."
  },
  osUnknown: {
    id: "container/os-packages-unmatched",
    severity: "info",
    title: "OS packages not matched",
    description: "The image has an OS package database but its distribution has no OSV ecosystem tollgate knows (or os-release is missing).",
    remediation: "Nothing to fix in the image; OS package advisories are checked for Debian and Alpine."
  },
  parseError: {
    id: "container/parse-error",
    severity: "medium",
    title: "File naming images could not be read",
    description: "A Compose file or Kubernetes manifest could not be parsed, so its images were not inspected.",
    remediation: "Fix the file's syntax."
  }
};
var ALL_RULES = Object.values(RULES);

// src/gates/container/checks.ts
var DAY_MS = 864e5;
var OCI_LABEL_PREFIX = "org.opencontainers.image.";
function expandLabel(label) {
  return label.includes(".") ? label : `${OCI_LABEL_PREFIX}${label}`;
}
function findingFactory(target, inspection) {
  const ref = inspection.ref;
  const identity = ref ? `${ref.registry}/${ref.repository}${target.distinct ? `:${ref.tag ?? ""}@${ref.digest ?? ""}` : ""}` : target.reference;
  const base = { image: target.reference };
  if (inspection.metadata?.manifestDigest) base.digest = inspection.metadata.manifestDigest;
  if (inspection.metadata?.indexDigest) base.indexDigest = inspection.metadata.indexDigest;
  const config = inspection.metadata?.config;
  if (config?.os && config.architecture) base.platform = `${config.os}/${config.architecture}`;
  if (target.locations.length > 1) base.locations = target.locations.map((l) => `${l.path}:${l.startLine ?? 1}`);
  return (rule, input) => {
    const finding = {
      ruleId: rule.id,
      gate: "container",
      severity: input.severity ?? rule.severity,
      message: input.message,
      key: `${identity}\0${input.key ?? ""}`,
      properties: { ...base, ...input.properties ?? {} }
    };
    const location = target.locations[0];
    if (location) finding.location = location;
    if (rule.helpUri) finding.helpUri = rule.helpUri;
    return makeFinding(finding);
  };
}
function isRootUser(user) {
  const name = (user ?? "").trim().split(":")[0] ?? "";
  return name === "" || name === "0" || name === "root";
}
var PORT_SEVERITY = { 23: "high", 2375: "high", 22: "medium", 3389: "medium" };
var PORT_NAMES = { 22: "SSH", 23: "telnet", 2375: "the unencrypted Docker daemon API", 3389: "RDP" };
function configFindings(target, inspection, ctx) {
  const make = findingFactory(target, inspection);
  const metadata = inspection.metadata;
  if (!metadata) return [];
  const { options, now } = ctx;
  const image = target.reference;
  const config = metadata.config.config ?? {};
  const findings = [];
  if (isRootUser(config.User)) {
    findings.push(
      make(RULES.runsAsRoot, {
        message: `Image ${image} runs as root (USER ${config.User ? `"${config.User}"` : "not set"}); add a non-root USER to its final stage.`,
        properties: { user: config.User ?? "" }
      })
    );
  }
  const created = metadata.config.created ? Date.parse(metadata.config.created) : Number.NaN;
  if (Number.isFinite(created) && created > DAY_MS) {
    const ageDays = Math.floor((now.getTime() - created) / DAY_MS);
    if (ageDays > options["max-age-days"]) {
      findings.push(
        make(RULES.tooOld, {
          message: `Image ${image} was built ${ageDays} days ago (limit ${options["max-age-days"]}); rebuild it on a current base image.`,
          properties: { created: metadata.config.created, ageDays, maxAgeDays: options["max-age-days"] }
        })
      );
    }
  }
  if (options["require-digest"] && !inspection.ref?.digest) {
    const digest = metadata.indexDigest ?? metadata.manifestDigest;
    const name = image.replace(/:[^/:@]+$/, "");
    findings.push(
      make(RULES.notPinned, {
        message: `Image ${image} is referenced by tag only; pin it by digest, e.g. ${name}@${digest}.`,
        properties: { suggested: `${name}@${digest}` }
      })
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
        properties: { port: key }
      })
    );
  }
  const maxMb = options["max-size-mb"];
  const sizeMb = metadata.compressedSize / (1024 * 1024);
  if (maxMb !== void 0 && sizeMb > maxMb) {
    findings.push(
      make(RULES.tooLarge, {
        message: `Image ${image} is ${sizeMb.toFixed(1)} MB compressed (limit ${maxMb} MB); slim its final stage.`,
        properties: { sizeBytes: metadata.compressedSize, maxMb }
      })
    );
  }
  const test = config.Healthcheck?.Test ?? [];
  if (options.healthcheck && (test.length === 0 || test[0] === "NONE")) {
    findings.push(make(RULES.noHealthcheck, { message: `Image ${image} has no HEALTHCHECK; add one so hung containers are detected.` }));
  }
  return findings;
}
function configSecretFindings(target, inspection) {
  const metadata = inspection.metadata;
  if (!metadata) return [];
  const make = findingFactory(target, inspection);
  const config = metadata.config.config ?? {};
  const places = [];
  for (const entry of config.Env ?? []) places.push({ place: `env ${entry.split("=")[0] ?? ""}`, text: entry });
  for (const [key, value] of Object.entries(config.Labels ?? {})) places.push({ place: `label ${key}`, text: `${key}=${value}` });
  (metadata.config.history ?? []).forEach((h, index) => {
    if (h.created_by) places.push({ place: `history[${index}]`, text: h.created_by });
  });
  const bySecret = /* @__PURE__ */ new Map();
  for (const { place, text } of places) {
    for (const hit of findSecrets(text, place)) {
      const entry = bySecret.get(hit.hash);
      if (entry) {
        if (!entry.places.includes(place)) entry.places.push(place);
      } else bySecret.set(hit.hash, { hit, places: [place] });
    }
  }
  return [...bySecret.values()].map(
    ({ hit, places: where }) => make(RULES.secretInConfig, {
      message: `Image ${target.reference} carries a secret (${hit.title}, ${hit.redacted}) in ${where.join(", ")}; revoke it and pass it at run time instead.`,
      severity: hit.severity,
      key: hit.hash,
      properties: { secretRule: hit.ruleId, redacted: hit.redacted, places: where }
    })
  );
}

// src/gates/container/discover.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile as readFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";
function isDockerfile(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$/i.test(base) || /\.(?:dockerfile|containerfile)$/i.test(base);
}
function isComposeFile(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return /^(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml$/i.test(base);
}
function isYaml(path) {
  return /\.ya?ml$/i.test(path);
}
function substitute(text, args) {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, op, word, bare) => {
    const name = braced ?? bare ?? "";
    const value = args.get(name);
    if (op === "-") return value ? value : word ?? "";
    if (op === "+") return value ? word ?? "" : "";
    return value ?? whole;
  });
}
function unquote(value) {
  return value.replace(/^(["'])(.*)\1$/, "$2");
}
function dockerfileImages(text, path) {
  const lines = text.split(/\r?\n/);
  const escape = /^#\s*escape\s*=\s*`/i.test(lines[0] ?? "") ? "`" : "\\";
  const images = [];
  const unresolved = [];
  const globalArgs = /* @__PURE__ */ new Map();
  const stages = /* @__PURE__ */ new Set();
  let seenFrom = false;
  for (let i = 0; i < lines.length; i++) {
    const startLine = i + 1;
    let instruction = lines[i] ?? "";
    if (/^\s*#/.test(instruction) || instruction.trim() === "") continue;
    while (instruction.trimEnd().endsWith(escape) && i + 1 < lines.length) {
      instruction = instruction.trimEnd().slice(0, -1) + " ";
      i++;
      const next = lines[i] ?? "";
      if (/^\s*#/.test(next)) continue;
      instruction += next;
    }
    const m = /^\s*(\w+)\s+(.*)$/.exec(instruction);
    if (!m?.[1] || m[2] === void 0) continue;
    const keyword = m[1].toUpperCase();
    const rest = m[2].trim();
    if (keyword === "ARG" && !seenFrom) {
      for (const decl of rest.split(/\s+/)) {
        const eq = decl.indexOf("=");
        if (eq > 0) globalArgs.set(decl.slice(0, eq), unquote(decl.slice(eq + 1)));
      }
      continue;
    }
    if (keyword !== "FROM") continue;
    seenFrom = true;
    const words = rest.split(/\s+/).filter((w) => !w.startsWith("--"));
    const image = words[0];
    if (!image) continue;
    const resolved = substitute(image, globalArgs);
    const lower = resolved.toLowerCase();
    const isEarlierStage = stages.has(lower);
    if (words.length >= 3 && words[1]?.toLowerCase() === "as" && words[2]) stages.add(words[2].toLowerCase());
    if (lower === "scratch" || isEarlierStage) continue;
    if (resolved.includes("$") || resolved === "") {
      unresolved.push({ reference: image, path, line: startLine });
      continue;
    }
    images.push({ reference: resolved, path, line: startLine });
  }
  return { images, unresolved };
}
var CONTAINER_KEYS = /* @__PURE__ */ new Set(["containers", "initContainers", "ephemeralContainers"]);
function walkYaml(node, visit, parentKey) {
  if ((0, import_yaml.isMap)(node)) {
    for (const pair of node.items) {
      const key = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : void 0;
      if (key !== void 0 && pair.value && typeof pair.value === "object") visit(key, pair.value, parentKey);
      walkYaml(pair.value, visit, key);
    }
  } else if ((0, import_yaml.isSeq)(node)) {
    for (const item of node.items) walkYaml(item, visit, parentKey);
  }
}
function scalarString(node) {
  return (0, import_yaml.isScalar)(node) && typeof node.value === "string" ? node.value : void 0;
}
function yamlImages(text, path, compose) {
  const counter = new import_yaml.LineCounter();
  const docs = (0, import_yaml.parseAllDocuments)(text, { lineCounter: counter });
  const images = [];
  const unresolved = [];
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      return { images: [], unresolved: [], problem: line !== void 0 ? { path, line, message: error.message.split("\n")[0] ?? "invalid YAML" } : { path, message: error.message.split("\n")[0] ?? "invalid YAML" } };
    }
    const add = (node) => {
      const value = scalarString(node);
      if (!value) return;
      const line = node.range ? counter.linePos(node.range[0]).line : 1;
      (value.includes("$") || value.includes("{{") ? unresolved : images).push({ reference: value.trim(), path, line });
    };
    if (compose) {
      const services = (0, import_yaml.isMap)(doc.contents) ? doc.contents.get("services", true) : void 0;
      if ((0, import_yaml.isMap)(services)) {
        for (const pair of services.items) {
          const image = (0, import_yaml.isMap)(pair.value) ? pair.value.get("image", true) : void 0;
          if (image && typeof image === "object") add(image);
        }
      }
      continue;
    }
    if (!(0, import_yaml.isMap)(doc.contents) || !doc.contents.has("apiVersion") || !doc.contents.has("kind")) continue;
    walkYaml(doc.contents, (key, value, parentKey) => {
      if (key === "image" && parentKey !== void 0 && CONTAINER_KEYS.has(parentKey)) add(value);
    });
  }
  return { images, unresolved };
}
async function discoverImages(root, files) {
  const discovery = { images: [], problems: [], unresolved: [] };
  for (const path of files) {
    const dockerfile = isDockerfile(path);
    const compose = isComposeFile(path);
    if (!dockerfile && !compose && !isYaml(path)) continue;
    let text;
    try {
      text = await readFile2(join2(root, path), "utf8");
    } catch (err) {
      discovery.problems.push({ path, message: `cannot read: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    if (dockerfile) {
      const found2 = dockerfileImages(text, path);
      discovery.images.push(...found2.images);
      discovery.unresolved.push(...found2.unresolved);
      continue;
    }
    if (!compose && (!/^\s*apiVersion\s*:/m.test(text) || !/^\s*kind\s*:/m.test(text) || text.includes("{{"))) continue;
    const found = yamlImages(text, path, compose);
    if (found.problem) discovery.problems.push(found.problem);
    discovery.images.push(...found.images);
    discovery.unresolved.push(...found.unresolved);
  }
  return discovery;
}

// src/gates/container/index.ts
function asSeverity(value) {
  const lower = typeof value === "string" ? value.toLowerCase() : "";
  return SEVERITIES.includes(lower) ? lower : "high";
}
function expandVariables(text, env) {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, bare) => {
    const value = env[braced ?? bare ?? ""];
    return value ? value : whole;
  });
}
function canonicalKey(reference) {
  try {
    const ref = parseReference(reference);
    return `${ref.registry}/${ref.repository}:${ref.tag ?? ""}@${ref.digest ?? ""}`;
  } catch {
    return reference;
  }
}
async function collectTargets(ctx, findings, notes) {
  const targets = /* @__PURE__ */ new Map();
  for (const listed of ctx.options.images) {
    const image = expandVariables(listed.trim(), ctx.env);
    const key = canonicalKey(image);
    if (!targets.has(key)) targets.set(key, { reference: image, locations: [], listed: true });
  }
  if (!ctx.options.discover) return distinguish([...targets.values()]);
  const listOptions = { include: ctx.options.include, exclude: ctx.options.exclude, signal: ctx.signal };
  if (ctx.changedFiles) listOptions.changedFiles = ctx.changedFiles;
  const files = await listFiles(ctx.root, listOptions);
  const discovery = await discoverImages(ctx.root, files);
  for (const problem of discovery.problems) {
    const location = { path: problem.path };
    if (problem.line !== void 0) location.startLine = problem.line;
    findings.push(
      makeFinding({
        ruleId: RULES.parseError.id,
        gate: "container",
        severity: RULES.parseError.severity,
        message: `${problem.path} could not be read for image references: ${problem.message}.`,
        location,
        key: "parse-error"
      })
    );
  }
  for (const u of discovery.unresolved) notes.push(`${u.path}:${u.line}: image "${u.reference}" uses a variable tollgate cannot resolve; not inspected`);
  for (const found of discovery.images) {
    const location = { path: found.path, startLine: found.line };
    const key = canonicalKey(found.reference);
    const existing = targets.get(key);
    if (existing) existing.locations.push(location);
    else targets.set(key, { reference: found.reference, locations: [location], listed: false });
  }
  return distinguish([...targets.values()]);
}
function distinguish(list) {
  const perRepository = /* @__PURE__ */ new Map();
  const repositoryOf = (t) => canonicalKey(t.reference).replace(/:[^:/@]*@.*$/, "");
  for (const t of list) perRepository.set(repositoryOf(t), (perRepository.get(repositoryOf(t)) ?? 0) + 1);
  for (const t of list) if ((perRepository.get(repositoryOf(t)) ?? 0) > 1) t.distinct = true;
  return list;
}
function unavailableFinding(target, inspection) {
  const make = findingFactory(target, inspection);
  const error = inspection.error ?? { kind: "invalid", message: "unknown error" };
  const rule = error.kind === "reference" ? RULES.invalidReference : RULES.unavailable;
  return make(rule, {
    message: error.kind === "reference" ? target.reference.includes("$") ? `Image reference "${target.reference}" names an environment variable that is not set; set it or write the reference out.` : `Image reference "${target.reference}" is not valid: ${error.message}.` : `Image ${target.reference} could not be inspected: ${error.message}.`,
    key: error.kind,
    properties: { reason: error.kind }
  });
}
function layerFindings(target, inspection) {
  const layers = inspection.layers;
  if (!layers) return [];
  const make = findingFactory(target, inspection);
  const findings = [];
  for (const secret of layers.secrets) {
    findings.push(
      make(RULES.secretInLayer, {
        message: `Image ${target.reference} contains a secret (${secret.hit.title}, ${secret.hit.redacted}) in ${secret.path} line ${secret.hit.line}; revoke it and rebuild without it.`,
        severity: secret.hit.severity,
        key: `${secret.path}\0${secret.hit.hash}`,
        properties: { file: secret.path, line: secret.hit.line, layer: secret.layerDigest, secretRule: secret.hit.ruleId, redacted: secret.hit.redacted }
      })
    );
  }
  if (layers.incomplete) {
    findings.push(
      make(RULES.layerScanIncomplete, {
        message: `Image ${target.reference}: ${layers.incomplete}; secrets and packages past that point were not checked.`,
        properties: { layersRead: layers.layersRead, layers: inspection.metadata?.layers.length ?? 0, uncompressedBytes: layers.uncompressedBytes, files: layers.files }
      })
    );
  }
  if (layers.packages.length > 0 && !layers.ecosystem) {
    const release = layers.osRelease ? `${layers.osRelease.id} ${layers.osRelease.versionId}`.trim() : "an unknown distribution (no os-release)";
    findings.push(
      make(RULES.osUnknown, {
        message: `Image ${target.reference} has ${plural(layers.packages.length, "OS package")} on ${release}, which has no OSV ecosystem tollgate matches.`,
        properties: { packages: layers.packages.length }
      })
    );
  }
  return findings;
}
async function vulnerabilityFindings(ctx, pairs, notes) {
  const refs = /* @__PURE__ */ new Map();
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
  const lookup = { cacheDir: ctx.cacheDir, signal: ctx.signal };
  if (database) lookup.offline = isAbsolute(database) ? database : resolve(ctx.root, database);
  else lookup.online = { timeoutMs: ctx.options["request-timeout"] };
  let matches;
  try {
    matches = await findVulnerabilities([...refs.values()], lookup);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    notes.push(`OSV lookup failed: ${reason}`);
    return pairs.filter(({ inspection }) => inspection.layers?.ecosystem && inspection.layers.packages.length > 0).map(
      ({ target, inspection }) => findingFactory(target, inspection)(RULES.layerScanIncomplete, {
        message: `Image ${target.reference}: its OS packages could not be matched against OSV advisories (${reason}).`,
        key: "osv",
        severity: "high",
        properties: { reason }
      })
    );
  }
  const byPackage = /* @__PURE__ */ new Map();
  for (const m of matches) {
    const key = `${m.package.ecosystem}\0${m.package.name}\0${m.package.version}`;
    byPackage.set(key, [...byPackage.get(key) ?? [], m]);
  }
  const findings = [];
  for (const { target, inspection } of pairs) {
    const layers = inspection.layers;
    if (!layers?.ecosystem) continue;
    const make = findingFactory(target, inspection);
    const reported = /* @__PURE__ */ new Set();
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
              fixedIn: m.fixed
            }
          })
        );
      }
    }
  }
  return findings;
}
async function scan(ctx) {
  const options = ctx.options;
  const findings = [];
  const notes = [];
  const targets = await collectTargets(ctx, findings, notes);
  if (targets.length === 0) {
    if (findings.length > 0) return { findings, metrics: { images: 0 }, notes };
    return {
      findings: [],
      metrics: {},
      skipped: options.discover ? "no image references found in Dockerfiles, Kubernetes manifests or Compose files; list images under container.images" : "no images to inspect: list them under container.images or set container.discover: true",
      ...notes.length > 0 ? { notes } : {}
    };
  }
  const limits = options["layer-limits"];
  const inspectOptions = {
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
      maxFileBytes: limits["max-file-kb"] * 1024
    },
    layerExclude: options["layer-exclude"]
  };
  const started = Date.now();
  const inspections = await mapLimit(targets, options.concurrency, (t) => inspectImage(t.reference, { ...inspectOptions, untrusted: !t.listed }));
  const pairs = targets.map((target, i) => ({ target, inspection: inspections[i] }));
  for (const { target, inspection } of pairs) {
    if (inspection.error) {
      findings.push(unavailableFinding(target, inspection));
      continue;
    }
    findings.push(...configFindings(target, inspection, { options, now: ctx.now }));
    findings.push(...layerFindings(target, inspection));
  }
  if (options.layers) findings.push(...await vulnerabilityFindings(ctx, pairs, notes));
  const layerReports = inspections.map((i) => i.layers).filter((l) => l !== void 0);
  const metrics = {
    images: targets.length,
    unavailable: inspections.filter((i) => i.error).length,
    compressedBytes: inspections.reduce((s, i) => s + (i.metadata?.compressedSize ?? 0), 0)
  };
  if (options.layers) {
    metrics.layerBytesRead = layerReports.reduce((s, l) => s + l.compressedBytes, 0);
    metrics.layerFiles = layerReports.reduce((s, l) => s + l.files, 0);
    metrics.osPackages = layerReports.reduce((s, l) => s + l.packages.length, 0);
  }
  ctx.log.info(
    `container: inspected ${plural(targets.length, "image")} in ${Date.now() - started} ms` + (metrics.unavailable ? `, ${metrics.unavailable} could not be inspected` : "") + (options.layers ? `, ${((metrics.layerBytesRead ?? 0) / 1048576).toFixed(1)} MB of layers read` : "")
  );
  return { findings, metrics, notes, data: { images: pairs.map(({ target, inspection }) => ({ image: target.reference, digest: inspection.metadata?.manifestDigest ?? null, error: inspection.error?.kind ?? null })) } };
}
var BLOCKING = /* @__PURE__ */ new Set([RULES.unavailable.id, RULES.invalidReference.id]);
function evaluate(result, options) {
  const verdict = evaluateBySeverity(result, options);
  const blocked = result.findings.filter((f) => isActive(f) && BLOCKING.has(f.ruleId) && !atLeast(f.severity, options["fail-on"]));
  if (blocked.length > 0) {
    return { status: "failed", summary: `${plural(blocked.length, "image")} could not be inspected; ${verdict.summary}` };
  }
  return verdict;
}
var gate = {
  id: "container",
  title: "Container images",
  description: "Inspects container images in their registry: user, age, digest pinning, labels, secrets, exposed ports, size, healthcheck, and with layers: true secrets in files and vulnerable OS packages.",
  schema,
  rules: () => ALL_RULES,
  scan,
  evaluate
};
export {
  expandVariables,
  gate
};
