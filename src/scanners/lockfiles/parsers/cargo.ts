// Cargo.lock: [[package]] tables; packages without a `source` are the workspace's own crates,
// and what they depend on is direct. Cargo.lock does not say which dependencies are dev-only.
import { type LockPackage, LockfileError, type ParsedLockfile } from "../types.js";
import { isRecord, str } from "../text.js";
import { packageLines, packageTables, parseToml } from "./toml.js";

export function parseCargoLock(path: string, content: string): ParsedLockfile {
  const doc = parseToml(content);
  const tables = packageTables(doc);
  const lines = packageLines(content);
  const direct = new Set<string>();
  const out: { pkg: LockPackage; id: string }[] = [];
  const notes: string[] = [];
  const local: LockPackage[] = [];
  const addLocal = (t: Record<string, unknown>, line: number): void => {
    const name = str(t.name);
    const version = str(t.version);
    if (!name || !version) throw new LockfileError("a workspace crate has no name or version", line);
    // "name" (v2+), "name version", or "name version (source)" (v1): keep name and, when given, version.
    for (const dep of stringList(t.dependencies)) {
      const [depName = "", depVersion] = dep.split(" ");
      direct.add(depVersion ? `${depName} ${depVersion}` : depName);
    }
    // A workspace or path crate: part of the lockfile's package list, but the project's own code.
    local.push({ ecosystem: "crates.io", name, version, direct: false, dev: false, line, local: true });
  };
  // Lockfiles from Cargo before 1.14 (2016) hold the root crate in a [root] table of its own.
  if (isRecord(doc.root)) addLocal(doc.root, tableNameLine(content, "root"));
  tables.forEach((t, i) => {
    const line = lines[i] ?? 1;
    const name = str(t.name);
    const version = str(t.version);
    if (!name || !version) throw new LockfileError(`[[package]] #${i + 1} has no name or version`, line);
    const source = str(t.source);
    if (!source) {
      addLocal(t, line);
      return;
    }
    if (!source.startsWith("registry+") && !source.startsWith("sparse+")) {
      notes.push(`${path}:${line}: ${name} ${version} comes from ${source.split("#")[0] ?? source}; it is checked as a crates.io release`);
    }
    out.push({ pkg: { ecosystem: "crates.io", name, version, direct: false, dev: false, line }, id: `${name} ${version}` });
  });
  for (const { pkg, id } of out) pkg.direct = direct.has(id) || direct.has(pkg.name);
  const packages = [...out.map((o) => o.pkg), ...local].sort((a, b) => a.line - b.line);
  return { path, format: `Cargo.lock v${formatVersion(doc, tables)}`, packages, notes };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((d): d is string => typeof d === "string") : [];
}

/**
 * v3 and later say `version = N`. Before that, v1 keeps checksums in [metadata] and writes
 * every dependency with its source; v2 (Cargo 1.41 to 1.52) puts checksums on the packages.
 */
function formatVersion(doc: Record<string, unknown>, tables: Record<string, unknown>[]): number {
  if (typeof doc.version === "number") return doc.version;
  const v1 = isRecord(doc.metadata) || tables.some((t) => stringList(t.dependencies).some((d) => d.includes("(")));
  return v1 || !tables.some((t) => str(t.checksum)) ? 1 : 2;
}

/** Line of the `name =` key of a `[table]` (else of its header), or 1. */
function tableNameLine(content: string, table: string): number {
  const lines = content.split("\n");
  const header = lines.findIndex((l) => l.trim() === `[${table}]`);
  if (header === -1) return 1;
  for (let i = header + 1; i < lines.length && !(lines[i] ?? "").trim().startsWith("["); i++) {
    if (/^\s*name\s*=/.test(lines[i] ?? "")) return i + 1;
  }
  return header + 1;
}
