// pnpm-lock.yaml 5.x (`/name/1.0.0_peer`), 6.x (`/name@1.0.0(peer)`) and 9.x (`name@1.0.0`,
// with the dependency graph moved to `snapshots` and no dev flag, so dev comes from reachability).
// pnpm 11+ may put an "env" document (config dependencies, pnpm itself) before the project's.
import { oneEntryPerRelease } from "../releases.js";
import { parse as parseYaml } from "yaml";
import { type LockPackage, LockfileError, type ParsedLockfile } from "../types.js";
import { isRecord, reachable, record, str, stripBom } from "../text.js";
import { parseYamlLite } from "./yaml-lite.js";

const PROD_FIELDS = ["dependencies", "optionalDependencies"];
/** Tooling the env document pins: installed by pnpm, never part of the built project. */
const ENV_FIELDS = ["configDependencies", "packageManagerDependencies"];
const ALL_FIELDS = [...PROD_FIELDS, "devDependencies", ...ENV_FIELDS];

interface DocResult {
  version: string;
  packages: LockPackage[];
  notes: string[];
}

/**
 * Every YAML document of the file: the last is the project lockfile, the ones before it the env
 * lockfile (https://pnpm.io/lockfile says scanners should read both).
 */
export function parsePnpmLock(path: string, content: string): ParsedLockfile {
  const docs = splitDocuments(stripBom(content)).map((text) => parseDocument(path, text));
  const last = docs[docs.length - 1];
  if (!last) throw new LockfileError("the lockfile is empty");
  return { path, format: `pnpm-lock.yaml ${last.version}`, packages: oneEntryPerRelease(docs.flatMap((d) => d.packages)), notes: docs.flatMap((d) => d.notes) };
}

/** Each document's text, with the other documents' lines blanked so line numbers stay true. */
function splitDocuments(content: string): string[] {
  const lines = content.split("\n");
  const starts = lines.flatMap((line, i) => (/^---\s*$/.test(line) ? [i] : []));
  if (starts.length === 0) return [content];
  const bounds = [...(starts[0] === 0 ? [] : [-1]), ...starts];
  const docs: string[] = [];
  bounds.forEach((start, k) => {
    const end = bounds[k + 1] ?? lines.length;
    if (!lines.slice(start + 1, end).some((l) => l.trim() !== "" && !l.trimStart().startsWith("#"))) return;
    docs.push(lines.map((line, i) => (i > start && i < end ? line : "")).join("\n"));
  });
  return docs.length > 0 ? docs : [content];
}

function loadYaml(content: string): unknown {
  try {
    return parseYamlLite(content) ?? parseYaml(content, { maxAliasCount: 10_000 });
  } catch (error) {
    if (error instanceof LockfileError) throw error;
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new LockfileError(`invalid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, line);
  }
}

function parseDocument(path: string, content: string): DocResult {
  const doc = loadYaml(content);
  if (!isRecord(doc)) throw new LockfileError("the lockfile is not a YAML mapping");
  const lockVersion = String(doc.lockfileVersion ?? "");
  const major = Number.parseInt(lockVersion, 10);
  if (!Number.isFinite(major)) throw new LockfileError('missing "lockfileVersion"');
  const packages = record(doc.packages);
  // 9.x (and the 7.0 of pnpm 9 pre-releases) list dependencies per snapshot ("a@1.0.0(peer@2)"),
  // older versions per package key.
  const snapshots = major >= 9 || isRecord(doc.snapshots);
  const graph = snapshots ? record(doc.snapshots) : packages;
  const graphKeys = new Set(Object.keys(graph).map(withoutSlash));
  const importers = isRecord(doc.importers) ? Object.values(doc.importers).map(record) : [doc];

  const resolveDep = (name: string, value: unknown): string | undefined => resolveReference(graphKeys, name, value);
  const packageKeyOf = (graphKey: string): string => (snapshots ? withoutPeers(graphKey) : graphKey);

  const direct = new Set<string>();
  const prodRoots: string[] = [];
  for (const importer of importers) {
    for (const field of ALL_FIELDS) {
      for (const [name, value] of Object.entries(record(importer[field]))) {
        const key = resolveDep(name, value);
        if (!key) continue;
        direct.add(packageKeyOf(key));
        if (PROD_FIELDS.includes(field)) prodRoots.push(key);
      }
    }
  }
  // Snapshots carry no dev flag: a package is dev when no production root reaches any of them.
  let prodPackages: Set<string> | undefined;
  if (snapshots) {
    const reached = reachable(prodRoots, (key) => {
      const snap = record(graph[key] ?? graph[`/${key}`]);
      return PROD_FIELDS.flatMap((f) => Object.entries(record(snap[f])).map(([n, v]) => resolveDep(n, v) ?? ""));
    });
    prodPackages = new Set([...reached].map(packageKeyOf));
  }

  const keyLines = packageKeyLines(content);
  const out: LockPackage[] = [];
  const notes: string[] = [];
  for (const [rawKey, value] of Object.entries(packages)) {
    const key = withoutSlash(rawKey);
    const info = record(value);
    const line = keyLines.get(rawKey) ?? 1;
    if (isLocal(key, info)) {
      notes.push(`${path}:${line}: ${str(info.name) ?? key} is a local folder or file; it is not checked`);
      continue;
    }
    const ident = identify(key, info, major);
    if (!ident) {
      notes.push(`${path}:${line}: cannot tell the name and version of "${rawKey}"; it is not checked`);
      continue;
    }
    const dev = prodPackages ? !prodPackages.has(key) : info.dev === true;
    out.push({ ecosystem: "npm", ...ident, direct: direct.has(key), dev, line });
  }
  return { version: lockVersion, packages: out, notes };
}

/**
 * The graph key an importer or snapshot dependency points at. Values are a version ("1.0.0",
 * "1.0.0_peer" in 5.x, "1.0.0(peer)" in 6.x/9.x), an alias or git/tarball key ("/real/1.0.0",
 * "real@1.0.0", "github.com/o/r/sha", "https://host/x.tgz"), or a local link; 6.x and 9.x
 * importers wrap it in { specifier, version }.
 */
function resolveReference(graphKeys: Set<string>, name: string, value: unknown): string | undefined {
  const ref = isRecord(value) ? str(value.version) : typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
  if (!ref || ref.startsWith("link:")) return undefined;
  const candidates = [withoutSlash(ref), `${name}@${ref}`, `${name}/${ref}`];
  return candidates.find((k) => graphKeys.has(k));
}

function withoutSlash(key: string): string {
  return key.startsWith("/") ? key.slice(1) : key;
}

function withoutPeers(key: string): string {
  const paren = key.indexOf("(");
  return paren === -1 ? key : key.slice(0, paren);
}

/** `file:` directories and tarballs are the project's own code (or a vendored copy of it). */
function isLocal(key: string, info: Record<string, unknown>): boolean {
  const resolution = record(info.resolution);
  if (typeof resolution.directory === "string" || str(resolution.tarball)?.startsWith("file:")) return true;
  return key.startsWith("file:") || /^(?:@[^/]+\/)?[^@/]+@(file|link):/.test(key);
}

/**
 * Name and version of a package entry. Git and tarball entries carry `name` and `version`
 * fields; registry ones only the key, whose version must look like a release.
 */
function identify(key: string, info: Record<string, unknown>, major: number): { name: string; version: string } | undefined {
  const parsed = major < 6 ? splitV5Key(key) : splitKey(key);
  const name = str(info.name) ?? parsed?.name;
  const version = str(info.version) ?? parsed?.version;
  if (!name || !version || !/^\d/.test(version)) return undefined;
  return { name, version };
}

/** 5.x: "[host/]name/1.0.0[_peers]" or "[host/]@scope/name/1.0.0[_peers]"; peers use "+" for "/". */
function splitV5Key(key: string): { name: string; version: string } | undefined {
  const parts = key.split("/");
  if (parts.length < 2) return undefined;
  const version = (parts[parts.length - 1] ?? "").split("_")[0] ?? "";
  const base = parts[parts.length - 2] ?? "";
  const scope = parts[parts.length - 3];
  return { name: scope?.startsWith("@") ? `${scope}/${base}` : base, version };
}

/** 6.x and 9.x: "name@1.0.0(peer@2)" or "@scope/name@1.0.0"; early 6.x kept "_peer" suffixes. */
function splitKey(key: string): { name: string; version: string } | undefined {
  const noPeers = withoutPeers(key);
  const at = noPeers.indexOf("@", 1);
  if (at === -1) return undefined;
  const version = noPeers.slice(at + 1);
  return { name: noPeers.slice(0, at), version: /^\d/.test(version) ? (version.split("_")[0] ?? version) : version };
}

/** Lines of the keys under the top-level `packages:` mapping. */
function packageKeyLines(content: string): Map<string, number> {
  const lines = content.split("\n");
  const out = new Map<string, number>();
  let inPackages = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\r$/, "");
    if (/^\S/.test(line)) {
      inPackages = line.startsWith("packages:");
      continue;
    }
    if (!inPackages) continue;
    const m = /^ {2}(\S.*):\s*(?:\{\s*\}\s*)?$/.exec(line) ?? /^ {2}(['"].*['"]):/.exec(line);
    if (!m?.[1]) continue;
    let key = m[1];
    if ((key.startsWith("'") && key.endsWith("'")) || (key.startsWith('"') && key.endsWith('"'))) key = key.slice(1, -1);
    out.set(key, i + 1);
  }
  return out;
}
