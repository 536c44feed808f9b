// pnpm-lock.yaml 5.x (`/name/1.0.0_peer`), 6.x (`/name@1.0.0(peer)`) and 9.x (`name@1.0.0`,
// with the dependency graph moved to `snapshots` and no dev flag, so dev comes from reachability).
import { parse as parseYaml } from "yaml";
import { type LockPackage, LockfileError, type ParsedLockfile } from "../types.js";
import { isRecord, reachable, record, str } from "../text.js";
import { parseYamlLite } from "./yaml-lite.js";

const PROD_FIELDS = ["dependencies", "optionalDependencies"];
const ALL_FIELDS = [...PROD_FIELDS, "devDependencies"];

export function parsePnpmLock(path: string, content: string): ParsedLockfile {
  let doc: unknown;
  try {
    doc = parseYamlLite(content) ?? parseYaml(content, { maxAliasCount: 10_000 });
  } catch (error) {
    if (error instanceof LockfileError) throw error;
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new LockfileError(`invalid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, line);
  }
  if (!isRecord(doc)) throw new LockfileError("the lockfile is not a YAML mapping");
  const lockVersion = String(doc.lockfileVersion ?? "");
  const major = Number.parseInt(lockVersion, 10);
  if (!Number.isFinite(major)) throw new LockfileError('missing "lockfileVersion"');
  const packages = record(doc.packages);
  const snapshots = record(doc.snapshots);
  const keyLines = packageKeyLines(content);
  const importers = isRecord(doc.importers) ? Object.values(doc.importers).map(record) : [doc];

  // Importer dependency values: "1.2.3_peer" (5), { version: "1.2.3(peer)" } (6, 9), or an alias key.
  const toKey = (name: string, value: unknown): string | undefined => {
    const version = isRecord(value) ? str(value.version) : typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
    if (!version || version.startsWith("link:") || version.startsWith("file:")) return undefined;
    if (version.startsWith("/")) return version.slice(1); // 5/6 alias: "/real/1.0.0" or "/real@1.0.0"
    if (version.indexOf("@", 1) > 0 && !/^\d/.test(version)) return version; // 9 alias: "real@1.0.0"
    return major < 6 ? `${name}/${version}` : `${name}@${version}`;
  };
  const directKeys = new Set<string>();
  const prodRoots: string[] = [];
  for (const importer of importers) {
    for (const field of ALL_FIELDS) {
      for (const [name, value] of Object.entries(record(importer[field]))) {
        const key = toKey(name, value);
        if (!key) continue;
        const base = baseOf(key, major);
        directKeys.add(`${base.name}@${base.version}`);
        if (PROD_FIELDS.includes(field)) prodRoots.push(key);
      }
    }
  }
  // 9.x has no dev flag: a package is dev when no production root reaches any of its snapshots.
  let prodReached: Set<string> | undefined;
  if (major >= 9) {
    const reached = reachable(prodRoots, (key) => {
      const snap = record(snapshots[key]);
      return [...PROD_FIELDS].flatMap((f) => Object.entries(record(snap[f])).map(([n, v]) => toKey(n, v) ?? ""));
    });
    prodReached = new Set([...reached].map((k) => {
      const b = baseOf(k, major);
      return `${b.name}@${b.version}`;
    }));
  }
  const out: LockPackage[] = [];
  const seen = new Set<string>();
  for (const [rawKey, value] of Object.entries(packages)) {
    const info = record(value);
    const base = baseOf(rawKey.startsWith("/") ? rawKey.slice(1) : rawKey, major);
    const name = str(info.name) ?? base.name;
    const version = str(info.version) ?? base.version;
    if (!name || !version || /^(link|file|workspace):/.test(version)) continue;
    const id = `${base.name}@${base.version}`;
    if (seen.has(`${name}@${version}`)) continue; // peer variants of one version (5.x/6.x)
    seen.add(`${name}@${version}`);
    const dev = prodReached ? !prodReached.has(id) : info.dev === true;
    out.push({ ecosystem: "npm", name, version, direct: directKeys.has(id), dev, line: keyLines.get(rawKey) ?? 1 });
  }
  return { path, format: `pnpm-lock.yaml ${lockVersion}`, packages: out, notes: [] };
}

/** Package key without peer suffix: 5.x "@s/n/1.0.0_p@1", 6.x/9.x "@s/n@1.0.0(p@1)". */
function baseOf(key: string, major: number): { name: string; version: string } {
  const k = key.startsWith("/") ? key.slice(1) : key;
  if (major < 6) {
    const parts = k.split("/");
    const scoped = parts[0]?.startsWith("@") ?? false;
    const name = scoped ? `${parts[0]}/${parts[1] ?? ""}` : (parts[0] ?? "");
    const version = (scoped ? parts[2] : parts[1]) ?? "";
    return { name, version: version.split("_")[0] ?? version };
  }
  const noPeers = k.split("(")[0] ?? k;
  const at = noPeers.indexOf("@", 1);
  if (at === -1) return { name: noPeers, version: "" };
  return { name: noPeers.slice(0, at), version: noPeers.slice(at + 1).split("_")[0] ?? "" };
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
