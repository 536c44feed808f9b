// Parses image references the way Docker does (distribution/reference): registry host, repository,
// tag and digest, with Docker Hub's implicit host and `library/` namespace.

export interface ImageReference {
  /** The reference as written. */
  raw: string;
  /** Registry host with optional port, as the client takes it (no scheme). */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export const DOCKER_HUB = "registry-1.docker.io";

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export class ReferenceError extends Error {}

/** Throws ReferenceError with a reason a user can act on. */
export function parseReference(raw: string): ImageReference {
  const text = raw.trim();
  if (text === "") throw new ReferenceError("empty image reference");
  if (/^[a-z]+:\/\//i.test(text)) throw new ReferenceError(`image reference "${text}" must not have a URL scheme`);
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new ReferenceError(`invalid digest "${digest}" in image reference "${text}"`);
  }
  let tag: string | undefined;
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
  // Docker's rule: the first component is a host when it has a dot or a port, or is localhost.
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
  const ref: ImageReference = { raw: text, registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  if (tag === undefined && digest === undefined) ref.tag = "latest";
  return ref;
}

/** What the registry is asked for: the digest when pinned, else the tag. */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? "latest";
}

/** The host without port, lowercased; `[::1]` keeps its brackets stripped. */
export function hostName(registry: string): string {
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(registry);
  if (bracket?.[1]) return bracket[1].toLowerCase();
  return registry.replace(/:\d+$/, "").toLowerCase();
}

export function isLoopback(registry: string): boolean {
  const host = hostName(registry);
  return host === "localhost" || host === "::1" || /^127(?:\.\d{1,3}){3}$/.test(host);
}
