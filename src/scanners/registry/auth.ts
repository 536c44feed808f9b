// Where registry credentials come from: environment variables the policy names per registry, else
// the `auths` of the Docker client config. Credentials stay in memory and never reach a message.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runCommand } from "../../core/exec.js";
import { DOCKER_HUB, hostName } from "./reference.js";

export interface Credentials {
  username: string;
  password: string;
  /** Where they came from, safe to show: "env REGISTRY_USER" or "docker config". */
  source: string;
}

export interface RegistryAuthOption {
  "username-env": string;
  "password-env": string;
}

export interface CredentialLookup {
  /** Per-registry policy settings, keyed by host or host:port. */
  registries: Record<string, { auth?: RegistryAuthOption | undefined } | undefined>;
  env: Record<string, string | undefined>;
  /** For Docker credential helpers (credsStore / credHelpers), which are child processes. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

export type CredentialResult = { credentials?: Credentials; problem?: string };

const HUB_ALIASES = new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);

/** Normalises a registry key ("https://index.docker.io/v1/", "Host:5000") to host[:port]. */
export function normalizeRegistryKey(key: string): string {
  let host = key.trim().replace(/^[a-z]+:\/\//i, "").replace(/\/.*$/, "").toLowerCase();
  if (HUB_ALIASES.has(host)) host = DOCKER_HUB;
  return host;
}

function policyEntry(lookup: CredentialLookup, registry: string): RegistryAuthOption | undefined {
  const wanted = normalizeRegistryKey(registry);
  let byHost: RegistryAuthOption | undefined;
  for (const [key, value] of Object.entries(lookup.registries)) {
    if (!value?.auth) continue;
    const normalized = normalizeRegistryKey(key);
    if (normalized === wanted) return value.auth;
    if (!normalized.includes(":") && normalized === hostName(wanted)) byHost = value.auth;
  }
  return byHost;
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string } | undefined>;
  credsStore?: string;
  credHelpers?: Record<string, string | undefined>;
}

async function readDockerConfig(env: Record<string, string | undefined>): Promise<DockerConfig | undefined> {
  const dir = env.DOCKER_CONFIG ?? (env.HOME ? join(env.HOME, ".docker") : undefined);
  if (!dir) return undefined;
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, "config.json"), "utf8"));
    return parsed !== null && typeof parsed === "object" ? (parsed as DockerConfig) : undefined;
  } catch {
    // No config, or one we cannot read: anonymous access is still worth trying.
    return undefined;
  }
}

export async function resolveCredentials(registry: string, lookup: CredentialLookup): Promise<CredentialResult> {
  const option = policyEntry(lookup, registry);
  if (option) {
    const username = lookup.env[option["username-env"]];
    const password = lookup.env[option["password-env"]];
    const missing = [
      username ? undefined : option["username-env"],
      password ? undefined : option["password-env"],
    ].filter((name): name is string => name !== undefined);
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

/**
 * Asks a Docker credential helper (`docker-credential-<name> get`, server URL on stdin) as the
 * Docker CLI does. A missing helper or one without an entry means no credentials, not an error.
 */
async function credentialHelper(name: string, server: string, lookup: CredentialLookup): Promise<Credentials | undefined> {
  if (!/^[\w.-]+$/.test(name)) return undefined;
  const options: Parameters<typeof runCommand>[0] = {
    command: `docker-credential-${name}`,
    args: ["get"],
    cwd: lookup.env.HOME ?? process.cwd(),
    env: lookup.env,
    input: server,
    timeoutMs: lookup.timeoutMs ?? 10_000,
  };
  if (lookup.signal) options.signal = lookup.signal;
  const result = await runCommand(options);
  if (result.exitCode !== 0 || result.spawnError) return undefined;
  try {
    const parsed = JSON.parse(result.stdout) as { Username?: unknown; Secret?: unknown };
    if (typeof parsed.Username === "string" && typeof parsed.Secret === "string" && parsed.Secret !== "") {
      return { username: parsed.Username, password: parsed.Secret, source: `credential helper ${name}` };
    }
  } catch {
    // Not JSON: treat as no entry.
  }
  return undefined;
}
